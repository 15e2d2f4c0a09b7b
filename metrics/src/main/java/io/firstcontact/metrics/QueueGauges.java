package io.firstcontact.metrics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.QueueView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-queue gauges ({@code firstcontact.queue.waiting}, {@code firstcontact.queue.longest.wait} in seconds), updated
 * on the engine thread from the read model when a committed fact touches the queue, read by the scrape through
 * atomics.
 */
public final class QueueGauges implements EffectSink {
    private final MeterRegistry registry;
    private final LiveView view;
    private final InstantSource clock;
    private final Map<String, AtomicLong> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldest = new ConcurrentHashMap<>();

    public QueueGauges(MeterRegistry registry, LiveView view, InstantSource clock) {
        this.registry = registry;
        this.view = view;
        this.clock = clock;
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            switch (f) {
                case Fact.VisitStarted v -> refresh(v.queue());
                case Fact.VisitEnded v -> refresh(v.queue());
                case Fact.OfferCreated o -> refresh(o.queue());
                case Fact.ConfigurationApplied c -> refreshAll();
                default -> {}
            }
        }
    }

    /** Every configured queue (after recovery, after a configuration change). */
    public void refreshAll() {
        for (QueueView q : view.queues()) {
            set(q);
        }
    }

    /** Per fact: the waiting count and oldest wait only (a full queue view counts the staffed advisors, O(advisors)). */
    private void refresh(String queue) {
        LiveView.QueueLoad load = view.queueLoad(queue);
        if (load != null) {
            set(queue, load.waiting(), load.oldestWaitingSince());
        }
    }

    private void set(QueueView q) {
        set(q.queue(), q.waiting(), q.oldestWaitingSince());
    }

    private void set(String queue, int waitingNow, Long oldestSince) {
        gauge(waiting, queue, "firstcontact.queue.waiting", "Interactions waiting in the queue", false)
                .set(waitingNow);
        gauge(oldest, queue, "firstcontact.queue.longest.wait", "Longest current wait in the queue", true)
                .set(oldestSince == null ? -1 : oldestSince);
    }

    private AtomicLong gauge(Map<String, AtomicLong> map, String queue, String name, String help, boolean age) {
        return map.computeIfAbsent(queue, q -> {
            AtomicLong value = new AtomicLong(age ? -1 : 0);
            Gauge.builder(name, value, v -> age ? ageSeconds(v.get()) : v.get())
                    .description(help)
                    .tag("queue", q)
                    .baseUnit(age ? "seconds" : "interactions")
                    .register(registry);
            return value;
        });
    }

    private double ageSeconds(long since) {
        return since < 0 ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }
}
