package io.firstcontact.metrics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Routing decisions and the host's timings: time waiting to be sequenced, engine time per input type, deadline
 * lateness, offers by outcome per queue and channel (from committed facts), and depositions. The host calls it on the
 * engine thread ({@link HostObserver}, {@link EffectSink}); meters are created once per tag value and cached.
 */
public final class RoutingBinder implements MeterBinder, HostObserver, EffectSink {
    /**
     * The smallest histogram bucket of the pipeline's timers. Micrometer's default (1 ms) put every engine decision
     * and most sequencing and commit times in its first bucket, so their percentiles could not be told apart.
     */
    public static final Duration FINEST = Duration.ofNanos(1_000);

    private MeterRegistry registry;
    private Timer sequenced;
    private Timer lateness;
    private Counter depositions;
    private final Map<String, Timer> decided = new ConcurrentHashMap<>();
    private final Map<OfferKey, Counter> offers = new ConcurrentHashMap<>();
    /** Queue and channel of each live offer, so that its outcome is counted where it was made. */
    private final Map<String, OfferKey> live = new HashMap<>();

    private record OfferKey(String outcome, String queue, String channel) {
        OfferKey with(String o) {
            return new OfferKey(o, queue, channel);
        }
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        this.sequenced = Timer.builder(MeterNames.PIPELINE_SEQUENCED)
                .description("From a command's submission to its sequencing on the engine thread")
                .publishPercentileHistogram()
                .minimumExpectedValue(FINEST)
                .register(r);
        this.lateness = Timer.builder(MeterNames.DEADLINE_LATENESS)
                .description("How late a deadline was sequenced after its instant")
                .publishPercentileHistogram()
                .register(r);
        this.depositions = Counter.builder(MeterNames.ROUTING_DEPOSED)
                .description("Times this node stopped leading routing")
                .register(r);
    }

    private MeterRegistry registry() {
        if (registry == null) {
            throw new IllegalStateException("bind the RoutingBinder to a registry first");
        }
        return registry;
    }

    @Override
    public void sequenced(long nanos) {
        sequenced.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void decided(String inputType, long nanos) {
        decided.computeIfAbsent(
                        inputType,
                        t -> Timer.builder(MeterNames.ENGINE_DECISION)
                                .description("Engine time per input, by input type (the count is inputs by type)")
                                .tag(MeterNames.Tags.INPUT, t)
                                .publishPercentileHistogram()
                                .minimumExpectedValue(FINEST)
                                .register(registry()))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void deadlineLateness(long millis) {
        lateness.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    @Override
    public void deposed(String reason) {
        depositions.increment();
    }

    /** Offers by outcome, from committed facts. */
    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            if (f instanceof Fact.OfferCreated o) {
                OfferKey key = new OfferKey("created", o.queue(), o.channel());
                live.put(o.offerId(), key);
                count(key);
            } else if (f instanceof Fact.OfferStatusChanged s && !s.status().live()) {
                OfferKey made = live.remove(s.offerId());
                if (made != null) {
                    count(made.with(s.status().name().toLowerCase(Locale.ROOT)));
                }
            }
        }
    }

    private void count(OfferKey key) {
        offers.computeIfAbsent(
                        key,
                        k -> Counter.builder(MeterNames.OFFERS)
                                .description("Offers by outcome: created, then one terminal outcome each")
                                .tag(MeterNames.Tags.OUTCOME, k.outcome())
                                .tag(MeterNames.Tags.QUEUE, k.queue())
                                .tag(MeterNames.Tags.CHANNEL, k.channel())
                                .register(registry()))
                .increment();
    }
}
