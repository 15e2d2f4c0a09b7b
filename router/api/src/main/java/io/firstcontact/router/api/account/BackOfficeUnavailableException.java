package io.firstcontact.router.api.account;

import java.util.Objects;

/**
 * The back office did not answer usefully: it is down, slow, its circuit breaker is open, or what it sent could not
 * be read. Distinct from "not found": the customer may well exist. The desktop says the account context is unavailable
 * and everything else carries on; routing never waits for it.
 */
public final class BackOfficeUnavailableException extends BackOfficeException {
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public BackOfficeUnavailableException(Reason reason, String message) {
        this(reason, message, null);
    }

    public BackOfficeUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** Why the back office is unavailable. */
    public enum Reason {
        /** It did not answer within the configured timeout. */
        TIMEOUT,
        /** Recent calls failed, so calls fail fast without trying until the breaker lets one through again. */
        CIRCUIT_OPEN,
        /** It could not be reached (connection refused, name not resolved, connection reset). */
        UNREACHABLE,
        /** It answered with a server error. */
        ERROR_STATUS,
        /** It answered with something that is not the documented format. */
        MALFORMED_ANSWER
    }
}
