package io.firstcontact.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The live wallboard: how long after the oldest change it carries a patch was written to every open wallboard, and how
 * many wallboards are open. Called from the wallboard's push thread (thread-safe).
 */
public final class WallboardBinder implements MeterBinder {
    private final IntSupplier connections;
    private Timer pushed;

    /** @param connections the wallboards open now */
    public WallboardBinder(IntSupplier connections) {
        this.connections = connections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.pushed = Timer.builder(MeterNames.WALLBOARD_PUSH)
                .description("From the oldest change a wallboard patch carries to the patch written to every wallboard")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .register(registry);
        Gauge.builder(MeterNames.WALLBOARD_CONNECTIONS, connections, IntSupplier::getAsInt)
                .description("Wallboards and supervisor views open now")
                .baseUnit("connections")
                .register(registry);
    }

    /** A patch whose oldest change was {@code nanos} ago was written to every wallboard. */
    public void pushed(long nanos) {
        pushed.record(nanos, TimeUnit.NANOSECONDS);
    }
}
