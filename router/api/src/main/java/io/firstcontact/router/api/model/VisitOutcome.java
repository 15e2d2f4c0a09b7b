package io.firstcontact.router.api.model;

/** The one outcome of a queue visit; the service-level clock runs per visit. */
public enum VisitOutcome {
    ANSWERED,
    ABANDONED,
    ABANDONED_WHILE_ALERTING,
    TRANSFERRED_OUT,
    OVERFLOWED_OUT,
    SELF_SERVED,
    CALLBACK_CONVERTED,
    MAX_WAIT_ACTION,
    CLOSED,
    LOST_DURING_OUTAGE
}
