package io.firstcontact.router.view;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Bounds and settings of the {@link LiveView}. Live interactions, offers and assignments are bounded by the engine;
 * what has ended is kept only up to these counts, oldest dropped first.
 *
 * @param endedInteractions ended interactions kept (with their traces)
 * @param endedOffers offers in a terminal status kept, so a late accept still gets 409 rather than 404
 * @param endedAssignments ended assignments kept
 * @param traceEntries entry ids kept per interaction; beyond it the oldest are dropped and counted
 * @param zone where "today" is for the queues' daily counts
 * @param expectedWait how expected waits are estimated
 */
public record ViewOptions(
        int endedInteractions,
        int endedOffers,
        int endedAssignments,
        int traceEntries,
        ZoneId zone,
        ExpectedWait.Options expectedWait) {

    public static final int DEFAULT_ENDED_INTERACTIONS = 10_000;
    public static final int DEFAULT_ENDED_OFFERS = 10_000;
    public static final int DEFAULT_ENDED_ASSIGNMENTS = 10_000;
    public static final int DEFAULT_TRACE_ENTRIES = 1_000;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

    public static final ViewOptions DEFAULT = new ViewOptions(
            DEFAULT_ENDED_INTERACTIONS,
            DEFAULT_ENDED_OFFERS,
            DEFAULT_ENDED_ASSIGNMENTS,
            DEFAULT_TRACE_ENTRIES,
            DEFAULT_ZONE,
            ExpectedWait.Options.DEFAULT);

    public ViewOptions {
        if (endedInteractions < 0 || endedOffers < 0 || endedAssignments < 0) {
            throw new IllegalArgumentException("retention counts must not be negative");
        }
        if (traceEntries < 1) {
            throw new IllegalArgumentException("traceEntries must be at least 1");
        }
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(expectedWait, "expectedWait");
    }

    public ViewOptions withRetention(int interactions, int offers, int assignments, int trace) {
        return new ViewOptions(interactions, offers, assignments, trace, zone, expectedWait);
    }

    public ViewOptions withZone(ZoneId z) {
        return new ViewOptions(endedInteractions, endedOffers, endedAssignments, traceEntries, z, expectedWait);
    }

    public ViewOptions withExpectedWait(ExpectedWait.Options e) {
        return new ViewOptions(endedInteractions, endedOffers, endedAssignments, traceEntries, zone, e);
    }
}
