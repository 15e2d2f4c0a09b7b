package io.firstcontact.router.api.conversation;

import java.util.Objects;

/**
 * Who wrote an entry of a conversation.
 *
 * @param role the resident, an advisor, a supervisor, the self-service assistant (the IVR's text) or the centre itself
 *     (notices such as "an advisor has joined")
 * @param id the advisor's id, the supervisor's sign-in name; null for the resident, the assistant and the centre
 * @param name what the other side is shown: an advisor's first name, the resident's name as they gave it
 */
public record Author(Role role, String id, String name) {
    /** The most characters of a name shown. */
    public static final int MAX_NAME = 80;

    /** The self-service assistant. */
    public static final Author ASSISTANT = new Author(Role.ASSISTANT, null, "Assistant");

    /** The centre's own notices. */
    public static final Author CENTRE = new Author(Role.CENTRE, null, "Contact centre");

    /** Who writes in a conversation. */
    public enum Role {
        RESIDENT,
        ADVISOR,
        SUPERVISOR,
        ASSISTANT,
        CENTRE;

        /** An advisor or a supervisor: staff of the centre, who write from the desktop. */
        public boolean staff() {
            return this == ADVISOR || this == SUPERVISOR;
        }
    }

    public Author {
        Objects.requireNonNull(role, "role");
        if (role.staff() && (id == null || id.isBlank())) {
            throw new IllegalArgumentException("staff write under their id");
        }
        name = name == null || name.isBlank() ? null : name.strip();
        if (name != null && name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
    }

    public static Author advisor(String agentId, String name) {
        return new Author(Role.ADVISOR, agentId, name);
    }

    public static Author supervisor(String username, String name) {
        return new Author(Role.SUPERVISOR, username, name);
    }

    public static Author resident(String name) {
        return new Author(Role.RESIDENT, null, name);
    }

    /** Never prints the name: it may be the resident's. */
    @Override
    public String toString() {
        return "Author[" + role + (id == null ? "" : ", " + id) + "]";
    }
}
