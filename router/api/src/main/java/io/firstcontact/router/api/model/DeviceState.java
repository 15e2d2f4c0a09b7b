package io.firstcontact.router.api.model;

/**
 * The state of an advisor's phone as the telephony reports it (Asterisk's device states). An advisor is offered voice
 * only while their phone is free ({@link #free()}), or while it is busy with the very offer or call the engine gave
 * them; other channels do not look at it (docs/routing-contract.md §11).
 */
public enum DeviceState {
    /** Registered and idle. */
    NOT_INUSE,
    /** In a call. */
    INUSE,
    /** Busy (a call that takes the whole device). */
    BUSY,
    /** Ringing. */
    RINGING,
    /** In a call and ringing with another. */
    RINGINUSE,
    /** A call on hold. */
    ONHOLD,
    /** Not registered (unplugged, out of range). */
    UNAVAILABLE,
    /** The device named does not exist. */
    INVALID,
    /** Never reported: centres without device tracking keep routing voice as if it were free. */
    UNKNOWN;

    /** Whether a voice offer may ring this device. */
    public boolean free() {
        return this == NOT_INUSE || this == UNKNOWN;
    }
}
