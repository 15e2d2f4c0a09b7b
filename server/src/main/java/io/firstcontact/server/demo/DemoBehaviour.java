package io.firstcontact.server.demo;

import java.util.List;

/** How the demo's simulated advisors behave, in the real centre's time (the simulation divides by the speed). */
final class DemoBehaviour {
    private DemoBehaviour() {}

    static final long SECOND = 1_000;
    static final long MINUTE = 60 * SECOND;

    /** Advisors log in over the first minutes; some start not ready and get ready shortly. */
    static final long LOGIN_SPREAD = 3 * MINUTE;

    static final double READY_AT_LOGIN = 0.8;
    static final long SETTLING_IN_MIN = 10 * SECOND;
    static final long SETTLING_IN_MAX = MINUTE;

    /** The phone rings or the desktop shows the offer this long after it is made. */
    static final long DELIVERY_MIN = 200;

    static final long DELIVERY_MAX = 600;
    /** A human answers after a moment. */
    static final long ANSWER_MIN = SECOND;

    static final long ANSWER_MAX = 4 * SECOND;
    static final long CHAT_ANSWER_MAX = 6 * SECOND;
    /** Now and then an offer rings out (RONA) or is rejected. */
    static final double RING_OUT = 0.02;

    static final double REJECT = 0.015;
    static final long REJECT_MIN = 2 * SECOND;
    static final long REJECT_MAX = 5 * SECOND;

    /** Some advisors finish wrap-up early, a few ask for more. */
    static final double END_WRAP_UP_EARLY = 0.35;

    static final double EXTEND_WRAP_UP = 0.05;
    static final long WRAP_UP_EXTENSION = 30 * SECOND;

    /** Back to ready after a system pause. */
    static final long AFTER_RONA_MIN = 15 * SECOND;

    static final long AFTER_RONA_MAX = 45 * SECOND;
    static final long AFTER_REJECTS_MIN = MINUTE;
    static final long AFTER_REJECTS_MAX = 2 * MINUTE;
    /** Back after a pause the demo did not ask for (a supervisor's, a lost device) or a logout it did not ask for. */
    static final long AFTER_OTHER_MIN = 2 * MINUTE;

    static final long AFTER_OTHER_MAX = 5 * MINUTE;

    /** Breaks: the first within two hours of login, then about every two hours. */
    static final long FIRST_BREAK_MIN = 45 * MINUTE;

    static final long FIRST_BREAK_MAX = 120 * MINUTE;
    static final long BREAK_GAP_MIN = 30 * MINUTE;
    static final double BREAK_GAP_MEAN = 90 * MINUTE;
    /**
     * A pause an advisor takes.
     *
     * @param reason the not-ready reason
     * @param share percent of pauses of this kind
     * @param medianMillis how long it lasts, give or take a fifth
     */
    record Pause(String reason, int share, long medianMillis) {}

    static final List<Pause> PAUSES = List.of(
            new Pause(DemoCentre.BREAK, 70, 10 * MINUTE),
            new Pause(DemoCentre.LUNCH, 15, 30 * MINUTE),
            new Pause(DemoCentre.TRAINING, 15, 20 * MINUTE));

    static final double PAUSE_SPREAD = 0.2;

    /** An advisor who is not ready when a break is due takes it a little later. */
    static final long BREAK_POSTPONED = 5 * MINUTE;
}
