package io.firstcontact.channels.voice.ami;

/** Why the adapter dropped a manager connection that was up: Asterisk had stopped taking part in it. */
public enum StuckLink {
    /** An action's write had not returned within the response timeout: Asterisk stopped reading its socket. */
    WRITE_STUCK("write_stuck"),
    /** Actions in a row went unanswered within the response timeout: Asterisk reads but does not answer. */
    NO_RESPONSES("no_responses");

    private final String tag;

    StuckLink(String tag) {
        this.tag = tag;
    }

    /** The {@code reason} tag of the drop's metric. */
    public String tag() {
        return tag;
    }
}
