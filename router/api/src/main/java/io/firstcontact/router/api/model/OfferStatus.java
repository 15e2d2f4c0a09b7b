package io.firstcontact.router.api.model;

/** RESERVED → ALERTING → one terminal status. Capacity is held from RESERVED. */
public enum OfferStatus {
    RESERVED,
    ALERTING,
    ACCEPTED,
    REJECTED,
    TIMED_OUT,
    FAILED,
    CANCELLED;

    public boolean live() {
        return this == RESERVED || this == ALERTING;
    }
}
