package io.firstcontact.metrics.statistics;

/** The conditions the statistics watch, each raised at its exact instant and cleared when it no longer holds. */
public enum AlertKind {
    /** A queue's longest current wait passed its threshold (the queue's T unless configured). */
    LONGEST_WAIT_OVER_THRESHOLD,
    /** A queue's service level today is below its target (once enough contacts were answered or abandoned). */
    SERVICE_LEVEL_BELOW_TARGET,
    /** An advisor has been not ready longer than their reason allows. */
    NOT_READY_TOO_LONG,
    /** An open queue has no advisor logged in. */
    NO_ADVISOR_LOGGED_IN
}
