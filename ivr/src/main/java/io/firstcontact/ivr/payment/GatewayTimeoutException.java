package io.firstcontact.ivr.payment;

/**
 * The gateway did not answer in time: the payment may or may not have been taken. Asking again with the same
 * idempotency key finds out without charging twice.
 */
public final class GatewayTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GatewayTimeoutException(String message) {
        super(message);
    }
}
