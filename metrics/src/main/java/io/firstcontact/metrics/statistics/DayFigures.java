package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * One day's figures: each queue's, each channel's and the centre's, the centre's channel mix and self-service, each
 * advisor's time report, and what became of the day's contacts (null once no longer kept).
 */
public record DayFigures(
        LocalDate date,
        List<ScopeFigures> queues,
        List<ScopeFigures> channels,
        ScopeFigures centre,
        CentreRecord centreExtras,
        Double selfServiceShare,
        List<AdvisorDay> advisors,
        OutcomeFigures outcomes) {

    /**
     * A queue's, channel's or the centre's day.
     *
     * @param channel a queue's channel; a channel's own id; null for the centre
     * @param thresholdSeconds a queue's T that day; 0 for the others
     */
    public record ScopeFigures(String name, String channel, double thresholdSeconds, Period period) {}
}
