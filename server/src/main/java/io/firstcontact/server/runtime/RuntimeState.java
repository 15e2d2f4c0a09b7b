package io.firstcontact.server.runtime;

/** Where the routing runtime is in its life; {@code /health/ready} is up only when {@link #OPEN}. */
public enum RuntimeState {
    STARTING,
    /** Another node holds the routing lease; this one waits to take over. */
    WAITING_FOR_LEASE,
    RECOVERING,
    OPEN,
    /** A newer epoch started elsewhere: this node commits nothing more. */
    DEPOSED,
    STOPPING,
    STOPPED
}
