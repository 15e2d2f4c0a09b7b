package io.firstcontact.metrics;

import io.firstcontact.metrics.MeterNames.Tags;
import io.firstcontact.metrics.statistics.AdvisorState;
import io.firstcontact.metrics.statistics.Alert;
import io.firstcontact.metrics.statistics.AlertKind;
import io.firstcontact.metrics.statistics.CentreRecord;
import io.firstcontact.metrics.statistics.ChannelFigures;
import io.firstcontact.metrics.statistics.Counts;
import io.firstcontact.metrics.statistics.LiveFigures;
import io.firstcontact.metrics.statistics.Period;
import io.firstcontact.metrics.statistics.QueueFigures;
import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.metrics.statistics.StatisticsListener;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The contact-centre statistics as gauges, tagged {@code queue} and {@code channel}: the figures of the statistics
 * API, computed by the same code ({@link LiveFigures}, {@link Period}) from what the statistics published at the end
 * of the last committed entry — so {@code /metrics} and the API give the same number for the same day. Live figures
 * (waits, staffed time) are computed up to the scrape's instant, from the registry's clock. A figure with nothing to
 * divide by is NaN. Queues and channels that appear later (a configuration change) get their gauges then.
 */
public final class StatisticsBinder implements MeterBinder, StatisticsListener {
    private final Statistics statistics;
    private final LiveFigures live;
    private final Map<AlertKind, AtomicInteger> alerts = new EnumMap<>(AlertKind.class);
    private final Set<String> queues = ConcurrentHashMap.newKeySet();
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private MeterRegistry registry;
    private Clock clock;

    public StatisticsBinder(Statistics statistics) {
        this.statistics = statistics;
        this.live = statistics.live();
        for (AlertKind k : AlertKind.values()) {
            alerts.put(k, new AtomicInteger());
        }
    }

