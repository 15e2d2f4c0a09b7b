package io.firstcontact.router.api.model;

/** Who asked for a change. */
public enum ActorKind {
    AGENT,
    SUPERVISOR,
    ADMIN,
    INTEGRATION,
    SYSTEM
}
