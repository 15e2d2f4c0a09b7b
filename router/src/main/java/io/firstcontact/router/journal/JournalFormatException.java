package io.firstcontact.router.journal;

/**
 * Journal data that cannot be read (malformed JSON, an unknown or missing property, a value of the wrong shape, a
 * value its record refuses, an unknown schema version) or a value that cannot be written.
 *
 * <p>The message names the entry and the field, never a value: values may be personal. When a record's constructor
 * refused the value, that refusal is the cause (the engine's records never echo attribute values either).
 */
public final class JournalFormatException extends RuntimeException {
    public JournalFormatException(String message) {
        super(message);
    }

    public JournalFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
