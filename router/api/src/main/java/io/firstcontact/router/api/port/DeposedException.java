package io.firstcontact.router.api.port;

/** The host stepped down (a newer epoch started, or it was stopped): the command was not applied. */
public final class DeposedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeposedException(String message) {
        super(message);
    }
}
