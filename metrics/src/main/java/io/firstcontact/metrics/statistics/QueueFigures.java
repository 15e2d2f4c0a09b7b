package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.Map;

/**
 * A queue now and today.
 *
 * @param thresholdSeconds the queue's service-level threshold T
 * @param waitingNow interactions waiting, not being offered (as {@code GET /api/v1/queues} counts them)
 * @param beingOfferedNow interactions whose offer is ringing
 * @param longestWaitSeconds the oldest waiting interaction's wait, or null when nobody waits
 * @param loggedIn the queue's members logged in
 * @param advisors the members by state (logged-out members not listed)
 * @param today today's counts and figures; the service level's target is the queue's
 */
public record QueueFigures(
        String queue,
        String channel,
        boolean open,
        double thresholdSeconds,
        int waitingNow,
        int beingOfferedNow,
        Double longestWaitSeconds,
        int loggedIn,
        Map<AdvisorState, Integer> advisors,
        LocalDate date,
        Period today) {}
