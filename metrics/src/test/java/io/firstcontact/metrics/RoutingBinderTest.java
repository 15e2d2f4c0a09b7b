package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.engine.Centres;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingBinderTest {
    private SimpleMeterRegistry registry;
    private RoutingBinder binder;

    @BeforeEach
    void bind() {
        registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        binder = new RoutingBinder();
        binder.bindTo(registry);
    }

    @Test
    void decisionsAreTimedPerInputType() {
        binder.decided("CreateInteraction", 3_000);
        binder.decided("CreateInteraction", 5_000);
        binder.decided("AcceptOffer", 2_000);

        Timer create = registry.get(MeterNames.ENGINE_DECISION)
                .tag(MeterNames.Tags.INPUT, "CreateInteraction")
                .timer();
        assertThat(create.count()).isEqualTo(2);
        assertThat(create.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(8_000);
        assertThat(create.max(TimeUnit.NANOSECONDS)).isEqualTo(5_000);
        assertThat(registry.get(MeterNames.ENGINE_DECISION)
                        .tag(MeterNames.Tags.INPUT, "AcceptOffer")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aLateDeadlineIsRecordedAndAnEarlyOneCountsAsOnTime() {
        binder.deadlineLateness(12);
        binder.deadlineLateness(-3);

        Timer lateness = registry.get(MeterNames.DEADLINE_LATENESS).timer();
        assertThat(lateness.count()).isEqualTo(2);
        assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(12);
    }

    @Test
    void offersAreCountedByOutcomeInTheQueueAndChannelTheyWereMadeIn() {
        Fed fed = new Fed(1_700_000_000_000L).to(binder);
        fed.configure(Centres.small());
        fed.agent("a1");
        fed.login("a1", true);
        fed.arrive("call-1", "voice", "billing");
        fed.answer("call-1");
        fed.arrive("chat-1", "chat", "chat"); // waits: the call a1 is on blocks chat

        assertThat(count("created", "billing", "voice")).isEqualTo(1);
        assertThat(count("accepted", "billing", "voice")).isEqualTo(1);
        assertThat(registry.find(MeterNames.OFFERS)
                        .tag(MeterNames.Tags.QUEUE, "chat")
                        .counter())
                .isNull();
    }

    @Test
    void anOfferNobodyAnswersIsCountedAsTimedOut() {
        Fed fed = new Fed(1_700_000_000_000L).to(binder);
        fed.configure(Centres.small());
        fed.agent("a1");
        fed.login("a1", true);
        fed.arrive("call-1", "voice", "billing");
        fed.advance(Centres.VOICE.offerTimeoutMillis());

        assertThat(count("created", "billing", "voice")).isEqualTo(1);
        assertThat(count("timed_out", "billing", "voice")).isEqualTo(1);
    }

    @Test
    void depositionsAreCounted() {
        binder.deposed("a newer epoch started");

        assertThat(registry.get(MeterNames.ROUTING_DEPOSED).counter().count()).isEqualTo(1);
    }

    private double count(String outcome, String queue, String channel) {
        return registry.get(MeterNames.OFFERS)
                .tag(MeterNames.Tags.OUTCOME, outcome)
                .tag(MeterNames.Tags.QUEUE, queue)
                .tag(MeterNames.Tags.CHANNEL, channel)
                .counter()
                .count();
    }
}
