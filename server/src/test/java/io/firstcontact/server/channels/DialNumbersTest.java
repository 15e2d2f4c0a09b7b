package io.firstcontact.server.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.api.port.LiveReads.DialOut;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers the voice adapter dials, followed from committed entries and from a snapshot after a restart. */
class DialNumbersTest {
    private final RoutingEngine engine = RoutingEngine.create();
    private final DialNumbers numbers = new DialNumbers();
    private long seq;

    @Test
    void callsTheCentrePlacesAreFollowedUntilTheyEndAndComeBackFromASnapshot() {
        apply(new Command.ConfigureRouting(new RoutingConfig(
                1,
                List.of(new ChannelConfig("voice", MediaClass.REALTIME_VOICE, 15_000, false)),
                List.of(),
                List.of(QueueConfig.simple("calls", "voice", 30_000, List.of(), 0)),
                List.of(new UtilisationProfile("desk", List.of(new ChannelCapacity("voice", 1, List.of(), List.of())))),
                List.of(new RoutingProfile("all", List.of(new QueueMembership("calls", 1, 0)))),
                List.of(),
                List.of(),
                RoutingPolicy.DEFAULT)));
        apply(create("out-1", Direction.OUTBOUND, Attributes.of(LiveReads.DIAL_NUMBER, "07700900001")));
        apply(create("cb-1", Direction.CALLBACK, Attributes.of(LiveReads.CALLBACK_NUMBER, "07700900002")));
        apply(create("in-1", Direction.INBOUND, Attributes.of("callerNumber", "07700900003")));

        assertThat(numbers.of("out-1")).contains(new DialOut("07700900001", false));
        assertThat(numbers.of("cb-1")).contains(new DialOut("07700900002", true));
        assertThat(numbers.of("in-1")).as("a caller on the line is not dialled").isEmpty();

        apply(new Command.EndInteraction("out-1", EndReason.COMPLETED));
        assertThat(numbers.of("out-1")).isEmpty();

        DialNumbers restarted = new DialNumbers();
        restarted.restore(engine.snapshot());
        assertThat(restarted.of("cb-1")).contains(new DialOut("07700900002", true));
        assertThat(restarted.of("out-1")).isEmpty();
        assertThat(new DialOut("07700900002", true).toString()).doesNotContain("0770");
    }

    private static Command.CreateInteraction create(String id, Direction direction, Attributes attributes) {
        return new Command.CreateInteraction(
                id, "voice", direction, "test:" + id, null, null, attributes, QueueRequest.to("calls"));
    }

    private void apply(Command c) {
        EngineInput input = new EngineInput(1, ++seq, 1_000 + seq, "test", null, c);
        Decision d = engine.apply(input);
        assertThat(d.refused()).as(c.type()).isFalse();
        numbers.committed(input, d);
    }
}
