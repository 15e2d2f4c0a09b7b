package io.firstcontact.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The advisor desktop: how long after its commit a desk change, and an offer's screen pop, reached the advisor's
 * connection, and how many desk connections are open. Called from the connections' event loops (thread-safe).
 */
public final class DeskBinder implements MeterBinder {
    private final IntSupplier connections;
    private Timer pushed;
    private Timer popped;

    /** @param connections the desk connections open now */
    public DeskBinder(IntSupplier connections) {
        this.connections = connections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.pushed = Timer.builder(MeterNames.DESK_PUSH)
                .description("From a journal entry's commit to the changed desk written to an advisor's connection")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .register(registry);
        this.popped = Timer.builder(MeterNames.DESK_SCREEN_POP)
                .description("From an offer's commit to its screen pop (the account) written to the advisor's desk")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .register(registry);
        Gauge.builder(MeterNames.DESK_CONNECTIONS, connections, IntSupplier::getAsInt)
                .description("Desk push connections open now")
                .baseUnit("connections")
                .register(registry);
    }

    /** A desk change whose entry was committed {@code nanos} ago was written to a connection. */
    public void pushed(long nanos) {
        pushed.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A screen pop whose offer was committed {@code nanos} ago was written to a connection. */
    public void screenPopped(long nanos) {
        popped.record(nanos, TimeUnit.NANOSECONDS);
    }
}
