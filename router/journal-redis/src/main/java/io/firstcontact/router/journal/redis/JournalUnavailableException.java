package io.firstcontact.router.journal.redis;

/**
 * Redis could not be reached, timed out, or answered with an error other than fencing. Whether a
 * failed append was written is unknown: the caller keeps the entries (spill) and, on reconnect,
 * reads the stream after its last acknowledged id to see which of them were written before it replays
 * the rest with the same ids. (Replaying an entry that was written fails like a fenced append, so the
 * read comes first.)
 */
public final class JournalUnavailableException extends RuntimeException {

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalUnavailableException(String message) {
        super(message);
    }
}
