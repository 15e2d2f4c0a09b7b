package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warm transfer: an advisor consults a colleague, then hands the caller over or keeps them. */
class ConsultScenarioTest {

    /** Ann on a call from c1; Bob ready and free. */
    private static Driver annOnACallBobFree() {
        Driver d = centre().queue(voice("billing"))
                .profile("all", member("billing"))
                .driver();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.login("ann", true);
        d.accept(Driver.offers(d.arrive("c1", "voice", "billing")).getFirst().offerId());
        d.login("bob", true);
        return d;
    }

    private static String consultBob(Driver d) {
        Decision started = d.apply(new Command.StartConsult("c1", "bob"));
        Effect.OfferToAgent offer = Driver.offers(started).getFirst();
        assertThat(offer.kind()).isEqualTo(OfferKind.CONSULT);
        assertThat(offer.agentId()).isEqualTo("bob");
        return offer.offerId();
    }

    @Test
    void advisorConsultsAColleagueAndHandsTheCallerOver() {
        Driver d = annOnACallBobFree();
        String offer = consultBob(d);

        Decision answered = d.accept(offer);
        assertThat(effects(answered, Effect.Connect.class)).hasSize(1);
        assertThat(facts(answered, Fact.ConsultStarted.class)).hasSize(1);

        Decision completed = d.apply(new Command.EndConsult("c1", "bob", ConsultOutcome.COMPLETED));
        assertThat(facts(completed, Fact.ConsultEnded.class))
                .containsExactly(new Fact.ConsultEnded("c1", "bob", ConsultOutcome.COMPLETED));
        assertThat(facts(completed, Fact.WrapUpStarted.class))
                .singleElement()
                .satisfies(w -> assertThat(w.agentId()).isEqualTo("ann"));
        assertThat(facts(d.end("c1"), Fact.WrapUpStarted.class))
                .singleElement()
                .satisfies(w -> assertThat(w.agentId()).isEqualTo("bob"));
    }

    @Test
    void cancelledConsultLeavesTheCallerWithTheirAdvisorAndTheColleagueFreeWithoutWrapUp() {
        Driver d = annOnACallBobFree();
        d.accept(consultBob(d));

        Decision cancelled = d.apply(new Command.EndConsult("c1", "bob", ConsultOutcome.CANCELLED));

        assertThat(facts(cancelled, Fact.WrapUpStarted.class)).isEmpty();
        assertThat(facts(cancelled, Fact.AssignmentEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.agentId()).isEqualTo("bob"));
        assertThat(Driver.offers(d.arrive("c2", "voice", "billing")))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("bob"));
        assertThat(facts(d.end("c1"), Fact.WrapUpStarted.class))
                .singleElement()
                .satisfies(w -> assertThat(w.agentId()).isEqualTo("ann"));
    }

    @Test
    void colleagueWhoDoesNotAnswerIsNotPausedAndTheCallGoesOn() {
        Driver d = annOnACallBobFree();
        consultBob(d);

        List<Decision> rangOut = d.advance(20_000);

        assertThat(facts(rangOut, Fact.OfferStatusChanged.class))
                .singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(OfferStatus.TIMED_OUT));
        assertThat(facts(rangOut, Fact.ConsultEnded.class))
                .containsExactly(new Fact.ConsultEnded("c1", "bob", ConsultOutcome.CANCELLED));
        assertThat(facts(rangOut, Fact.PresenceChanged.class)).isEmpty();
        assertThat(facts(d.end("c1"), Fact.WrapUpStarted.class)).hasSize(1);
    }

    @Test
    void aColleagueOnBreakCannotBeConsulted() {
        Driver d = annOnACallBobFree();
        d.notReady("bob", "BREAK");

        assertThat(effects(d.apply(new Command.StartConsult("c1", "bob")), Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.CONFLICT));
    }

    @Test
    void callerHangingUpDuringAConsultEndsTheColleaguesLegWithoutWrapUp() {
        Driver d = annOnACallBobFree();
        d.accept(consultBob(d));

        Decision gone = d.hangUp("c1");

        assertThat(facts(gone, Fact.ConsultEnded.class))
                .containsExactly(new Fact.ConsultEnded("c1", "bob", ConsultOutcome.CANCELLED));
        assertThat(facts(gone, Fact.WrapUpStarted.class))
                .singleElement()
                .satisfies(w -> assertThat(w.agentId()).isEqualTo("ann"));
    }
}
