package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeskBinderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());

    @Test
    void pushesAndScreenPopsAreTimedAndConnectionsCounted() {
        AtomicInteger open = new AtomicInteger(3);
        DeskBinder binder = new DeskBinder(open::get);
        binder.bindTo(registry);

        binder.pushed(2_000_000);
        binder.screenPopped(7_000_000);

        assertThat(registry.get(MeterNames.DESK_PUSH).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(2);
        assertThat(registry.get(MeterNames.DESK_SCREEN_POP).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(7);
        assertThat(registry.get(MeterNames.DESK_CONNECTIONS).gauge().value()).isEqualTo(3);
    }
}
