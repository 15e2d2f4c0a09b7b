package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.Scheduler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The contact centre's statistics, folded from committed facts (issue 23): per queue and channel, live and for today
 * in 15-minute intervals; per advisor (the agent time report); centre-wide (channel mix, self-service share,
 * callbacks); first contact resolution, avoidable contact and channel shift; and alerts as they happen.
 *
 * <p><b>Feeding</b>: subscribe it to the routing port (every committed entry, in journal order) and to recovery's
 * replay; before the replay, {@link #restore} the latest {@link StatisticsSnapshot} (taken by {@link #snapshot} beside
 * each engine snapshot), and after it call {@link #goLive} — alerts are watched from then on. An entry already in the
 * restored snapshot is skipped, so replaying from an older engine snapshot is harmless.
 *
 * <p><b>Threading</b>: {@link #committed}, the queries and {@link #snapshot} run on the engine thread (the server posts
 * its queries there); the scheduler must run its tasks there too. Readers on other threads (the {@code /metrics}
 * scrape) use {@link #live()}, which reads what was published at the end of the last entry.
 *
 * <p><b>One definition</b>: every service level, here and in {@code /metrics}, is {@link ServiceLevelDefinition#ratio}
 * of the same counts, so the API and Prometheus never disagree.
 */
public final class Statistics implements EffectSink {
    private final StatisticsOptions options;
    private final HistoryStore history;
    private final StatisticsFold fold;
    private final List<StatisticsListener> listeners = new CopyOnWriteArrayList<>();
    private final LiveFigures live;

    /**
     * @param scheduler timers for the alerts' exact deadlines; its tasks must run on the engine thread
     * @param history where closed days and contact records go
     * @param keys how customers are keyed (never kept in clear)
     */
    public Statistics(StatisticsOptions options, Scheduler scheduler, HistoryStore history, CustomerKeys keys) {
        this.options = Objects.requireNonNull(options, "options");
        this.history = Objects.requireNonNull(history, "history");
        AlertWatch alerts = new AlertWatch(
                options.alerts(),
                options.serviceLevel(),
                Objects.requireNonNull(scheduler, "scheduler"),
                a -> listeners.forEach(l -> l.alertRaised(a)),
                a -> listeners.forEach(l -> l.alertCleared(a)));
        this.fold = new StatisticsFold(options, history, Objects.requireNonNull(keys, "keys"), alerts);
        this.live = new LiveFigures(fold, options);
    }

    public StatisticsOptions options() {
        return options;
    }

    public ServiceLevelDefinition serviceLevel() {
        return options.serviceLevel();
    }

    /** Registers a listener; closing the handle removes it. */
    public AutoCloseable subscribe(StatisticsListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ------------------------------------------------------------------ feeding

    @Override
    public void committed(EngineInput input, Decision decision) {
        if (!fold.fold(input, decision)) {
            return;
        }
        publish();
        if (!fold.changedQueues.isEmpty() || !fold.changedChannels.isEmpty() || !fold.changedAgents.isEmpty()) {
            StatisticsListener.Change change = new StatisticsListener.Change(
                    input.at(), fold.changedQueues, fold.changedChannels, fold.changedAgents, true);
            for (StatisticsListener l : listeners) {
                l.changed(change);
            }
        }
        fold.clearChanges();
    }

    /**
     * Recovery is over: from now on alerts are watched, and every condition is evaluated once at {@code now} (an
     * overdue one is raised at once, with its deadline as its start).
     */
    public void goLive(long now) {
        fold.alerts.goLive();
        for (QueueLine line : new ArrayList<>(fold.lines.values())) {
            fold.checkQueue(line, now);
        }
        for (Advisor a : new ArrayList<>(fold.advisors.values())) {
            fold.checkAdvisor(a, now);
        }
        publish();
        fold.clearChanges();
    }

    private void publish() {
        if (fold.reshaped) {
            fold.publishAll();
            live.sync();
            fold.reshaped = false;
        } else {
            fold.publish();
        }
    }

    /** The last journal entry folded in (0 before the first). */
    public long position() {
        return fold.seq;
    }

    // ------------------------------------------------------------------ snapshot

    /** Everything, as of the last entry folded in; saved beside the engine's snapshot. */
    public StatisticsSnapshot snapshot() {
        return Snapshots.capture(fold);
    }

    /** Restores a snapshot into statistics that have folded nothing yet. */
    public void restore(StatisticsSnapshot snapshot) {
        if (fold.seq != 0 || fold.date != null) {
            throw new IllegalStateException("statistics are restored only before they fold anything");
        }
        if (snapshot.version() != StatisticsSnapshot.VERSION) {
            throw new IllegalArgumentException(
                    "statistics snapshot version " + snapshot.version() + " is not " + StatisticsSnapshot.VERSION);
        }
        Snapshots.restore(fold, snapshot);
        fold.reshaped = true;
        publish();
        fold.clearChanges();
    }

    // ------------------------------------------------------------------ queries (engine thread)

    /** The day {@code now} falls in. */
    public LocalDate today(long now) {
        return fold.days().dateOf(now);
    }

    public List<QueueFigures> queues(long now) {
        List<QueueFigures> out = new ArrayList<>();
        for (QueueConfig qc : fold.config.queues()) {
            live.queue(qc.id(), now).ifPresent(out::add);
        }
        return out;
    }

    public Optional<QueueFigures> queue(String queue, long now) {
        return fold.config.queue(queue) == null ? Optional.empty() : live.queue(queue, now);
    }

    public List<ChannelFigures> channels(long now) {
        List<ChannelFigures> out = new ArrayList<>();
        for (String c : fold.channelScopes.keySet()) {
            if (fold.config.channel(c) != null) {
                live.channel(c, now).ifPresent(out::add);
            }
        }
        return out;
    }

    public CentreFigures centre(long now) {
        return Reports.centre(this, fold, live, now);
    }

    public List<AdvisorFigures> advisors(long now) {
        List<AdvisorFigures> out = new ArrayList<>();
        for (Advisor a : fold.advisors.values()) {
            out.add(Reports.advisor(a, fold, now));
        }
        return out;
    }

    public Optional<AdvisorFigures> advisor(String agentId, long now) {
        Advisor a = fold.advisors.get(agentId);
        return a == null ? Optional.empty() : Optional.of(Reports.advisor(a, fold, now));
    }

    /** The alerts that hold now, by kind and subject. */
    public List<Alert> alerts() {
        return fold.alerts.active();
    }

    /**
     * A day's record held in memory: today's (as of {@code now}), or one of the last days closed; empty for any
     * other day (read it from the {@link HistoryStore}, off the engine thread).
     */
    public Optional<DayRecord> day(LocalDate date, long now) {
        if (fold.date == null) {
            return Optional.empty();
        }
        if (date.equals(fold.date)) {
            return Optional.of(fold.record(now));
        }
        if (date.isAfter(fold.date) && !date.isAfter(today(now))) {
            return Optional.of(live.quietDay(date, now)); // no entry since it began
        }
        return fold.closedDays.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /** The outcome records still open (their windows not yet over), oldest first. */
    public List<OutcomeRecord> openOutcomes() {
        return fold.outcomes.records();
    }

    /** The figures of an outcome record, final or not as of {@code now}. */
    public OutcomeFigures outcomeFigures(OutcomeRecord r, long now) {
        Days days = fold.days();
        long end = days.end(r.date());
        return OutcomeFigures.of(
                r,
                end + options.firstContactWindow().toMillis(),
                end + options.channelShiftWindow().toMillis(),
                now);
    }

    /** The contacts of a day still live (not yet written to the history store), in arrival order. */
    public List<ContactRecord> liveContacts(LocalDate date) {
        List<ContactRecord> out = new ArrayList<>();
        for (Contact c : fold.contacts.values()) {
            if (fold.days().dateOf(c.arrivedAt).equals(date)) {
                out.add(c.record());
            }
        }
        out.sort(Comparator.comparingLong(ContactRecord::arrivedAt).thenComparing(ContactRecord::interactionId));
        return out;
    }

    /** A day's figures from its record and, if still known, its outcomes; any thread. */
    public DayFigures dayFigures(DayRecord day, OutcomeRecord outcomes, long now) {
        return Reports.day(day, outcomes == null ? null : outcomeFigures(outcomes, now), options.serviceLevel());
    }

    /** The day's intervals as figures: every queue's, channel's and the centre's. */
    public List<IntervalFigures> intervals(DayRecord day) {
        return Reports.intervals(day, options.serviceLevel(), fold.days());
    }

    public HistoryStore history() {
        return history;
    }

    // ------------------------------------------------------------------ other threads

    /** What the scrape reads: the figures published at the end of the last entry, safe from any thread. */
    public LiveFigures live() {
        return live;
    }
}
