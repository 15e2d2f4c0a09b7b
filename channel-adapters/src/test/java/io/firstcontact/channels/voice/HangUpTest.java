package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.VisitOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hang-ups, wherever they happen: in the menu, while waiting, while an advisor is rung, during the talk. */
class HangUpTest {

    @Test
    void callerWhoHangsUpWhileWaitingAbandonsTheQueue() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = rig.waiting("07700900011", "2");

            w.caller().hangUp();

            Fact.VisitEnded ended = rig.routing.awaitFact(
                    Fact.VisitEnded.class, v -> v.interactionId().equals(w.id()));
            assertThat(ended.outcome()).isEqualTo(VisitOutcome.ABANDONED);
            assertThat(ended.queue()).isEqualTo(InProcessRouting.PARKING);
            assertThat(rig.routing
                            .awaitFact(
                                    Fact.InteractionEnded.class,
                                    e -> e.interactionId().equals(w.id()))
                            .reason())
                    .isEqualTo(EndReason.CUSTOMER_LEFT);
        }
    }

    @Test
    void aShortAbandonIsOneWithinSecondsOfItsVisitStart() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = rig.waiting("07700900012", "1");
            w.caller().hangUp();

            Fact.VisitEnded ended = rig.routing.awaitFact(
                    Fact.VisitEnded.class, v -> v.interactionId().equals(w.id()));
            Fact.InteractionEnded end = rig.routing.awaitFact(
                    Fact.InteractionEnded.class, e -> e.interactionId().equals(w.id()));
            assertThat(ended.outcome()).isEqualTo(VisitOutcome.ABANDONED);
            // the statistics count an abandon within 5 s of the visit start apart (docs/routing-contract.md §6)
            long at = rig.routing.entries.stream()
                    .filter(e -> e.decision().facts().contains(end))
                    .findFirst()
                    .orElseThrow()
                    .input()
                    .at();
            assertThat(at - ended.enteredAt()).isLessThan(5_000);
        }
    }

    @Test
    void callerWhoHangsUpInTheMenuEndsTheirCallBeforeItIsQueued() {
        try (VoiceRig rig = new VoiceRig()) {
            AsteriskPeer.Caller caller = rig.peer.call("07700900013");
            String id = rig.interactionOf(caller);
            caller.hangUp();

            assertThat(rig.routing
                            .awaitFact(
                                    Fact.InteractionEnded.class,
                                    e -> e.interactionId().equals(id))
                            .reason())
                    .isEqualTo(EndReason.CUSTOMER_LEFT);
        }
    }

    @Test
    void callerWhoHangsUpWhileTheAdvisorIsRungAbandonsWhileAlertingAndThePhoneStops() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").noAnswer();
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting w = rig.waiting("07700900014", "1");
            rig.routing.awaitFact(Fact.OfferStatusChanged.class, f -> f.status() == OfferStatus.ALERTING);

            w.caller().hangUp();

            Fact.VisitEnded ended = rig.routing.awaitFact(
                    Fact.VisitEnded.class, v -> v.interactionId().equals(w.id()));
            assertThat(ended.outcome()).isEqualTo(VisitOutcome.ABANDONED_WHILE_ALERTING);
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's phone to stop ringing");
        }
    }

    @Test
    void callerWhoHangsUpDuringTheTalkEndsTheCallAndTheAdvisorGoesToWrapUp() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting w = rig.waiting("07700900015", "1");
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the talk");

            w.caller().hangUp();

            assertThat(rig.routing
                            .awaitFact(
                                    Fact.InteractionEnded.class,
                                    e -> e.interactionId().equals(w.id()))
                            .reason())
                    .isEqualTo(EndReason.CUSTOMER_LEFT);
            assertThat(rig.routing.awaitFact(
                            Fact.WrapUpStarted.class, f -> f.agentId().equals("ann")))
                    .isNotNull();
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's leg to end with the call");
        }
    }

    @Test
    void advisorWhoHangsUpEndsTheCallAndTheCallerIsHungUpToo() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting w = rig.waiting("07700900016", "1");
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the talk");

            rig.peer.phone("PJSIP/1001").hangsUp();

            assertThat(rig.routing
                            .awaitFact(
                                    Fact.InteractionEnded.class,
                                    e -> e.interactionId().equals(w.id()))
                            .reason())
                    .isEqualTo(EndReason.COMPLETED);
            Await.until(() -> !w.caller().alive(), "the caller's channel to end");
        }
    }

    @Test
    void anAdvisorFreedByHangingUpIsRungForTheNextCallerAndTheTimeBetweenIsMeasured() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting first = rig.waiting("07700900017", "2"); // parking: no wrap-up
            Await.until(() -> rig.bridgedTo(first.caller(), "PJSIP/1001"), "the first talk");
            VoiceRig.Waiting second = rig.waiting("07700900018", "2");
            assertThat(rig.freeToRing).as("ann was not freed yet").isEmpty();

            rig.peer.phone("PJSIP/1001").hangsUp();

            Await.until(() -> rig.bridgedTo(second.caller(), "PJSIP/1001"), "the next caller connected to ann");
            assertThat(rig.freeToRing)
                    .as("from her freeing reaching the adapter to her phone rung")
                    .singleElement()
                    .satisfies(nanos -> assertThat(nanos)
                            .isPositive()
                            .isLessThan(Duration.ofSeconds(5).toNanos()));
        }
    }
}
