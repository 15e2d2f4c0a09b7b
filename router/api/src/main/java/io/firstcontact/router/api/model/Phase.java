package io.firstcontact.router.api.model;

/** Where an interaction is in its life. */
public enum Phase {
    /** Not in a queue: in the IVR or a chat bot, or between places (a transfer out of a closed queue). */
    SELF_SERVICE,
    /** Waiting in a queue for an advisor. */
    QUEUED,
    /** An offer to an advisor is live. */
    OFFERED,
    /** With an advisor: an assignment is active. */
    CONNECTED,
    /** With an advisor, on hold: the assignment stays active and holds its capacity. */
    PARKED,
    /** A callback waiting for its time (a promised time, or the retry after a dial that failed): in no queue yet. */
    SCHEDULED,
    ENDED
}
