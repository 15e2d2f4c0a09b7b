package io.firstcontact.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The voice channel on Asterisk: how soon an advisor Asterisk frees is rung for the next waiting caller, the figure
 * that sets event-driven dispatch apart from a queue that re-checks its callers every second; and the manager
 * connections dropped because Asterisk was stuck on them.
 */
public final class VoiceBinder implements MeterBinder {
    private final List<String> dropReasons;
    private volatile MeterRegistry registry;
    private Timer freeToRing;

    /**
     * @param dropReasons the {@code reason} tags a stuck manager connection is dropped for, registered at 0 from the
     *     start so that the first drop is an increase
     */
    public VoiceBinder(List<String> dropReasons) {
        this.dropReasons = List.copyOf(dropReasons);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.freeToRing = Timer.builder(MeterNames.VOICE_FREE_TO_RING)
                .description("From the AMI event that freed an advisor (their leg's hang-up or their phone's NOT_INUSE)"
                        + " reaching the adapter to the Originate that rings them for the next waiting caller")
                .publishPercentileHistogram()
                .minimumExpectedValue(RoutingBinder.FINEST)
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        for (String reason : dropReasons) {
            dropped(registry, reason);
        }
        this.registry = registry;
    }

    /** An advisor freed by Asterisk was rung for the caller their freeing offered them, {@code nanos} later. */
    public void freeToRing(long nanos) {
        if (freeToRing != null) {
            freeToRing.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A manager connection was dropped because Asterisk was stuck on it, for {@code reason}. */
    public void amiLinkDropped(String reason) {
        MeterRegistry r = registry;
        if (r != null) {
            dropped(r, reason).increment();
        }
    }

    private static Counter dropped(MeterRegistry registry, String reason) {
        return Counter.builder(MeterNames.VOICE_AMI_LINKS_DROPPED)
                .description("Manager connections to Asterisk dropped and taken up again because Asterisk was stuck on"
                        + " them: write_stuck (it stopped reading), no_responses (it stopped answering)")
                .tag("reason", reason)
                .register(registry);
    }
}
