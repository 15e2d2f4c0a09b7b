package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventStreamBinderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
    private final EventStreamBinder binder = new EventStreamBinder();

    @Test
    void clientsAreCountedWhileConnectedAndPushesTimed() {
        binder.bindTo(registry);
        binder.connected();
        binder.connected();
        binder.disconnected();
        binder.pushed(3_000_000);

        assertThat(registry.get(MeterNames.EVENTS_CLIENTS).gauge().value()).isEqualTo(1);
        assertThat(registry.get(MeterNames.EVENTS_PUSH).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(3);
    }
}
