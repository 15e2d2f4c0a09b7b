package io.firstcontact.router.api.model;

/** How a consultation (warm transfer) ends. */
public enum ConsultOutcome {
    /** The consulted advisor takes the customer over; the original advisor wraps up. */
    COMPLETED,
    /** The consultation ends; the customer stays with the original advisor. */
    CANCELLED
}
