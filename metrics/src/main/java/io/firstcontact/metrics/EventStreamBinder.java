package io.firstcontact.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event stream: how long a committed entry takes to reach a client, and how many clients are connected. Called
 * from the stream's connections on their own event loops (thread-safe).
 */
public final class EventStreamBinder implements MeterBinder {
    private final AtomicInteger clients = new AtomicInteger();
    private Timer pushed;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.pushed = Timer.builder(MeterNames.EVENTS_PUSH)
                .description("From an entry's commit to its event written to a stream client")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .register(registry);
        Gauge.builder(MeterNames.EVENTS_CLIENTS, clients, AtomicInteger::get)
                .description("Event-stream clients connected now")
                .baseUnit("clients")
                .register(registry);
    }

    /** An entry committed {@code nanos} ago (by {@link System#nanoTime()}) was written to a client. */
    public void pushed(long nanos) {
        pushed.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void connected() {
        clients.incrementAndGet();
    }

    public void disconnected() {
        clients.decrementAndGet();
    }
}
