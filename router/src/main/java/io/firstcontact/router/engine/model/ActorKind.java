package io.firstcontact.router.engine.model;

/** Who asked for a change. */
public enum ActorKind {
    AGENT,
    SUPERVISOR,
    ADMIN,
    INTEGRATION,
    SYSTEM
}
