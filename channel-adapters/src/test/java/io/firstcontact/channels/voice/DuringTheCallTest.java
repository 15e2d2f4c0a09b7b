package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AmiMessage;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What happens on a connected call: recording and its mute, supervisors joining, hold. */
class DuringTheCallTest {

    private static VoiceRig.Waiting talking(VoiceRig rig) {
        return rig.talkingWithAnn("07700900031");
    }

    @Test
    void eachCallIsRecordedToAFileNamedByItsInteraction() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talking(rig);

            AmiMessage ring = rig.peer.actions("Originate").getFirst();
            assertThat(ring.all("Variable")).anyMatch(v -> v.startsWith("FC_RECORDING=fc-" + w.id() + "-"));
        }
    }

    @Test
    void recordingIsMutedBothWaysForCardDigitsAndUnmutedAfter() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talking(rig);
            String annLeg = rig.peer.channelsOf("PJSIP/1001").getFirst();

            rig.adapter.muteRecording(w.id(), true).toCompletableFuture().join();
            rig.adapter.muteRecording(w.id(), false).toCompletableFuture().join();

            assertThat(rig.peer.actions("MixMonitorMute"))
                    .extracting(m -> m.get("Direction") + "/" + m.get("State"))
                    .containsExactly("both/1", "both/0");
            assertThat(rig.peer.variable(annLeg, "FC_RECORDING"))
                    .hasValueSatisfying(f -> assertThat(f).contains(w.id()));
        }
    }

    @Test
    void aSupervisorListensThroughChanSpyOnTheAdvisorsLeg() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talking(rig);
            rig.peer.phone("PJSIP/2001").answersAfter(Duration.ofMillis(10));
            String annLeg = rig.peer.channelsOf("PJSIP/1001").getFirst();

            String leg = rig.adapter
                    .supervise("sue", "PJSIP/2001", w.id(), SupervisionMode.LISTEN)
                    .toCompletableFuture()
                    .join();

            AmiMessage spy = rig.peer.actions("Originate").stream()
                    .filter(o -> "ChanSpy".equals(o.get("Application")))
                    .findFirst()
                    .orElseThrow();
            assertThat(spy.get("Channel")).isEqualTo("PJSIP/2001");
            assertThat(spy.get("Data")).isEqualTo(annLeg + ",qE");
            assertThat(leg).isNotBlank();
            Await.until(() -> rig.peer.activity(leg).equals("SPYING"), "the supervisor to listen");
        }
    }

    @Test
    void whisperAndBargeAskChanSpyForThem() {
        assertThat(SupervisionMode.WHISPER.chanSpyOptions()).contains("w");
        assertThat(SupervisionMode.BARGE.chanSpyOptions()).contains("B");
    }

    @Test
    void aSupervisorCannotJoinACallThatIsNotConnected() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = rig.waiting("07700900032", "1");

            assertThat(rig.adapter.supervise("sue", "PJSIP/2001", w.id(), SupervisionMode.BARGE))
                    .failsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void holdAskedThroughRoutingPutsTheCallerOnMusicAndResumeBringsThemBack() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talking(rig);
            String annLeg = rig.peer.channelsOf("PJSIP/1001").getFirst();

            rig.routing.submit("desktop", null, new Command.Park(w.id())).join();

            rig.routing.awaitFact(
                    Fact.InteractionParked.class, p -> p.interactionId().equals(w.id()));
            Await.until(() -> w.caller().activity().equals("ON_HOLD"), "the caller to hear the hold music");
            assertThat(rig.peer.activity(annLeg)).as("ann's leg waits").isEqualTo("WAITING");

            rig.routing.submit("desktop", null, new Command.Resume(w.id())).join();

            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the caller back with ann");
            assertThat(rig.routing.facts(Fact.InteractionResumed.class)).hasSize(1);
        }
    }

    @Test
    void aCallerWhoHangsUpOnHoldEndsTheCallTheAdvisorsLegIsReleasedAndTheyWrapUp() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talking(rig);
            rig.routing.submit("desktop", null, new Command.Park(w.id())).join();
            Await.until(() -> w.caller().activity().equals("ON_HOLD"), "the caller on hold");

            w.caller().hangUp();

            Fact.InteractionEnded ended = rig.routing.awaitFact(
                    Fact.InteractionEnded.class, e -> e.interactionId().equals(w.id()));
            assertThat(ended.reason()).isEqualTo(EndReason.CUSTOMER_LEFT);
            assertThat(ended.lastPhase()).isEqualTo(Phase.PARKED);
            rig.routing.awaitFact(Fact.WrapUpStarted.class, f -> f.agentId().equals("ann"));
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's waiting leg to be hung up");
        }
    }

    @Test
    void holdPressedOnThePhoneIsReportedToRouting() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = talking(rig);

            rig.peer.phone("PJSIP/1001").holds();

            Await.until(
                    () -> rig.routing.commands(Command.Park.class).stream()
                            .anyMatch(p -> p.interactionId().equals(w.id())),
                    "a Park for the call");
            rig.routing.awaitFact(
                    Fact.InteractionParked.class, p -> p.interactionId().equals(w.id()));
            rig.peer.phone("PJSIP/1001").resumes();
            rig.routing.awaitFact(
                    Fact.InteractionResumed.class, p -> p.interactionId().equals(w.id()));
            assertThat(rig.bridgedTo(w.caller(), "PJSIP/1001"))
                    .as("a hold on the phone moves no channel")
                    .isTrue();
            assertThat(rig.peer.actions("Redirect")).isEmpty();
        }
    }
}
