package io.firstcontact.server.demo;

import static io.firstcontact.server.demo.DemoCentre.COUNCIL_TAX;
import static io.firstcontact.server.demo.DemoCentre.GENERAL;
import static io.firstcontact.server.demo.DemoCentre.HOUSING;
import static io.firstcontact.server.demo.DemoCentre.PARKING;
import static io.firstcontact.server.demo.DemoCentre.WASTE;

import java.util.List;

/**
 * What the demo's residents ask of the centre, in the real centre's time (the simulation divides by the speed).
 *
 * <p>From the customer's figures: the real centre answered about 120,000 calls a month, some 600 an hour in opening
 * hours, with handle times of a few minutes; later 10% of its contacts were telephone self-service against 12%
 * handled by an advisor on the phone, so about 45% of callers finish in the IVR. The demo's 24 advisors are a
 * centre about 40% that size: about 430 calls an hour reach its IVR and about 230 of them queue for an advisor,
 * which keeps advisors about 80–85% occupied with most calls answered within 30 s. The split between services is not in the customer's documents; it is an assumption
 * (council tax first, as in most councils).
 */
final class DemoDemand {
    private DemoDemand() {}

    static final long SECOND = 1_000;
    static final long MINUTE = 60 * SECOND;
    static final long HOUR = 60 * MINUTE;

    /**
     * One choice of the IVR menu.
     *
     * @param queue where its callers wait
     * @param menuShare percent of callers who choose it
     * @param selfService share of them who finish in the IVR (paying a PCN or council tax by keypad, hearing their
     *     bin day)
     * @param talkMedianMillis median talk time with an advisor
     */
    record Service(String queue, int menuShare, double selfService, long talkMedianMillis) {}

    static final List<Service> VOICE_SERVICES = List.of(
            new Service(COUNCIL_TAX, 35, 0.55, 210 * SECOND),
            new Service(PARKING, 20, 0.75, 150 * SECOND),
            new Service(WASTE, 20, 0.30, 150 * SECOND),
            new Service(HOUSING, 10, 0.05, 270 * SECOND),
            new Service(GENERAL, 15, 0.20, 150 * SECOND));

    static final double CALLS_PER_HOUR = 430;
    static final double CHATS_PER_HOUR = 24;
    static final double EMAILS_PER_HOUR = 12;
    /** The inbox is not empty when the demo starts. */
    static final int EMAILS_WAITING_AT_START = 10;

    /** Council tax and benefits callers who ask about benefits: they need that skill instead. */
    static final double BENEFITS_SHARE = 0.4;
    /** Housing callers who are homeless tonight: a higher tier. */
    static final double URGENT_HOUSING_SHARE = 0.05;

    static final int URGENT_TIER = 5;
    static final String URGENT_HOUSING = "homeless-tonight";
    /** Callers who give up in the IVR menu. */
    static final double IVR_HANG_UP = 0.03;

    static final long IVR_MIN = 15 * SECOND;
    static final long IVR_MAX = 45 * SECOND;
    static final long SELF_SERVICE_MIN = MINUTE;
    static final long SELF_SERVICE_MAX = 3 * MINUTE;

    /** Spread of handle times around their median (lognormal shape). */
    static final double TALK_SPREAD = 0.5;

    static final long CHAT_MEDIAN = 7 * MINUTE;
    static final long EMAIL_MEDIAN = 5 * MINUTE;

    /** How long a caller will wait: lognormal, median 3 minutes, a few give up within seconds, some wait long. */
    static final long VOICE_PATIENCE_MEDIAN = 3 * MINUTE;

    static final double VOICE_PATIENCE_SPREAD = 1.0;
    static final long CHAT_PATIENCE_MEDIAN = 5 * MINUTE;
    static final double CHAT_PATIENCE_SPREAD = 0.8;
    /** Callers who hear the maximum-wait message (a callback offer) and hang up. */
    static final double HANG_UP_AT_MAX_WAIT = 0.5;

    /** Residents are opaque account references drawn from a pool, so some contact the centre again. */
    static final int RESIDENTS = 40_000;
}
