package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.port.LiveReads;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calls the centre places — an advisor's click to call: nobody waits on the line, so the advisor's phone rings first
 * and the customer is dialled (through the trunk) once they answer; the number comes from routing, never the log.
 */
class DialOutTest {
    static final String CUSTOMER = "07700900999";

    @Test
    void anAdvisorsOutboundCallRingsThemThenDialsTheCustomerAndBridgesTheAnswer() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.peer.line(CUSTOMER).answersAfter(Duration.ofMillis(40));
            rig.routing.advisor("ann", "PJSIP/1001");

            rig.routing.apply(outbound("out-1", "ann"));

            Await.until(
                    () -> rig.peer.channelsOf("PJSIP/trunk").stream()
                            .anyMatch(t -> rig.peer.bridgedWith(t).stream().anyMatch(n -> n.startsWith("PJSIP/1001-"))),
                    "the customer's line bridged to ann's phone");
            assertThat(rig.routing.facts(Fact.AssignmentStarted.class))
                    .singleElement()
                    .satisfies(a -> assertThat(a.agentId()).isEqualTo("ann"));
            assertThat(rig.peer.actions("Originate"))
                    .extracting(a -> a.get("Channel"))
                    .containsExactly("PJSIP/1001", "PJSIP/" + CUSTOMER + "@trunk");

            rig.peer.line(CUSTOMER).hangsUp();
            Fact.InteractionEnded ended = rig.routing.awaitFact(Fact.InteractionEnded.class, e -> true);
            assertThat(ended.reason()).isEqualTo(EndReason.CUSTOMER_LEFT);
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's leg released");
            assertThat(rig.peer.liveChannels()).isZero();
        }
    }

    @Test
    void anOutboundCallWhoseCustomerIsBusyEndsAndReleasesTheAdvisor() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.peer.line(CUSTOMER).busy();
            rig.routing.advisor("ann", "PJSIP/1001");

            rig.routing.apply(outbound("out-2", "ann"));

            Fact.InteractionEnded ended = rig.routing.awaitFact(Fact.InteractionEnded.class, e -> true);
            assertThat(ended.interactionId()).isEqualTo("out-2");
            assertThat(ended.reason()).isEqualTo(EndReason.COMPLETED);
            Await.until(() -> rig.peer.liveChannels() == 0, "every leg released");
        }
    }

    private static Command.CreateInteraction outbound(String id, String agent) {
        return new Command.CreateInteraction(
                id,
                "voice",
                Direction.OUTBOUND,
                "desktop:call:" + id,
                null,
                null,
                Attributes.of(LiveReads.DIAL_NUMBER, CUSTOMER),
                QueueRequest.to(InProcessRouting.COUNCIL_TAX)
                        .withTargets(List.of(new Target(agent, System.currentTimeMillis() + 60_000, TargetMode.ONLY))));
    }
}
