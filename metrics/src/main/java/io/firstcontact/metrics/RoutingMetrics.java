package io.firstcontact.metrics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The host's measurements as Micrometer meters, named {@code firstcontact.*} (Prometheus shows them as {@code
 * firstcontact_*}): inputs by type, decision time, time waiting to be sequenced, journal commit latency and batch size,
 * deadline lateness, offers by outcome, deposition and journal failures. Called on the engine thread; meters are
 * created once per tag value and cached.
 */
public final class RoutingMetrics implements HostObserver, EffectSink {
    /**
     * The smallest histogram bucket of the pipeline's timers. Micrometer's default (1 ms) put every engine decision
     * and most sequencing and commit times in its first bucket, so their percentiles could not be told apart.
     */
    public static final Duration FINEST = Duration.ofNanos(1_000);

    private final MeterRegistry registry;
    private final Timer sequenced;
    private final Timer commit;
    private final DistributionSummary batch;
    private final Timer lateness;
    private final Counter journalFailures;
    private final Counter depositions;
    private final Map<String, Timer> decided = new ConcurrentHashMap<>();
    private final Map<String, Counter> offers = new ConcurrentHashMap<>();

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sequenced = Timer.builder("firstcontact.pipeline.sequenced")
                .description("From a command's submission to its sequencing on the engine thread")
                .publishPercentileHistogram()
                .minimumExpectedValue(FINEST)
                .register(registry);
        this.commit = Timer.builder("firstcontact.journal.commit")
                .description("Journal append latency per group commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(FINEST)
                .register(registry);
        this.batch = DistributionSummary.builder("firstcontact.journal.batch")
                .description("Entries per group commit")
                .baseUnit("entries")
                .publishPercentileHistogram()
                .register(registry);
        this.lateness = Timer.builder("firstcontact.deadline.lateness")
                .description("How late a deadline was sequenced after its instant")
                .publishPercentileHistogram()
                .register(registry);
        this.journalFailures = Counter.builder("firstcontact.journal.failures")
                .description("Appends that failed and were retried")
                .register(registry);
        this.depositions = Counter.builder("firstcontact.routing.deposed")
                .description("Times this node stopped leading routing")
                .register(registry);
    }

    @Override
    public void sequenced(long nanos) {
        sequenced.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void decided(String inputType, long nanos) {
        decided.computeIfAbsent(
                        inputType,
                        t -> Timer.builder("firstcontact.engine.decision")
                                .description("Engine time per input, by input type (the count is inputs by type)")
                                .tag("input", t)
                                .publishPercentileHistogram()
                                .minimumExpectedValue(FINEST)
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void committed(int batchSize, long nanos) {
        commit.record(nanos, TimeUnit.NANOSECONDS);
        batch.record(batchSize);
    }

    @Override
    public void deadlineLateness(long millis) {
        lateness.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    @Override
    public void deposed(String reason) {
        depositions.increment();
    }

    @Override
    public void journalFailed(Throwable cause) {
        journalFailures.increment();
    }

    /** Offers by outcome, from committed facts. */
    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            if (f instanceof Fact.OfferStatusChanged s) {
                String outcome = s.status().name().toLowerCase(Locale.ROOT);
                offers.computeIfAbsent(
                                outcome,
                                o -> Counter.builder("firstcontact.offers")
                                        .description("Offers by outcome")
                                        .tag("outcome", o)
                                        .register(registry))
                        .increment();
            } else if (f instanceof Fact.OfferCreated) {
                offers.computeIfAbsent(
                                "created",
                                o -> Counter.builder("firstcontact.offers")
                                        .description("Offers by outcome")
                                        .tag("outcome", o)
                                        .register(registry))
                        .increment();
            }
        }
    }
}
