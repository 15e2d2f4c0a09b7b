package io.firstcontact.router.api.model;

import java.util.Comparator;

/**
 * A waiting interaction's static key: its place in line (docs/routing-contract.md §3). It orders by tier
 * descending, then service deadline ascending, then visit order ascending; the key never changes with time, so
 * nothing is re-sorted while interactions wait. It is first come, first served within a queue and earliest service
 * deadline first across queues, so a call (service level 30 s) and an email (24 h) sharing advisors blend correctly.
 *
 * <p>This is the one definition of the waiting order: the engine's queues and its position count, its index, its
 * naive oracle and the read model all compare through {@link #compare(int, long, long, int, long, long)}.
 *
 * @param tier priority tier, higher first (0 normal, up to 9)
 * @param dueAt the service deadline: see {@link #dueAt(long, long, long)}
 * @param order the engine sequence of the visit's start (kept by a visit that inherits its place), unique among a
 *     queue's live visits
 */
public record PlaceInLine(int tier, long dueAt, long order) implements Comparable<PlaceInLine> {

    /** The waiting order, better places first. */
    public static final Comparator<PlaceInLine> ORDER = PlaceInLine::compareTo;

    /**
     * The service deadline of a visit: {@code keyStart + serviceLevelMillis − ageBonusMillis}, where {@code keyStart}
     * is when the visit started (or the visit whose place it inherited) and {@code serviceLevelMillis} the service
     * level threshold of the queue the place was taken in.
     */
    public static long dueAt(long keyStart, long serviceLevelMillis, long ageBonusMillis) {
        return keyStart + serviceLevelMillis - ageBonusMillis;
    }

    /**
     * Compares two places given as their parts, without building records (the engine compares on every insertion).
     *
     * @return negative when the first place is better (served first), positive when the second is, 0 for the same
     */
    public static int compare(int tierA, long dueAtA, long orderA, int tierB, long dueAtB, long orderB) {
        int c = Integer.compare(tierB, tierA);
        if (c != 0) {
            return c;
        }
        c = Long.compare(dueAtA, dueAtB);
        return c != 0 ? c : Long.compare(orderA, orderB);
    }

    @Override
    public int compareTo(PlaceInLine o) {
        return compare(tier, dueAt, order, o.tier, o.dueAt, o.order);
    }
}
