package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueueBinderTest {
    private static final long START = 1_700_000_000_000L;

    private MockClock clock;
    private SimpleMeterRegistry registry;
    private Fed fed;

    @BeforeEach
    void bind() {
        clock = new MockClock();
        clock.add(Duration.ofMillis(START - clock.wallTime()));
        registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        fed = new Fed(START);
        LiveView view = new LiveView(ViewOptions.DEFAULT, fed.driver.engine()::position);
        QueueBinder binder = new QueueBinder(view);
        binder.bindTo(registry);
        fed.to(view).to(binder);
        fed.configure(Centres.small());
    }

    @Test
    void theLongestWaitGrowsWithTheClockBetweenEventsWithoutATimer() {
        fed.arrive("call-1", "voice", "billing");
        clock.add(Duration.ofSeconds(42));

        assertThat(longestWait("billing")).isEqualTo(42.0);
        clock.add(Duration.ofMillis(500));
        assertThat(longestWait("billing")).isEqualTo(42.5);
    }

    @Test
    void theLongestWaitIsTheOldestCallersAndFallsToZeroWhenNobodyWaits() {
        fed.arrive("call-1", "voice", "billing");
        fed.advance(10_000);
        fed.arrive("call-2", "voice", "billing");
        clock.add(Duration.ofSeconds(15));

        assertThat(waiting("billing")).isEqualTo(2);
        assertThat(longestWait("billing")).isEqualTo(15.0);

        fed.hangUp("call-1");
        assertThat(waiting("billing")).isEqualTo(1);
        assertThat(longestWait("billing")).isEqualTo(5.0);

        fed.hangUp("call-2");
        assertThat(waiting("billing")).isZero();
        assertThat(longestWait("billing")).isZero();
    }

    @Test
    void anInteractionBeingOfferedLeavesTheWaitingCountAndComesBackWhenTheOfferTimesOut() {
        fed.agent("a1");
        fed.arrive("call-1", "voice", "billing");
        assertThat(waiting("billing")).isEqualTo(1);

        fed.login("a1", true);
        assertThat(waiting("billing")).isZero();

        fed.advance(Centres.VOICE.offerTimeoutMillis());
        assertThat(waiting("billing")).isEqualTo(1);
    }

    @Test
    void everyConfiguredQueueHasItsGaugesTaggedWithItsChannel() {
        assertThat(registry.get(MeterNames.QUEUE_WAITING)
                        .tag(MeterNames.Tags.QUEUE, "chat")
                        .tag(MeterNames.Tags.CHANNEL, "chat")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get(MeterNames.QUEUE_WAITING)
                        .tag(MeterNames.Tags.QUEUE, "email")
                        .tag(MeterNames.Tags.CHANNEL, "email")
                        .gauge())
                .isNotNull();
    }

    private double waiting(String queue) {
        return registry.get(MeterNames.QUEUE_WAITING)
                .tag(MeterNames.Tags.QUEUE, queue)
                .gauge()
                .value();
    }

    private double longestWait(String queue) {
        return registry.get(MeterNames.QUEUE_LONGEST_WAIT)
                .tag(MeterNames.Tags.QUEUE, queue)
                .tag(MeterNames.Tags.CHANNEL, "voice")
                .gauge()
                .value();
    }
}
