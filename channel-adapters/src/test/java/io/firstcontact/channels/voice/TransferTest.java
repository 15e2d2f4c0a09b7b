package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AmiMessage;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Blind transfers of a connected caller: back to a queue, to a named advisor, out to a number. */
class TransferTest {

    private static VoiceRig.Waiting talkingToAnn(VoiceRig rig) {
        rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
        rig.peer.phone("PJSIP/1002").answersAfter(Duration.ofMillis(20));
        rig.routing.advisor("ann", "PJSIP/1001");
        rig.routing.advisor("bob", "PJSIP/1002");
        rig.routing.apply(
                new Command.ChangePresence("bob", PresenceState.NOT_READY, "BREAK", Actor.agent("bob"), false));
        VoiceRig.Waiting w = rig.waiting("07700900021", "1");
        Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the talk with ann");
        return w;
    }

    @Test
    void callerTransferredToAQueueWaitsThereWithTheirCallAndIsConnectedToTheNextAdvisor() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talkingToAnn(rig);

            rig.routing.apply(new Command.TransferToQueue(w.id(), InProcessRouting.PARKING, true, Actor.agent("ann")));

            AmiMessage transfer = Await.until(
                    () -> rig.peer.actions("BlindTransfer").stream().findFirst(),
                    Duration.ofSeconds(10),
                    "a blind transfer");
            assertThat(transfer.get("Context")).isEqualTo("fc-holding");
            Await.until(() -> w.caller().activity().equals("HOLDING"), "the caller back in holding");
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's leg released");
            assertThat(rig.routing.facts(Fact.InteractionEnded.class)).isEmpty();

            rig.routing.apply(new Command.ChangePresence("bob", PresenceState.READY, null, Actor.agent("bob"), false));
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1002"), "the caller to reach bob");
            // the same interaction throughout: its id, attributes (what the caller keyed) and history travel with it
            assertThat(rig.routing.facts(Fact.AssignmentStarted.class))
                    .extracting(Fact.AssignmentStarted::interactionId)
                    .containsOnly(w.id());
            assertThat(w.caller().variable("FC_INTERACTION_ID")).contains(w.id());
        }
    }

    @Test
    void callerTransferredToANamedAdvisorIsConnectedToThem() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talkingToAnn(rig);
            rig.routing.apply(new Command.ChangePresence("bob", PresenceState.READY, null, Actor.agent("bob"), false));

            rig.routing.apply(new Command.TransferToAgent(w.id(), "bob", null, Actor.agent("ann")));

            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1002"), "the caller to reach bob");
            assertThat(rig.peer.channelsOf("PJSIP/1001")).isEmpty();
        }
    }

    @Test
    void callerTransferredToANumberLeavesTheCentre() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talkingToAnn(rig);

            rig.routing.apply(new Command.TransferExternal(w.id(), "02081234567", Actor.agent("ann")));

            assertThat(rig.routing
                            .awaitFact(
                                    Fact.InteractionEnded.class,
                                    e -> e.interactionId().equals(w.id()))
                            .reason())
                    .isEqualTo(EndReason.TRANSFERRED_OUT);
            AmiMessage transfer = Await.until(
                    () -> rig.peer.actions("BlindTransfer").stream().findFirst(),
                    Duration.ofSeconds(10),
                    "a blind transfer");
            assertThat(transfer.get("Context")).isEqualTo("fc-outbound");
            assertThat(transfer.get("Exten")).isEqualTo("02081234567");
            Await.until(() -> w.caller().activity().equals("TREATMENT"), "the caller dialled out");
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's leg released");
        }
    }
}
