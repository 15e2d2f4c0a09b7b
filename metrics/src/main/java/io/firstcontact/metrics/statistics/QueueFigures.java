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
 * @param oldestWaitingSince when the oldest waiting interaction started its wait (epoch millis; the API writes it as an RFC 3339
 *     instant), or null when nobody waits: a page counts the longest wait up from it without asking again
 * @param longestWaitAlertSeconds the longest wait that raises the queue's alert (configured, else T)
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
        Period today,
        Long oldestWaitingSince,
        double longestWaitAlertSeconds) {}
