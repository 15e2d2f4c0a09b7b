package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live figures of queues and channels, read from what the fold published at the end of the last entry: safe from
 * any thread, and the one path by which both the statistics API and {@code /metrics} compute them (so they agree).
 * Waits and staffed time are computed up to the instant asked for.
 */
public final class LiveFigures {
    private final StatisticsFold fold;
    private final ServiceLevelDefinition serviceLevel;
    private final StatisticsOptions.AlertThresholds alerts;
    private final Days days;

    private final Map<String, Refs> queues = new ConcurrentHashMap<>();
    private final Map<String, Scope> channels = new ConcurrentHashMap<>();

    private record Refs(QueueLine line, Scope scope) {}

    LiveFigures(StatisticsFold fold, StatisticsOptions options) {
        this.fold = fold;
        this.serviceLevel = options.serviceLevel();
        this.alerts = options.alerts();
        this.days = new Days(options.zone());
    }

    /** On the engine thread, when the fold was reshaped: the queues and channels readers may ask for. */
    void sync() {
        for (Map.Entry<String, QueueLine> e : fold.lines.entrySet()) {
            Scope s = fold.queueScopes.get(e.getKey());
            if (s != null && fold.config.queue(e.getKey()) != null) {
                Refs r = queues.get(e.getKey());
                if (r == null || r.line() != e.getValue() || r.scope() != s) {
                    queues.put(e.getKey(), new Refs(e.getValue(), s));
                }
            } else {
                queues.remove(e.getKey());
            }
        }
        queues.keySet().removeIf(q -> fold.config.queue(q) == null);
        for (Map.Entry<String, Scope> e : fold.channelScopes.entrySet()) {
            if (fold.config.channel(e.getKey()) != null) {
                channels.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        channels.keySet().removeIf(c -> fold.config.channel(c) == null);
    }

    /** The queues there are figures for. */
    public List<String> queueIds() {
        return new ArrayList<>(queues.keySet());
    }

    public List<String> channelIds() {
        return new ArrayList<>(channels.keySet());
    }

    public Optional<QueueFigures> queue(String queue, long now) {
        Refs r = queues.get(queue);
        if (r == null) {
            return Optional.empty();
        }
        QueueLine.Published line = r.line().published();
        Scope.Published scope = r.scope().published();
        Counts today = scope.asOf(now, days);
        return Optional.of(new QueueFigures(
                queue,
                line.channel(),
                line.open(),
                line.thresholdMillis() / 1000.0,
                line.waiting(),
                line.beingOffered(),
                line.oldestSince() < 0 ? null : Math.max(0, now - line.oldestSince()) / 1000.0,
                scope.loggedIn(),
                byState(scope),
                days.dateOf(now),
                Period.of(today, serviceLevel, serviceLevel.target(queue)),
                line.oldestSince() < 0 ? null : line.oldestSince(),
                alerts.longestWaitMillis(queue, line.thresholdMillis()) / 1000.0));
    }

    public Optional<ChannelFigures> channel(String channel, long now) {
        Scope s = channels.get(channel);
        if (s == null) {
            return Optional.empty();
        }
        int waiting = 0;
        int offered = 0;
        long oldest = Long.MAX_VALUE;
        for (Refs r : queues.values()) {
            QueueLine.Published line = r.line().published();
            if (channel.equals(line.channel())) {
                waiting += line.waiting();
                offered += line.beingOffered();
                if (line.oldestSince() >= 0) {
                    oldest = Math.min(oldest, line.oldestSince());
                }
            }
        }
        Scope.Published scope = s.published();
        return Optional.of(new ChannelFigures(
                channel,
                waiting,
                offered,
                oldest == Long.MAX_VALUE ? null : Math.max(0, now - oldest) / 1000.0,
                scope.loggedIn(),
                byState(scope),
                days.dateOf(now),
                contactsToday(channel, now),
                Period.of(scope.asOf(now, days), serviceLevel, null)));
    }

    /** The centre's counts today as of {@code now}. */
    public Period centre(long now) {
        return Period.of(fold.centre.published().asOf(now, days), serviceLevel, null);
    }

    Scope.Published centreScope() {
        return fold.centre.published();
    }

    /** Advisors logged in, centre-wide. */
    public int centreLoggedIn() {
        return centreScope().loggedIn();
    }

    /** The centre's record of today (as published), or none when no entry has reached today yet. */
    public CentreRecord centreRecord(long now) {
        StatisticsFold.PublishedCentre p = fold.centrePublished;
        return days.dateOf(now).equals(p.date()) ? p.record() : CentreRecord.NONE;
    }

    private long contactsToday(String channel, long now) {
        return centreRecord(now).contactsByChannel().getOrDefault(channel, 0L);
    }

    static Map<AdvisorState, Integer> byState(Scope.Published scope) {
        Map<AdvisorState, Integer> m = new EnumMap<>(AdvisorState.class);
        for (AdvisorState st : AdvisorState.values()) {
            if (st != AdvisorState.LOGGED_OUT) {
                m.put(st, scope.advisors(st));
            }
        }
        return m;
    }

    /** A day no entry has reached yet (it began since the last one): staffed time only, no counts. */
    DayRecord quietDay(LocalDate date, long now) {
        List<DayRecord.ScopeRecord> qs = new ArrayList<>();
        queues.forEach((id, r) -> qs.add(new DayRecord.ScopeRecord(
                id,
                r.line().published().channel(),
                r.line().published().thresholdMillis(),
                r.scope().published().asOf(now, days),
                List.of())));
        List<DayRecord.ScopeRecord> cs = new ArrayList<>();
        channels.forEach((id, s) ->
                cs.add(new DayRecord.ScopeRecord(id, id, 0, s.published().asOf(now, days), List.of())));
        return new DayRecord(
                date,
                qs,
                cs,
                new DayRecord.ScopeRecord("centre", null, 0, centreScope().asOf(now, days), List.of()),
                CentreRecord.NONE,
                List.of());
    }
}
