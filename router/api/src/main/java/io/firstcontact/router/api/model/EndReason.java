package io.firstcontact.router.api.model;

/** Why an interaction ended. */
public enum EndReason {
    /** The customer hung up, closed the chat or withdrew the email. */
    CUSTOMER_LEFT,
    /** Handled by an advisor and finished. */
    COMPLETED,
    /** Finished in self-service (IVR payment, status heard). */
    SELF_SERVED,
    /** Transferred or overflowed to an external number or provider. */
    TRANSFERRED_OUT,
    /** Its source's inventory after an outage no longer lists it: it ended while the router was away. */
    LOST_DURING_OUTAGE,
    /** A callback whose every dial (up to the queue's callback attempts) went unanswered or failed. */
    CALLBACK_FAILED
}
