package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import org.junit.jupiter.api.Test;

/** A call on hold keeps its advisor: parked and resumed, hung up on hold, and only a call is held. */
class HoldScenarioTest {

    private static Driver annOnACall() {
        Driver d = Council.billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.accept(Driver.offers(d.arrive("c1", "voice", "billing")).getFirst().offerId());
        return d;
    }

    @Test
    void heldCallKeepsItsAdvisorBusyUntilItIsResumedAndEnded() {
        Driver d = annOnACall();

        Decision parked = d.apply(new Command.Park("c1"));
        assertThat(facts(parked, Fact.InteractionParked.class)).containsExactly(new Fact.InteractionParked("c1"));
        assertThat(Driver.offers(d.arrive("c2", "voice", "billing"))).isEmpty();

        Decision resumed = d.apply(new Command.Resume("c1"));
        assertThat(facts(resumed, Fact.InteractionResumed.class)).containsExactly(new Fact.InteractionResumed("c1"));
        assertThat(facts(d.end("c1"), Fact.WrapUpStarted.class)).hasSize(1);
    }

    @Test
    void callerHangingUpOnHoldSendsTheAdvisorToWrapUp() {
        Driver d = annOnACall();
        d.apply(new Command.Park("c1"));

        Decision gone = d.hangUp("c1");

        assertThat(facts(gone, Fact.WrapUpStarted.class)).hasSize(1);
        assertThat(facts(gone, Fact.InteractionEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.lastPhase()).isEqualTo(Phase.PARKED));
    }

    @Test
    void aChatIsNotHeldAndAWaitingCallIsNotParked() {
        Driver d = annOnACall();
        d.arrive("k1", "chat", "chat");
        d.arrive("c2", "voice", "billing");

        assertThat(effects(d.apply(new Command.Park("k1")), Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.CONFLICT));
        assertThat(effects(d.apply(new Command.Park("c2")), Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.CONFLICT));
        assertThat(effects(d.apply(new Command.Resume("c1")), Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.CONFLICT));
    }

    @Test
    void snapshotOfAHeldCallSaysWhenItWasParkedAndARestoredEngineKeepsIt() {
        Driver d = annOnACall();
        d.advance(Council.MINUTE);
        long parkedAt = d.now();
        d.apply(new Command.Park("c1"));
        d.advance(3 * Council.MINUTE);

        EngineSnapshot snapshot = d.engine().snapshot();
        assertThat(parkedSince(snapshot)).isEqualTo(parkedAt);
        assertThat(RoutingEngine.restore(snapshot).snapshot()).isEqualTo(snapshot);
    }

    @Test
    void aResumedCallIsNoLongerParkedSinceAnyTime() {
        Driver d = annOnACall();
        d.apply(new Command.Park("c1"));
        d.advance(Council.MINUTE);

        d.apply(new Command.Resume("c1"));

        assertThat(parkedSince(d.engine().snapshot())).isNull();
    }

    private static Long parkedSince(EngineSnapshot snapshot) {
        return snapshot.interactions().stream()
                .filter(i -> i.id().equals("c1"))
                .findFirst()
                .orElseThrow()
                .parkedSince();
    }
}
