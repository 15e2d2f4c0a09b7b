package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.port.HostObserver;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HostObserversTest {

    @Test
    void theHostsOneObserverTellsEachBinderWhatItMeasures() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        RoutingBinder routing = new RoutingBinder();
        JournalBinder journal = new JournalBinder(new JournalBinder.Health() {
            @Override
            public boolean redisReachable() {
                return true;
            }

            @Override
            public boolean spilling() {
                return false;
            }

            @Override
            public long lostEntries() {
                return 0;
            }
        });
        routing.bindTo(registry);
        journal.bindTo(registry);
        HostObserver host = HostObservers.of(routing, journal);

        host.sequenced(1_000);
        host.decided("EndWrapUp", 2_000);
        host.committed(2, 50_000);
        host.sentBehind(1);
        host.deadlineLateness(1);
        host.journalFailed(new IllegalStateException("timeout"));
        host.deposed("fenced");

        assertThat(registry.get(MeterNames.PIPELINE_SEQUENCED).timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.ENGINE_DECISION).timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.JOURNAL_COMMIT).timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.DEADLINE_LATENESS).timer().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.JOURNAL_FAILURES).counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.JOURNAL_BEHIND).counter().count()).isEqualTo(1);
        assertThat(registry.get(MeterNames.ROUTING_DEPOSED).counter().count()).isEqualTo(1);
    }
}
