package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VoiceBinderTest {

    @Test
    void theTimeFromAnAdvisorsFreeingToTheirNextRingIsATimer() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        VoiceBinder voice = new VoiceBinder(List.of());
        voice.freeToRing(1_000_000); // before binding: dropped, not an error
        voice.bindTo(registry);
        voice.freeToRing(1_500_000);
        voice.freeToRing(2_500_000);

        var timer = registry.get(MeterNames.VOICE_FREE_TO_RING).timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.MICROSECONDS)).isEqualTo(4_000);
    }

    @Test
    void stuckManagerConnectionsDroppedAreCountedByReasonFromZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        VoiceBinder voice = new VoiceBinder(List.of("write_stuck", "no_responses"));
        voice.amiLinkDropped("write_stuck"); // before binding: dropped, not an error
        voice.bindTo(registry);
        voice.amiLinkDropped("no_responses");
        voice.amiLinkDropped("no_responses");

        assertThat(registry.get(MeterNames.VOICE_AMI_LINKS_DROPPED)
                        .tag("reason", "write_stuck")
                        .counter()
                        .count())
                .isZero();
        assertThat(registry.get(MeterNames.VOICE_AMI_LINKS_DROPPED)
                        .tag("reason", "no_responses")
                        .counter()
                        .count())
                .isEqualTo(2);
    }
}
