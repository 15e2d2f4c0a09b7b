package io.firstcontact.router.api.model;

/** The not-ready reasons the engine itself sets. Configuration adds the human ones (break, lunch, training). */
public final class NotReadyReasons {
    /** Just logged in and not yet ready. */
    public static final String LOGIN = "LOGIN";
    /** Redirected on no answer. */
    public static final String RONA = "RONA";
    /** Too many rejected offers in the reject window. */
    public static final String REJECTS = "REJECTS";
    /** The phone could not be reached. */
    public static final String DEVICE = "DEVICE";
    /** The desktop session was gone longer than the grace period. */
    public static final String DISCONNECTED = "DISCONNECTED";

    private NotReadyReasons() {}

    public static boolean isSystem(String reason) {
        return switch (reason) {
            case LOGIN, RONA, REJECTS, DEVICE, DISCONNECTED -> true;
            default -> false;
        };
    }
}
