package io.firstcontact.server.api;

import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.ActorKind;
import io.firstcontact.server.config.ServerConfig.Role;
import java.util.Objects;

/**
 * Who is calling: a configured token's name and role; an agent principal is bound to one advisor.
 *
 * @param agentId the advisor an {@link Role#AGENT} token acts as; null for the other roles
 */
public record Principal(String name, Role role, String agentId) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** An agent token acts only for its own advisor; the other roles' rights are checked per route. */
    public boolean actsFor(String agent) {
        return role != Role.AGENT || agent.equals(agentId);
    }

    /** The actor recorded in the journal for a change this principal asks for. */
    public Actor actor() {
        return switch (role) {
            case AGENT -> Actor.agent(agentId);
            case SUPERVISOR -> Actor.supervisor(name);
            case ADMIN -> new Actor(ActorKind.ADMIN, name);
            case INTEGRATION -> new Actor(ActorKind.INTEGRATION, name);
        };
    }
}
