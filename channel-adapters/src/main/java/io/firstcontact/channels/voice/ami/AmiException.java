package io.firstcontact.channels.voice.ami;

import java.io.Serial;

/** An action that did not succeed: the link is down, Asterisk answered {@code Error}, or no answer came in time. */
public final class AmiException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public AmiException(String message) {
        super(message);
    }
}
