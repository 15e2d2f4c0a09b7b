package io.firstcontact.desktop.staff;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in member of staff, as their session holds them.
 *
 * @param username their sign-in name (for single sign-on, the provider's subject)
 * @param name how the desktop greets them
 * @param roles what they may do
 * @param agentId the advisor they work as, or null when they have no advisor role
 * @param via how they signed in: {@code password} or {@code oidc}
 */
public record StaffPrincipal(String username, String name, Set<StaffRole> roles, String agentId, String via) {
    public StaffPrincipal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        Objects.requireNonNull(via, "via");
        if (roles.contains(StaffRole.ADVISOR) != (agentId != null)) {
            throw new IllegalArgumentException("an advisor has an agentId, and only an advisor");
        }
    }

    /** Whether they may do what {@code role} may; an administrator may do what a supervisor may. */
    public boolean has(StaffRole role) {
        return roles.contains(role) || (role == StaffRole.SUPERVISOR && roles.contains(StaffRole.ADMIN));
    }
}
