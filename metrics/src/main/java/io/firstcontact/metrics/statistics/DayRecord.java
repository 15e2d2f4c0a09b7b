package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's statistics as kept: each queue's, each channel's and the centre's counts for the day and its intervals,
 * the centre's channel mix and self-service, and each advisor's time report. Today's is built on request from the
 * live state; a closed day's is written to the {@link HistoryStore} when the day ends.
 */
public record DayRecord(
        LocalDate date,
        List<ScopeRecord> queues,
        List<ScopeRecord> channels,
        ScopeRecord centre,
        CentreRecord centreExtras,
        List<AdvisorRecord> advisors) {

    public DayRecord {
        queues = List.copyOf(queues);
        channels = List.copyOf(channels);
        advisors = List.copyOf(advisors);
    }

    /**
     * One scope's day.
     *
     * @param name the queue or channel id; {@code centre} for the centre
     * @param channel a queue's channel (a channel's own id, null for the centre)
     * @param thresholdMillis a queue's service-level threshold T that day (at the day's end); 0 for the others
     * @param intervals the intervals with something in them, in order
     */
    public record ScopeRecord(
            String name, String channel, long thresholdMillis, Counts day, List<IntervalCounts> intervals) {
        public ScopeRecord {
            intervals = List.copyOf(intervals);
        }
    }
}
