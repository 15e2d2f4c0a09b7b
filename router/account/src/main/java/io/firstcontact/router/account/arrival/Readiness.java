package io.firstcontact.router.account.arrival;

/** Where an interaction's account context stood when its offer was made. */
public enum Readiness {
    /** Resolved before the offer: the screen pop is a cache hit (an account, or "nobody by that key"). */
    READY,
    /** Still being looked up when the offer was made: the screen pop waits for the back office. */
    PENDING,
    /** The lookup failed (the back office is unavailable): the screen pop says so. */
    UNAVAILABLE,
    /** Nothing identifies the customer (a withheld number, no attributes): there is no context to show. */
    UNIDENTIFIED
}
