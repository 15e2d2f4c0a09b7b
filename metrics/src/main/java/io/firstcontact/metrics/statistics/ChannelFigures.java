package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.Map;

/**
 * A channel now and today: its queues together (each visit judged against its own queue's T), and the advisors who
 * can take the channel.
 *
 * @param contactsToday interactions of this channel that arrived today (with those served in self-service)
 */
public record ChannelFigures(
        String channel,
        int waitingNow,
        int beingOfferedNow,
        Double longestWaitSeconds,
        int loggedIn,
        Map<AdvisorState, Integer> advisors,
        LocalDate date,
        long contactsToday,
        Period today) {}
