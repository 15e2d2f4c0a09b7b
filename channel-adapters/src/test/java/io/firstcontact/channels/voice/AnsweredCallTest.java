package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.OfferStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A caller keys their choice, waits, and is connected to the advisor whose phone answers. */
class AnsweredCallTest {

    @Test
    void callerKeyingOneIsQueuedForCouncilTaxAndBridgedToTheAdvisorWhoAnswers() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(30));
            rig.routing.advisor("ann", "PJSIP/1001");

            AsteriskPeer.Caller caller = rig.peer.call("07700900123", "1");

            Await.until(
                    () -> caller.bridgedWith().stream().anyMatch(n -> n.startsWith("PJSIP/1001-")),
                    "the caller to be bridged to ann's phone");
            Fact.InteractionCreated created = rig.routing.awaitFact(Fact.InteractionCreated.class, f -> true);
            assertThat(created.channel()).isEqualTo("voice");
            assertThat(created.sourceRef()).startsWith("voice:asterisk:");
            assertThat(caller.variable("FC_INTERACTION_ID")).contains(created.interactionId());
            assertThat(rig.routing.facts(Fact.VisitStarted.class))
                    .singleElement()
                    .satisfies(v -> assertThat(v.queue()).isEqualTo(InProcessRouting.COUNCIL_TAX));
            assertThat(rig.routing.facts(Fact.OfferStatusChanged.class))
                    .extracting(Fact.OfferStatusChanged::status)
                    .containsExactly(OfferStatus.ALERTING, OfferStatus.ACCEPTED);
            assertThat(rig.routing.facts(Fact.AssignmentStarted.class))
                    .singleElement()
                    .satisfies(a -> assertThat(a.agentId()).isEqualTo("ann"));
        }
    }

    @Test
    void aCallerWhoseUniqueIdBeginsAnotherCallersIsBridgedToTheirOwnAdvisor() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(30));
            AsteriskPeer.Caller gone = queued(rig, "07700900100");
            AsteriskPeer.Caller first = queued(rig, "07700900101");
            List<AsteriskPeer.Caller> later = new ArrayList<>();
            do { // Asterisk numbers its unique ids <start>.1, <start>.2, … <start>.10
                later.add(queued(rig, "0770090" + (1000 + later.size())));
            } while (!later.getLast().uniqueid().startsWith(first.uniqueid()));
            gone.hangUp();
            Await.until(() -> !rig.routing.facts(Fact.InteractionEnded.class).isEmpty(), "the first caller's end");

            // Asterisk's Bridge takes any channel whose unique id begins with the one it is given
            rig.routing.advisor("ann", "PJSIP/1001");

            Await.until(
                    () -> first.bridgedWith().stream().anyMatch(n -> n.startsWith("PJSIP/1001-")),
                    "the longest-waiting caller to be bridged to ann's phone");
            assertThat(later).allSatisfy(c -> assertThat(c.bridgedWith()).isEmpty());
        }
    }

    /** A caller keying 1, once routing has queued them (so callers queue in the order they call). */
    private static AsteriskPeer.Caller queued(VoiceRig rig, String number) {
        int before = rig.routing.facts(Fact.VisitStarted.class).size();
        AsteriskPeer.Caller caller = rig.peer.call(number, "1");
        Await.until(() -> rig.routing.facts(Fact.VisitStarted.class).size() > before, "the caller to be queued");
        return caller;
    }

    @Test
    void aCallerIdThatLooksLikeACardNumberIsConnectedButNeverEntersRouting() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(30));
            rig.routing.advisor("ann", "PJSIP/1001");

            // sixteen Luhn-valid digits: a real caller id can look like this by chance
            AsteriskPeer.Caller caller = rig.peer.call("4111111111111111", "1");

            Await.until(
                    () -> caller.bridgedWith().stream().anyMatch(n -> n.startsWith("PJSIP/1001-")),
                    "the caller to be bridged to ann's phone");
            assertThat(rig.routing.commands(Command.CreateInteraction.class))
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.customerRef()).isNull();
                        assertThat(c.attributes().get("callerNumber")).isNull();
                    });
            assertThat(rig.routing.commands(Command.UpdateAttributes.class))
                    .allSatisfy(
                            u -> assertThat(u.attributes().get("callerNumber")).isNull());
        }
    }
}
