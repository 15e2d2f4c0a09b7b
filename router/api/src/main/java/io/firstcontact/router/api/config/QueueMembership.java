package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;

/**
 * A queue an advisor takes.
 *
 * @param queue the queue
 * @param tier 1 (the default) = primary; lower tiers are served first by that advisor
 * @param delayMillis take this queue's interactions only once they have waited this long (0, the default: at once)
 */
public record QueueMembership(String queue, int tier, long delayMillis) {
    public static final int DEFAULT_TIER = 1;
    public static final long DEFAULT_DELAY_MILLIS = 0;

    public static final Range TIER_RANGE = Range.count(1, 99);
    public static final Range DELAY_MILLIS_RANGE = Range.millis(0, Range.MAX_PERIOD_MILLIS);

    public QueueMembership {
        Ids.require(queue, "membership queue");
        TIER_RANGE.require(tier, "tier");
        DELAY_MILLIS_RANGE.require(delayMillis, "delayMillis");
    }
}
