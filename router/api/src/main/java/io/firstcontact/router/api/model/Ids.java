package io.firstcontact.router.api.model;

/** Validation of the ids that name things in inputs and configuration. */
public final class Ids {
    /** The longest id accepted: ids are journaled with every entry, so they stay short. */
    public static final int MAX_LENGTH = 128;

    private Ids() {}

    /** Returns {@code id} if it is 1–128 printable ASCII characters without spaces, else throws. */
    public static String require(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        if (id.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(what + " may hold only printable ASCII without spaces");
            }
        }
        return id;
    }

    /** Whether {@link #require} would accept {@code id}. */
    public static boolean valid(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** Like {@link #require} but accepts {@code null}. */
    public static String optional(String id, String what) {
        return id == null ? null : require(id, what);
    }
}
