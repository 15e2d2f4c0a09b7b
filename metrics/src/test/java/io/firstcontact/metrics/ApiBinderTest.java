package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiBinderTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
    private final ApiBinder binder = new ApiBinder();

    @Test
    void requestsAreTimedByMethodRouteTemplateAndStatus() {
        binder.bindTo(registry);
        binder.request("get", "/api/v1/queues/:name", 200, 2_000_000);
        binder.request("GET", "/api/v1/queues/:name", 200, 4_000_000);
        binder.request("GET", "/api/v1/queues/:name", 404, 1_000_000);

        var ok = registry.get(MeterNames.API_REQUESTS)
                .tag(MeterNames.Tags.METHOD, "GET")
                .tag(MeterNames.Tags.ROUTE, "/api/v1/queues/:name")
                .tag(MeterNames.Tags.STATUS, "200")
                .timer();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6);
        assertThat(registry.get(MeterNames.API_REQUESTS)
                        .tag(MeterNames.Tags.STATUS, "404")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aRequestNoRouteMatchedIsCountedUnderOneTagValueNotItsPath() {
        binder.bindTo(registry);
        binder.request("GET", null, 401, 1_000);
        binder.request("GET", null, 404, 1_000);

        assertThat(registry.get(MeterNames.API_REQUESTS)
                        .tag(MeterNames.Tags.ROUTE, ApiBinder.UNMATCHED)
                        .timers())
                .hasSize(2);
    }
}
