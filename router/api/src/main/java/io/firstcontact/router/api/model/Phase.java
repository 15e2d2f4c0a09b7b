package io.firstcontact.router.api.model;

/** Where an interaction is in its life. */
public enum Phase {
    SELF_SERVICE,
    QUEUED,
    OFFERED,
    CONNECTED,
    PARKED,
    ENDED
}
