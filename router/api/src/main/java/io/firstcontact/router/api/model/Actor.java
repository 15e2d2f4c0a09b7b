package io.firstcontact.router.api.model;

import java.util.Objects;

/** Who asked for a change: recorded on every presence change and transfer. */
public record Actor(ActorKind kind, String id) {
    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "engine");

    public Actor {
        Objects.requireNonNull(kind, "actor kind");
        Ids.require(id, "actor id");
    }

    public static Actor agent(String id) {
        return new Actor(ActorKind.AGENT, id);
    }

    public static Actor supervisor(String id) {
        return new Actor(ActorKind.SUPERVISOR, id);
    }
}
