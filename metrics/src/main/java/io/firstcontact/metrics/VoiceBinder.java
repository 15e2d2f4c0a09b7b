package io.firstcontact.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The voice channel on Asterisk: how soon an advisor Asterisk frees is rung for the next waiting caller, the figure
 * that sets event-driven dispatch apart from a queue that re-checks its callers every second.
 */
public final class VoiceBinder implements MeterBinder {
    private Timer freeToRing;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.freeToRing = Timer.builder(MeterNames.VOICE_FREE_TO_RING)
                .description("From the AMI event that freed an advisor (their leg's hang-up or their phone's NOT_INUSE)"
                        + " reaching the adapter to the Originate that rings them for the next waiting caller")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    /** An advisor freed by Asterisk was rung for the caller their freeing offered them, {@code nanos} later. */
    public void freeToRing(long nanos) {
        if (freeToRing != null) {
            freeToRing.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
