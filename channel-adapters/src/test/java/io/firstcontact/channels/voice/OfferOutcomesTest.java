package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.PresenceState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What happens to a caller when the advisor's phone does not answer, is busy, or cannot be reached. */
class OfferOutcomesTest {

    @Test
    void advisorWhoDoesNotAnswerIsPausedAndTheCallerKeepsTheirPlaceForTheNextAdvisor() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").noAnswer();
            rig.peer.phone("PJSIP/1002").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting w = rig.waiting("07700900001", "1");
            Fact.VisitStarted visit = rig.routing.awaitFact(
                    Fact.VisitStarted.class, v -> v.interactionId().equals(w.id()));

            Fact.OfferStatusChanged timedOut =
                    rig.routing.awaitFact(Fact.OfferStatusChanged.class, f -> f.status() == OfferStatus.TIMED_OUT);
            assertThat(timedOut.agentId()).isEqualTo("ann");
            rig.routing.awaitFact(
                    Fact.PresenceChanged.class,
                    p -> p.agentId().equals("ann")
                            && p.to() == PresenceState.NOT_READY
                            && NotReadyReasons.RONA.equals(p.reason()));
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's phone to stop ringing");
            assertThat(w.caller().activity()).isEqualTo("HOLDING");

            rig.routing.advisor("bob", "PJSIP/1002");
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1002"), "the caller to reach bob");
            // the same visit: the wait start and place in line were kept
            assertThat(rig.routing.facts(Fact.VisitStarted.class)).containsExactly(visit);
        }
    }

    @Test
    void aBusyPhoneFailsTheOfferWithoutPausingAndTheNextAdvisorIsRungAtOnce() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").busy();
            rig.peer.phone("PJSIP/1002").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            rig.routing.advisor("bob", "PJSIP/1002");
            rig.routing.apply(new Command.ChangePresence(
                    "bob",
                    PresenceState.NOT_READY,
                    "BREAK",
                    io.firstcontact.router.api.model.Actor.agent("bob"),
                    false));
            VoiceRig.Waiting w = rig.waiting("07700900002", "1");

            Fact.OfferStatusChanged failed =
                    rig.routing.awaitFact(Fact.OfferStatusChanged.class, f -> f.status() == OfferStatus.FAILED);
            assertThat(failed.cause()).isEqualTo(FailureCause.DEVICE_BUSY.name());
            assertThat(rig.routing.facts(Fact.PresenceChanged.class))
                    .noneMatch(p -> p.agentId().equals("ann") && p.to() == PresenceState.NOT_READY);

            rig.routing.apply(new Command.ChangePresence(
                    "bob", PresenceState.READY, null, io.firstcontact.router.api.model.Actor.agent("bob"), false));
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1002"), "the caller to reach bob");
        }
    }

    @Test
    void anUnreachablePhoneFailsTheOfferAndPausesItsAdvisorForTheDevice() {
        try (VoiceRig rig = new VoiceRig()) {
            // registered (Asterisk reports it free) but the call cannot get through: congestion
            rig.peer.phone("PJSIP/1001").congested();
            rig.routing.advisor("ann", "PJSIP/1001");
            rig.waiting("07700900003", "1");

            Fact.OfferStatusChanged failed =
                    rig.routing.awaitFact(Fact.OfferStatusChanged.class, f -> f.status() == OfferStatus.FAILED);
            assertThat(failed.cause()).isEqualTo(FailureCause.UNREACHABLE.name());
            rig.routing.awaitFact(
                    Fact.PresenceChanged.class,
                    p -> p.agentId().equals("ann") && NotReadyReasons.DEVICE.equals(p.reason()));
        }
    }

    @Test
    void anAdvisorWithoutAPhoneIsNotRungButPausedAndTheCallerWaitsOn() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.routing.advisor("ann", null);
            VoiceRig.Waiting w = rig.waiting("07700900004", "1");

            Fact.OfferStatusChanged failed =
                    rig.routing.awaitFact(Fact.OfferStatusChanged.class, f -> f.status() == OfferStatus.FAILED);
            assertThat(failed.cause()).isEqualTo(FailureCause.UNREACHABLE.name());
            assertThat(rig.peer.actions("Originate")).isEmpty();
            assertThat(w.caller().activity()).isEqualTo("HOLDING");
        }
    }
}
