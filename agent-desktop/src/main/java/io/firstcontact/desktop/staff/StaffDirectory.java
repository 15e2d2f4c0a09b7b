package io.firstcontact.desktop.staff;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The staff who sign in with a password, by username (compared without case). */
public final class StaffDirectory {
    private final Map<String, StaffUser> byName = new HashMap<>();

    public StaffDirectory(List<StaffUser> users) {
        for (StaffUser u : users) {
            byName.put(u.username().toLowerCase(Locale.ROOT), u);
        }
    }

    /**
     * The user whose password this is. Costs one Argon2id check whether or not the username exists, so the time taken
     * does not tell which names do. Blocking (tens of milliseconds): call it off the event loop.
     */
    public Optional<StaffPrincipal> verify(String username, String password) {
        StaffUser u = byName.get(username.toLowerCase(Locale.ROOT));
        if (u == null) {
            Argon2Passwords.decoyCheck(password);
            return Optional.empty();
        }
        if (!Argon2Passwords.matches(password, u.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new StaffPrincipal(
                u.username(), u.name(), java.util.EnumSet.copyOf(u.roles()), u.agentId(), "password"));
    }

    public int size() {
        return byName.size();
    }
}
