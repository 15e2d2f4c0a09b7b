package io.firstcontact.desktop.staff;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member of staff who signs in with a password, from configuration. The password itself is never stored:
 * {@code passwordHash} is its Argon2id hash in the PHC string form ({@code $argon2id$v=19$m=…}), which {@code
 * ./firstcontact hash-password} prints.
 *
 * @param username what they type to sign in (letters, digits, {@code . _ -}; compared without case)
 * @param name how the desktop greets them
 * @param passwordHash the Argon2id hash of their password
 * @param roles what they may do; at least one
 * @param agentId the advisor they work as: required with the advisor role, and only with it
 */
public record StaffUser(String username, String name, String passwordHash, List<StaffRole> roles, String agentId) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public StaffUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("staff username must be 1–64 letters, digits, '.', '_' or '-'");
        }
        name = name == null || name.isBlank() ? username : name.strip();
        Objects.requireNonNull(passwordHash, "staff user " + username + ": passwordHash is required");
        if (!passwordHash.startsWith("$argon2id$")) {
            throw new IllegalArgumentException(
                    "staff user " + username + ": passwordHash must be an Argon2id hash ($argon2id$…)");
        }
        roles = List.copyOf(Objects.requireNonNull(roles, "staff user " + username + ": roles are required"));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("staff user " + username + " has no role");
        }
        if (roles.contains(StaffRole.ADVISOR) != (agentId != null)) {
            throw new IllegalArgumentException(
                    "staff user " + username + ": agentId is required with the advisor role, and only with it");
        }
    }
}
