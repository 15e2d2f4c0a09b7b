package io.firstcontact.router.api.model;

/** An advisor's presence. Availability per channel is derived from it and their work, never stored. */
public enum PresenceState {
    LOGGED_OUT,
    READY,
    NOT_READY
}
