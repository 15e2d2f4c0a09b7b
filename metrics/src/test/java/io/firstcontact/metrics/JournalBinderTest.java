package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JournalBinderTest {
    private boolean reachable = true;
    private boolean spilling;
    private long lost;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
    private final JournalBinder binder = new JournalBinder(new JournalBinder.Health() {
        @Override
        public boolean redisReachable() {
            return reachable;
        }

        @Override
        public boolean spilling() {
            return spilling;
        }

        @Override
        public long lostEntries() {
            return lost;
        }
    });

    @Test
    void groupCommitsAreTimedAndTheirSizesKept() {
        binder.bindTo(registry);
        binder.committed(3, 200_000);
        binder.committed(1, 100_000);

        assertThat(registry.get(MeterNames.JOURNAL_COMMIT).timer().totalTime(TimeUnit.MICROSECONDS))
                .isEqualTo(300);
        assertThat(registry.get(MeterNames.JOURNAL_BATCH).summary().totalAmount())
                .isEqualTo(4);
        assertThat(registry.get(MeterNames.JOURNAL_BATCH).summary().count()).isEqualTo(2);
    }

    @Test
    void theGaugesSayWhenRedisIsUnreachableAndEntriesSpill() {
        binder.bindTo(registry);
        assertThat(registry.get(MeterNames.REDIS_REACHABLE).gauge().value()).isEqualTo(1);
        assertThat(registry.get(MeterNames.JOURNAL_SPILLING).gauge().value()).isZero();

        reachable = false;
        spilling = true;
        binder.journalFailed(new IllegalStateException("connection refused"));

        assertThat(registry.get(MeterNames.REDIS_REACHABLE).gauge().value()).isZero();
        assertThat(registry.get(MeterNames.JOURNAL_SPILLING).gauge().value()).isEqualTo(1);
        assertThat(registry.get(MeterNames.JOURNAL_FAILURES).counter().count()).isEqualTo(1);
    }

    @Test
    void entriesRedisLostAreCounted() {
        binder.bindTo(registry);
        assertThat(registry.get(MeterNames.JOURNAL_LOST).functionCounter().count())
                .isZero();

        lost = 12;

        assertThat(registry.get(MeterNames.JOURNAL_LOST).functionCounter().count())
                .isEqualTo(12);
    }
}
