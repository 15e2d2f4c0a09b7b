package io.firstcontact.server.runtime;

import io.firstcontact.desktop.wallboard.BoardStatistics;
import io.firstcontact.metrics.statistics.Alert;
import io.firstcontact.metrics.statistics.IntervalCounts;
import io.firstcontact.metrics.statistics.Period;
import io.firstcontact.metrics.statistics.QueueFigures;
import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.metrics.statistics.StatisticsListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The statistics as the wallboard reads them: the same {@link Period}s the REST API and {@code /metrics} show,
 * passed through (the one service-level definition computes every ratio; nothing is computed here). Engine thread.
 */
public final class StatisticsBoard implements BoardStatistics {
    private final Statistics statistics;

    public StatisticsBoard(Statistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Optional<QueueToday> queue(String queue, long now) {
        return statistics.queue(queue, now).map(StatisticsBoard::today);
    }

    private static QueueToday today(QueueFigures q) {
        Period p = q.today();
        Map<String, Integer> advisors = new TreeMap<>();
        q.advisors().forEach((state, n) -> advisors.put(state.name(), n));
        return new QueueToday(
                p.counts().offered(),
                p.counts().answered(),
                p.counts().abandoned(),
                p.counts().abandonedShort(),
                p.serviceLevel(),
                p.target(),
                p.asaSeconds(),
                advisors);
    }

    @Override
    public List<DayInterval> centreDay(long now) {
        return statistics
                .day(statistics.today(now), now)
                .map(day ->
                        day.centre().intervals().stream().map(this::interval).toList())
                .orElse(List.of());
    }

    private DayInterval interval(IntervalCounts i) {
        return new DayInterval(
                i.start(),
                i.counts().offered(),
                i.counts().answered(),
                i.counts().abandoned(),
                statistics.serviceLevel().ratio(i.counts()));
    }

    @Override
    public List<Condition> conditions() {
        return statistics.alerts().stream().map(StatisticsBoard::condition).toList();
    }

    private static Condition condition(Alert a) {
        return new Condition(a.kind().name(), a.queue(), a.agentId(), a.reason(), a.holdsSince(), a.threshold());
    }

    @Override
    public AutoCloseable subscribe(Listener listener) {
        return statistics.subscribe(new StatisticsListener() {
            @Override
            public void changed(Change change) {
                listener.figuresChanged(change.at());
            }

            @Override
            public void alertRaised(Alert alert) {
                listener.conditionsChanged();
            }

            @Override
            public void alertCleared(Alert alert) {
                listener.conditionsChanged();
            }
        });
    }
}
