package io.firstcontact.router.api.model;

/** Why a live offer was cancelled. */
public enum CancelCause {
    CUSTOMER_LEFT,
    SUPERVISOR,
    LEASE_LOST,
    AGENT_LOGGED_OUT,
    TRANSFERRED,
    CONFIGURATION,
    /** The consultation it belonged to ended before the colleague answered. */
    CONSULT_ENDED
}
