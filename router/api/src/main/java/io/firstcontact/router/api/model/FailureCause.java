package io.firstcontact.router.api.model;

/** Why an offer could not be delivered. */
public enum FailureCause {
    /** The advisor's device is busy with a non-routed call: no pause. */
    DEVICE_BUSY,
    /** The device cannot be reached: the advisor goes NOT_READY(DEVICE). */
    UNREACHABLE
}
