package io.firstcontact.metrics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.QueueView;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-queue gauges tagged {@code queue} and {@code channel}: interactions waiting now and the longest current wait in
 * seconds. Updated on the engine thread from the read model when a committed fact touches the queue (in O(1): the
 * waiting count and oldest wait start, never a pass over advisors); read by the scrape through a published value.
 * The longest wait is computed at the scrape from the oldest wait start and the registry's clock, so it grows between
 * events without any timer.
 */
public final class QueueBinder implements MeterBinder, EffectSink {
    private final LiveView view;
    private final Map<String, Load> queues = new ConcurrentHashMap<>();
    /** The queue of each live offer (engine thread only). */
    private final Map<String, String> offered = new HashMap<>();

    private MeterRegistry registry;

    /** What a queue's gauges read: written on the engine thread, read by the scrape. */
    private static final class Load {
        volatile int waiting;
        /** Epoch millis of the oldest wait start, or -1 when nobody waits. */
        volatile long oldestSince = -1;
    }

    /** @param view the read model, queried on the engine thread only */
    public QueueBinder(LiveView view) {
        this.view = view;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        refreshAll();
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            switch (f) {
                case Fact.VisitStarted v -> refresh(v.queue());
                case Fact.VisitEnded v -> refresh(v.queue());
                case Fact.OfferCreated o -> {
                    offered.put(o.offerId(), o.queue());
                    refresh(o.queue());
                }
                case Fact.OfferStatusChanged o -> {
                    if (!o.status().live()) { // the interaction is back in line, or answered, or gone
                        String queue = offered.remove(o.offerId());
                        if (queue != null) {
                            refresh(queue);
                        }
                    }
                }
                case Fact.ConfigurationApplied c -> refreshAll();
                default -> {}
            }
        }
    }

    /** Every configured queue (after recovery, after a configuration change); on the engine thread. */
    public void refreshAll() {
        if (registry == null) {
            return;
        }
        for (QueueView q : view.queues()) {
            set(q.queue(), q.channel(), q.waiting(), q.oldestWaitingSince());
        }
    }

    private void refresh(String queue) {
        LiveView.QueueLoad load = view.queueLoad(queue);
        if (load != null && registry != null) {
            String channel = view.configuration()
                    .map(c -> c.queue(queue))
                    .map(qc -> qc.channel())
                    .orElse("");
            set(queue, channel, load.waiting(), load.oldestWaitingSince());
        }
    }

    private void set(String queue, String channel, int waiting, Long oldestSince) {
        Load load = queues.computeIfAbsent(queue, q -> register(q, channel));
        load.waiting = waiting;
        load.oldestSince = oldestSince == null ? -1 : oldestSince;
    }

    private Load register(String queue, String channel) {
        Load load = new Load();
        Clock clock = registry.config().clock();
        Gauge.builder(MeterNames.QUEUE_WAITING, load, l -> l.waiting)
                .description("Interactions waiting in the queue now (not being offered)")
                .tag(MeterNames.Tags.QUEUE, queue)
                .tag(MeterNames.Tags.CHANNEL, channel)
                .baseUnit("interactions")
                .register(registry);
        Gauge.builder(MeterNames.QUEUE_LONGEST_WAIT, load, l -> ageSeconds(l.oldestSince, clock))
                .description("Longest current wait in the queue")
                .tag(MeterNames.Tags.QUEUE, queue)
                .tag(MeterNames.Tags.CHANNEL, channel)
                .baseUnit("seconds")
                .register(registry);
        return load;
    }

    private static double ageSeconds(long since, Clock clock) {
        return since < 0 ? 0 : Math.max(0, clock.wallTime() - since) / 1000.0;
    }
}
