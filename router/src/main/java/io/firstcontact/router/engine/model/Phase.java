package io.firstcontact.router.engine.model;

/** Where an interaction is in its life. */
public enum Phase {
    SELF_SERVICE,
    QUEUED,
    OFFERED,
    CONNECTED,
    PARKED,
    ENDED
}
