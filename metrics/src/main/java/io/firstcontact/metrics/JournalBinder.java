package io.firstcontact.metrics;

import io.firstcontact.router.api.port.HostObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The journal and Redis: group-commit latency and batch size, failed appends (from the host, {@link HostObserver}),
 * two gauges read at each scrape: whether Redis answers and whether entries are waiting in the spill file, and the
 * count of entries Redis acknowledged and then lost.
 */
public final class JournalBinder implements MeterBinder, HostObserver {

    /** What the journal's gauges read; called on the scrape's thread, so both must be cheap and thread-safe. */
    public interface Health {
        boolean redisReachable();

        /** Entries wait in the local spill file for Redis. */
        boolean spilling();

        /** Entries Redis acknowledged and then lost (it restarted without its last writes), since this node started. */
        long lostEntries();
    }

    private final Health health;
    private Timer commit;
    private DistributionSummary batch;
    private Counter failures;
    private Counter behind;

    public JournalBinder(Health health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.commit = Timer.builder(MeterNames.JOURNAL_COMMIT)
                .description("Journal append latency per group commit")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .register(registry);
        this.batch = DistributionSummary.builder(MeterNames.JOURNAL_BATCH)
                .description("Entries per group commit")
                .baseUnit("entries")
                .publishPercentileHistogram()
                .register(registry);
        this.behind = Counter.builder(MeterNames.JOURNAL_BEHIND)
                .description("Group commits sent behind another still being written, instead of waiting for it")
                .baseUnit("batches")
                .register(registry);
        this.failures = Counter.builder(MeterNames.JOURNAL_FAILURES)
                .description("Appends that failed and were retried")
                .register(registry);
        Gauge.builder(MeterNames.REDIS_REACHABLE, health, h -> h.redisReachable() ? 1 : 0)
                .description("1 while Redis answers, 0 while it does not (entries spill to the local file)")
                .register(registry);
        Gauge.builder(MeterNames.JOURNAL_SPILLING, health, h -> h.spilling() ? 1 : 0)
                .description("1 while committed entries wait in the local spill file for Redis (health DEGRADED)")
                .register(registry);
        FunctionCounter.builder(MeterNames.JOURNAL_LOST, health, Health::lostEntries)
                .description("Journal entries Redis acknowledged and then lost (restarted from an AOF without its last"
                        + " second); a snapshot covers them, readers of the journal miss their facts")
                .baseUnit("entries")
                .register(registry);
    }

    @Override
    public void committed(int batchSize, long nanos) {
        commit.record(nanos, TimeUnit.NANOSECONDS);
        batch.record(batchSize);
    }

    @Override
    public void sentBehind(int batchSize) {
        behind.increment();
    }

    @Override
    public void journalFailed(Throwable cause) {
        failures.increment();
    }
}
