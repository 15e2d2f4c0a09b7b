package io.firstcontact.router.journal;

/**
 * Journal data that cannot be read (malformed JSON, an unknown or missing property, a value of the wrong shape, a
 * value its record refuses, an unknown schema version) or a value that cannot be written.
 *
 * <p>The message names the entry and the field, never a value: values may be personal. When a record's constructor
 * refused the value, that refusal is the cause (the engine's records never echo attribute values either).
 */
public final class JournalFormatException extends RuntimeException {
    private final String field;

    public JournalFormatException(String message) {
        this(message, null, "");
    }

    public JournalFormatException(String message, Throwable cause) {
        this(message, cause, "");
    }

    private JournalFormatException(String message, Throwable cause, String field) {
        super(message, cause);
        this.field = field;
    }

    /** Where reading failed, as {@code queues[2].wrapUpMillis}; empty when it is the whole value. */
    public String field() {
        return field;
    }

    JournalFormatException at(String path) {
        return path == null || path.isEmpty() ? this : new JournalFormatException(getMessage(), getCause(), path);
    }
}
