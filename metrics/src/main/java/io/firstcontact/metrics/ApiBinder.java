package io.firstcontact.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * API requests: one timer per method, route template ({@code /api/v1/interactions/:id}, never the path itself, so
 * the tag's values are bounded by the routes) and status. Called by the web layer when a response ends.
 */
public final class ApiBinder implements MeterBinder {
    /** The route tag of a request no route matched (404s, 401s before routing). */
    public static final String UNMATCHED = "unmatched";

    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    private record Key(String method, String route, int status) {}

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
    }

    /**
     * @param route the matched route's template, or null for {@link #UNMATCHED}
     * @param nanos from the request's arrival to its response's end
     */
    public void request(String method, String route, int status, long nanos) {
        if (registry == null) {
            return;
        }
        Key key = new Key(method.toUpperCase(Locale.ROOT), route == null ? UNMATCHED : route, status);
        timers.computeIfAbsent(
                        key,
                        k -> Timer.builder(MeterNames.API_REQUESTS)
                                .description("API requests by method, route template and status")
                                .tag(MeterNames.Tags.METHOD, k.method())
                                .tag(MeterNames.Tags.ROUTE, k.route())
                                .tag(MeterNames.Tags.STATUS, Integer.toString(k.status()))
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
