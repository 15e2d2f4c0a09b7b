package io.firstcontact.server;

import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.metrics.RoutingMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** The desktop's measurements as Micrometer timers: push latency and screen-pop latency, with histograms. */
final class DeskTimers implements DeskObserver {
    private final Timer pushed;
    private final Timer popped;

    DeskTimers(MeterRegistry registry) {
        this.pushed = Timer.builder("firstcontact.desk.push")
                .description("From a journal entry's commit to the changed desk written to an advisor's connection")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingMetrics.FINEST)
                .register(registry);
        this.popped = Timer.builder("firstcontact.desk.screenpop")
                .description("From an offer's commit to its screen pop (the account) written to the advisor's desk")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingMetrics.FINEST)
                .register(registry);
    }

    @Override
    public void pushed(long nanos) {
        pushed.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void screenPopped(long nanos) {
        popped.record(nanos, TimeUnit.NANOSECONDS);
    }
}
