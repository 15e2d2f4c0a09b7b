package io.firstcontact.ivr.payment;

/** The gateway could not be reached, or refused the request as malformed: nothing was taken. */
public final class GatewayUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
