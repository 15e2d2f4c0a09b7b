package io.firstcontact.router.api.model;

/** What came of dialling the customer for a callback, once the advisor had answered. */
public enum DialOutcome {
    /** The customer answered: the callback goes on as a connected call. */
    ANSWERED,
    /** Nobody answered in time. */
    NO_ANSWER,
    /** The customer's line was busy. */
    BUSY,
    /** The call could not be made (a bad number, a network failure). */
    FAILED
}
