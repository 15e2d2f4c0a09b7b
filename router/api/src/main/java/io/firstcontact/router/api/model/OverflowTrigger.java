package io.firstcontact.router.api.model;

/** When an overflow rule fires. */
public enum OverflowTrigger {
    /** When the visit has waited {@code thresholdMillis}. */
    AFTER,
    /** When nobody logged in could ever take the interaction: at arrival, or when the last such advisor leaves. */
    UNSTAFFED,
    /** When the queue closes, or at arrival into a closed queue. */
    CLOSED,
    /** At arrival only, when at least {@code threshold} interactions already wait in the queue. */
    QUEUE_SIZE,
    /** At arrival only, when the host's expected wait for the queue is at least {@code threshold} ms. */
    EXPECTED_WAIT
}