    /** Binds the gauges of every queue and channel there is now, and follows the statistics for new ones. */
    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        this.clock = r.config().clock();
        for (AlertKind k : AlertKind.values()) {
            Gauge.builder(MeterNames.ALERTS_ACTIVE, alerts.get(k), AtomicInteger::get)
                    .description("Alerts that hold now, by kind")
                    .tag(Tags.ALERT, k.name().toLowerCase(Locale.ROOT))
                    .register(r);
        }
        Gauge.builder(
                        MeterNames.CENTRE_SERVICE_LEVEL,
                        live,
                        l -> value(l.centre(now()).serviceLevel()))
                .description("The centre's service level today (each visit against its own queue's T)")
                .baseUnit("ratio")
                .register(r);
        Gauge.builder(
                        MeterNames.CENTRE_CONTACTS,
                        live,
                        l -> l.centreRecord(now()).contacts())
                .description("Contacts that arrived today")
                .register(r);
        Gauge.builder(
                        MeterNames.CENTRE_SELF_SERVICE_SHARE,
                        live,
                        l -> value(l.centreRecord(now()).selfServiceShare()))
                .description("Self-service completions over completions plus advisor-handled contacts, today")
                .baseUnit("ratio")
                .register(r);
        centreCount(
                r,
                MeterNames.CENTRE_CALLBACKS_REQUESTED,
                "Callbacks requested today",
                CentreRecord::callbacksRequested);
        centreCount(
                r,
                MeterNames.CENTRE_CALLBACKS_DIALLED,
                "Dials made for callbacks today",
                CentreRecord::callbacksDialled);
        centreCount(
                r,
                MeterNames.CENTRE_CALLBACKS_KEPT,
                "Callbacks whose customer answered today",
                CentreRecord::callbacksKept);
        centreCount(r, MeterNames.CENTRE_CALLBACKS_FAILED, "Callbacks given up today", CentreRecord::callbacksFailed);
        Gauge.builder(MeterNames.CENTRE_ADVISORS_LOGGED_IN, live, l -> l.centreLoggedIn())
                .description("Advisors logged in")
                .register(r);
        bindNew();
        for (Alert a : statistics.alerts()) {
            alerts.get(a.kind()).incrementAndGet();
        }
        statistics.subscribe(this);
    }

    private void centreCount(MeterRegistry r, String name, String description, ToLongFunction<CentreRecord> f) {
        Gauge.builder(name, live, l -> f.applyAsLong(l.centreRecord(now())))
                .description(description)
                .register(r);
    }

    private long now() {
        return clock.wallTime();
    }

    /** On the engine thread: gauges for the queues and channels not bound yet. */
    private void bindNew() {
        for (String q : live.queueIds()) {
            if (queues.add(q)) {
                bindQueue(q);
            }
        }
        for (String c : live.channelIds()) {
            if (channels.add(c)) {
                bindChannel(c);
            }
        }
    }

    @Override
    public void changed(Change change) {
        if (!queues.containsAll(change.queues()) || !channels.containsAll(change.channels())) {
            bindNew();
        }
    }

    @Override
    public void alertRaised(Alert alert) {
        alerts.get(alert.kind()).incrementAndGet();
    }

    @Override
    public void alertCleared(Alert alert) {
        alerts.get(alert.kind()).decrementAndGet();
    }

    private void bindQueue(String q) {
        String channel = live.queue(q, now()).map(QueueFigures::channel).orElse("");
        QueueGauges g = new QueueGauges(q, channel);
        g.gauge(MeterNames.QUEUE_WAITING, "Interactions waiting in the queue now (not being offered)", null, f ->
                (double) f.waitingNow());
        g.gauge(MeterNames.QUEUE_RINGING, "Interactions of the queue whose offer is ringing now", null, f ->
                (double) f.beingOfferedNow());
        g.gauge(
                MeterNames.QUEUE_LONGEST_WAIT,
                "The longest current wait in the queue",
                "seconds",
                f -> f.longestWaitSeconds() == null ? 0.0 : f.longestWaitSeconds());
        g.gauge(
                MeterNames.QUEUE_LONGEST_WAIT_THRESHOLD,
                "The longest wait that raises an alert",
                "seconds",
                QueueFigures::longestWaitAlertSeconds);
        g.gauge(
                MeterNames.QUEUE_SERVICE_LEVEL_THRESHOLD,
                "The queue's service-level threshold T",
                "seconds",
                QueueFigures::thresholdSeconds);
        g.gauge(MeterNames.QUEUE_OPEN, "1 while the queue is open", null, f -> f.open() ? 1.0 : 0.0);
        g.gauge(MeterNames.QUEUE_ADVISORS_LOGGED_IN, "The queue's members logged in", null, f -> (double) f.loggedIn());
        for (AdvisorState s : AdvisorState.values()) {
            if (s != AdvisorState.LOGGED_OUT) {
                Gauge.builder(
                                MeterNames.QUEUE_ADVISORS,
                                live,
                                l -> l.queue(q, now())
                                        .map(f -> (double) f.advisors().getOrDefault(s, 0))
                                        .orElse(Double.NaN))
                        .description("The queue's members by state")
                        .tag(Tags.QUEUE, q)
                        .tag(Tags.CHANNEL, channel)
                        .tag(Tags.STATE, s.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
        }
        g.count(MeterNames.QUEUE_OFFERED, "Visits that started in the queue today", Counts::offered);
        g.count(MeterNames.QUEUE_ANSWERED, "Visits answered today", Counts::answered);
        g.count(
                MeterNames.QUEUE_ANSWERED_WITHIN_THRESHOLD,
                "Visits answered within the threshold T today",
                Counts::answeredWithinThreshold);
        g.count(MeterNames.QUEUE_ABANDONED, "Visits abandoned today", Counts::abandoned);
        g.count(MeterNames.QUEUE_ABANDONED_SHORT, "Short abandons today", Counts::abandonedShort);
        g.count(
                MeterNames.QUEUE_ABANDONED_WHILE_ALERTING,
                "Abandons while an offer rang, today",
                Counts::abandonedWhileAlerting);
        g.count(MeterNames.QUEUE_HANDLED, "Assignments of the queue that ended today", Counts::handled);
        g.count(MeterNames.QUEUE_HOLDS, "Times a call of the queue was put on hold today", Counts::holds);
        g.count(MeterNames.QUEUE_CONSULTS, "Consultations on the queue's calls today", Counts::consults);
        g.count(
                MeterNames.QUEUE_CONNECTIONS_LOST,
                "Times a customer's connection dropped today",
                Counts::connectionsLost);
        g.period(
                MeterNames.QUEUE_SERVICE_LEVEL,
                "Today's service level (the one definition)",
                "ratio",
                Period::serviceLevel);
        g.gauge(MeterNames.QUEUE_SERVICE_LEVEL_CONTACTS, "The contacts today's service level divides by", null, f ->
                (double) statistics.serviceLevel().contacts(f.today().counts()));
        g.period(MeterNames.QUEUE_SERVICE_LEVEL_TARGET, "The queue's service-level target", "ratio", Period::target);
        g.period(MeterNames.QUEUE_SPEED_OF_ANSWER, "Today's average speed of answer", "seconds", Period::asaSeconds);
        g.period(
                MeterNames.QUEUE_HANDLE_TIME,
                "Today's average handle time (talk + hold + wrap-up)",
                "seconds",
                Period::ahtSeconds);
        g.period(MeterNames.QUEUE_OCCUPANCY, "Today's occupancy of the queue's members", "ratio", Period::occupancy);
    }

    /** One queue's gauges, each reading the queue's figures as of the scrape. */
    private final class QueueGauges {
        private final String queue;
        private final String channel;

        QueueGauges(String queue, String channel) {
            this.queue = queue;
            this.channel = channel;
        }

        void gauge(String name, String description, String unit, Function<QueueFigures, Double> f) {
            Gauge.builder(name, live, l -> l.queue(queue, now()).map(f).orElse(Double.NaN))
                    .description(description)
                    .baseUnit(unit)
                    .tag(Tags.QUEUE, queue)
                    .tag(Tags.CHANNEL, channel)
                    .register(registry);
        }

        void count(String name, String description, Function<Counts, Long> f) {
            gauge(name, description, null, q -> (double) f.apply(q.today().counts()));
        }

        void period(String name, String description, String unit, Function<Period, Double> f) {
            gauge(name, description, unit, q -> value(f.apply(q.today())));
        }
    }

    private void bindChannel(String c) {
        channelGauge(c, MeterNames.CHANNEL_WAITING, "Interactions of the channel waiting now", null, f ->
                (double) f.waitingNow());
        channelGauge(
                c,
                MeterNames.CHANNEL_LONGEST_WAIT,
                "The channel's longest current wait",
                "seconds",
                f -> f.longestWaitSeconds() == null ? 0.0 : f.longestWaitSeconds());
        channelGauge(c, MeterNames.CHANNEL_CONTACTS, "Contacts of the channel that arrived today", null, f ->
                (double) f.contactsToday());
        channelGauge(c, MeterNames.CHANNEL_ANSWERED, "The channel's visits answered today", null, f ->
                (double) f.today().counts().answered());
        channelGauge(c, MeterNames.CHANNEL_ABANDONED, "The channel's visits abandoned today", null, f ->
                (double) f.today().counts().abandoned());
        channelGauge(
                c,
                MeterNames.CHANNEL_SERVICE_LEVEL,
                "The channel's service level today",
                "ratio",
                f -> value(f.today().serviceLevel()));
        channelGauge(
                c,
                MeterNames.CHANNEL_OCCUPANCY,
                "The channel's occupancy today",
                "ratio",
                f -> value(f.today().occupancy()));
        channelGauge(
                c, MeterNames.CHANNEL_ADVISORS_LOGGED_IN, "Advisors who can take the channel, logged in", null, f ->
                        (double) f.loggedIn());
    }

    private void channelGauge(
            String channel, String name, String description, String unit, Function<ChannelFigures, Double> f) {
        Gauge.builder(name, live, l -> l.channel(channel, now()).map(f).orElse(Double.NaN))
                .description(description)
                .baseUnit(unit)
                .tag(Tags.CHANNEL, channel)
                .register(registry);
    }

    private static double value(Double d) {
        return d == null ? Double.NaN : d;
    }
}
