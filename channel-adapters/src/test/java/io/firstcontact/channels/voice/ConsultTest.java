package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.OfferKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Consult (warm) transfers: ann, talking to a caller, consults bob; the caller hears the hold music while they talk,
 * then bob takes the call over or the caller comes back to ann.
 */
class ConsultTest {

    /** Ann talks to a caller and consults bob, who answers: the consult is live. */
    private static VoiceRig.Waiting consulting(VoiceRig rig) {
        rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
        rig.peer.phone("PJSIP/1002").answersAfter(Duration.ofMillis(30));
        rig.routing.advisor("ann", "PJSIP/1001");
        VoiceRig.Waiting w = rig.waiting("07700900071", "1");
        Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the talk with ann");
        rig.routing.advisor("bob", "PJSIP/1002");

        rig.routing
                .submit("desktop", null, new Command.StartConsult(w.id(), "bob"))
                .join();

        rig.routing.awaitFact(Fact.ConsultStarted.class, f -> f.agentId().equals("bob"));
        Await.until(() -> w.caller().activity().equals("ON_HOLD"), "the caller on hold music");
        Await.until(
                () -> rig.peer.channelsOf("PJSIP/1001").stream()
                        .anyMatch(ann -> rig.peer.bridgedWith(ann).stream().anyMatch(n -> n.startsWith("PJSIP/1002-"))),
                "ann and bob talking");
        return w;
    }

    @Test
    void theColleaguesPhoneRingsForAConsultOfferAndTheAdvisorsTalkWhileTheCallerHoldsOn() {
        try (VoiceRig rig = new VoiceRig()) {
            consulting(rig);

            assertThat(rig.routing.effects(Effect.OfferToAgent.class))
                    .filteredOn(o -> o.agentId().equals("bob"))
                    .singleElement()
                    .satisfies(o -> assertThat(o.kind()).isEqualTo(OfferKind.CONSULT));
            assertThat(rig.peer.actions("Originate"))
                    .filteredOn(a -> "PJSIP/1002".equals(a.get("Channel")))
                    .singleElement()
                    .satisfies(a -> assertThat(a.get("Exten")).isEqualTo("consult"));
        }
    }

    @Test
    void aCompletedConsultHandsTheCallerToTheColleagueAndTheFirstAdvisorWrapsUp() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = consulting(rig);

            rig.routing
                    .submit("desktop", null, new Command.EndConsult(w.id(), "bob", ConsultOutcome.COMPLETED))
                    .join();

            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1002"), "the caller with bob");
            rig.routing.awaitFact(Fact.WrapUpStarted.class, f -> f.agentId().equals("ann"));
            Await.until(() -> rig.peer.channelsOf("PJSIP/1001").isEmpty(), "ann's leg released");

            w.caller().hangUp();
            rig.routing.awaitFact(
                    Fact.InteractionEnded.class, e -> e.interactionId().equals(w.id()));
            rig.routing.awaitFact(Fact.WrapUpStarted.class, f -> f.agentId().equals("bob"));
            Await.until(() -> rig.peer.liveChannels() == 0, "every leg gone");
        }
    }

    @Test
    void theFirstAdvisorHangingUpDuringTheConsultHandsTheCallOver() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = consulting(rig);

            rig.peer.phone("PJSIP/1001").hangsUp();

            Fact.ConsultEnded ended = rig.routing.awaitFact(Fact.ConsultEnded.class, f -> true);
            assertThat(ended.outcome()).isEqualTo(ConsultOutcome.COMPLETED);
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1002"), "the caller with bob");
            assertThat(rig.routing.facts(Fact.InteractionEnded.class)).isEmpty();
        }
    }

    @Test
    void theColleagueHangingUpGivesTheCallerBackToTheFirstAdvisor() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = consulting(rig);

            rig.peer.phone("PJSIP/1002").hangsUp();

            Fact.ConsultEnded ended = rig.routing.awaitFact(Fact.ConsultEnded.class, f -> true);
            assertThat(ended.outcome()).isEqualTo(ConsultOutcome.CANCELLED);
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the caller back with ann");
            assertThat(rig.routing.facts(Fact.WrapUpStarted.class)).isEmpty();
        }
    }

    @Test
    void aConsultCancelledFromTheDesktopGivesTheCallerBackAndReleasesTheColleague() {
        try (VoiceRig rig = new VoiceRig()) {
            VoiceRig.Waiting w = consulting(rig);

            rig.routing
                    .submit("desktop", null, new Command.EndConsult(w.id(), "bob", ConsultOutcome.CANCELLED))
                    .join();

            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the caller back with ann");
            Await.until(() -> rig.peer.channelsOf("PJSIP/1002").isEmpty(), "bob's leg released");
        }
    }

    @Test
    void aColleagueWhoDoesNotAnswerChangesNothingForTheCaller() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.peer.phone("PJSIP/1002").busy();
            rig.routing.advisor("ann", "PJSIP/1001");
            VoiceRig.Waiting w = rig.waiting("07700900072", "1");
            Await.until(() -> rig.bridgedTo(w.caller(), "PJSIP/1001"), "the talk with ann");
            rig.routing.advisor("bob", "PJSIP/1002");

            rig.routing
                    .submit("desktop", null, new Command.StartConsult(w.id(), "bob"))
                    .join();

            Fact.ConsultEnded ended = rig.routing.awaitFact(Fact.ConsultEnded.class, f -> true);
            assertThat(ended.outcome()).isEqualTo(ConsultOutcome.CANCELLED);
            assertThat(rig.bridgedTo(w.caller(), "PJSIP/1001")).isTrue();
            assertThat(rig.peer.actions("Redirect")).isEmpty();
        }
    }
}
