package io.firstcontact.channels.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.VisitOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A waiting caller asks to be called back, keeping their place, and hangs up; when an advisor is free their phone
 * rings first, and on their answer the customer is dialled. Routing retries an unanswered callback by the queue's rule
 * (here: dialled twice, two seconds apart).
 */
class CallbackTest {
    static final String CUSTOMER = "07700900091";

    /** A caller who asked for a callback on their own number and has hung up, with nobody free yet. */
    private static String promised(VoiceRig rig) {
        VoiceRig.Waiting w = rig.waiting(CUSTOMER, "1");
        w.caller().willKey("1").press("1");
        rig.routing.awaitFact(
                Fact.CallbackRequested.class, f -> f.interactionId().equals(w.id()));
        Await.until(() -> !w.caller().alive(), "the caller to be told goodbye and hung up");
        return w.id();
    }

    @Test
    void anAnsweredCallbackRingsTheAdvisorFirstThenDialsTheCustomerAndBridgesThem() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.peer.line(CUSTOMER).answersAfter(Duration.ofMillis(40));
            String id = promised(rig);
            assertThat(rig.routing.facts(Fact.VisitEnded.class))
                    .singleElement()
                    .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.CALLBACK_CONVERTED));
            assertThat(rig.routing.facts(Fact.InteractionEnded.class))
                    .as("not an abandon")
                    .isEmpty();

            rig.routing.advisor("ann", "PJSIP/1001");

            Await.until(() -> trunkBridgedTo(rig, "PJSIP/1001"), "the customer's line bridged to ann");
            assertThat(rig.routing.effects(Effect.OfferToAgent.class))
                    .singleElement()
                    .satisfies(o -> assertThat(o.kind()).isEqualTo(OfferKind.DIAL_CUSTOMER));
            assertThat(rig.peer.actions("Originate"))
                    .extracting(a -> a.get("Channel"))
                    .containsExactly("PJSIP/1001", "PJSIP/" + CUSTOMER + "@trunk");
            Fact.CallbackDialled dialled = rig.routing.awaitFact(Fact.CallbackDialled.class, f -> true);
            assertThat(dialled.outcome()).isEqualTo(DialOutcome.ANSWERED);
            assertThat(dialled.interactionId()).isEqualTo(id);

            rig.peer.line(CUSTOMER).hangsUp();
            assertThat(rig.routing
                            .awaitFact(Fact.InteractionEnded.class, e -> true)
                            .reason())
                    .isEqualTo(EndReason.CUSTOMER_LEFT);
            Await.until(() -> rig.peer.liveChannels() == 0, "every leg released");
        }
    }

    @Test
    void anUnansweredCallbackFreesTheAdvisorAndIsDialledAgainAfterTheRetryDelay() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.peer.line(CUSTOMER).busy();
            promised(rig);
            rig.routing.advisor("ann", "PJSIP/1001");

            Fact.CallbackDialled first = rig.routing.awaitFact(Fact.CallbackDialled.class, f -> true);
            assertThat(first.outcome()).isEqualTo(DialOutcome.BUSY);
            assertThat(first.attempt()).isEqualTo(1);
            rig.routing.awaitFact(Fact.CallbackScheduled.class, f -> f.attempt() == 2);
            Await.until(() -> rig.peer.liveChannels() == 0, "ann's leg released at once");
            rig.peer.line(CUSTOMER).answersAfter(Duration.ofMillis(40));

            Await.until(() -> trunkBridgedTo(rig, "PJSIP/1001"), "the second dial answered and bridged to ann");
            Fact.CallbackDialled second = rig.routing.awaitFact(Fact.CallbackDialled.class, f -> f.attempt() == 2);
            assertThat(second.outcome()).isEqualTo(DialOutcome.ANSWERED);
        }
    }

    @Test
    void aCallbackNeverAnsweredEndsFailedOnceItsAttemptsAreSpent() {
        try (VoiceRig rig = new VoiceRig()) {
            rig.peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
            rig.peer.line(CUSTOMER).busy();
            String id = promised(rig);
            rig.routing.advisor("ann", "PJSIP/1001");

            Fact.InteractionEnded ended = rig.routing.awaitFact(
                    Fact.InteractionEnded.class, e -> e.interactionId().equals(id));

            assertThat(ended.reason()).isEqualTo(EndReason.CALLBACK_FAILED);
            assertThat(rig.routing.facts(Fact.CallbackDialled.class))
                    .extracting(Fact.CallbackDialled::outcome)
                    .containsExactly(DialOutcome.BUSY, DialOutcome.BUSY);
            Await.until(() -> rig.peer.liveChannels() == 0, "no leg left");
        }
    }

    private static boolean trunkBridgedTo(VoiceRig rig, String device) {
        return rig.peer.channelsOf("PJSIP/trunk").stream()
                .filter(t -> rig.peer.variable(t, "FC_LEG").orElse("").equals("caller"))
                .anyMatch(t -> rig.peer.bridgedWith(t).stream().anyMatch(n -> n.startsWith(device + "-")));
    }
}
