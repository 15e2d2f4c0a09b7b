package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;

/**
 * A queue an advisor takes.
 *
 * @param queue the queue
 * @param tier 1 = primary; lower tiers are served first by that advisor
 * @param delayMillis take this queue's interactions only once they have waited this long (0 = at once)
 */
public record QueueMembership(String queue, int tier, long delayMillis) {
    public QueueMembership {
        Ids.require(queue, "membership queue");
        if (tier < 1 || tier > 99) {
            throw new IllegalArgumentException("membership tier must be 1–99");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("membership delay must not be negative");
        }
    }
}
