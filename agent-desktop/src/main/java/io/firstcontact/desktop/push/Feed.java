package io.firstcontact.desktop.push;

/**
 * What a push endpoint serves: the desk of one advisor, a wallboard. Opened once per connection after the principal
 * and role are checked; the returned handle is closed when the connection ends.
 */
@FunctionalInterface
public interface Feed {
    /**
     * @param resumeAfter the last journal entry id the page had before it reconnected, or null for a fresh page
     */
    AutoCloseable open(PushConnection connection, String resumeAfter);
}
