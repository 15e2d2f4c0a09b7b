package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.MINUTE;
import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.chat;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.VisitOutcome;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Callers called back: their place kept, the advisor rung first, unanswered dials retried, promises kept. */
class CallbackScenarioTest {

    /** Billing: callbacks dialled twice, a minute apart. */
    private static Driver billing() {
        QueueConfig billing = voice("billing").toBuilder().callbacks(2, MINUTE).build();
        Driver d = centre().queue(billing)
                .queue(chat("chat"))
                .profile("all", member("billing"), member("chat"))
                .driver();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        return d;
    }

    private static Decision callBack(Driver d, String interaction) {
        return d.apply(new Command.RequestCallback(interaction, "07700900123"));
    }

    private static Decision dialled(Driver d, String interaction, DialOutcome outcome) {
        return d.apply(new Command.CallbackDialOutcome(interaction, outcome));
    }

    @Test
    void callerWhoAsksForACallbackKeepsTheirPlaceInLine() {
        Driver d = billing();
        d.arrive("c1", "voice", "billing");
        d.arrive("c2", "voice", "billing");
        long order = d.facts(Fact.VisitStarted.class).getFirst().order();

        Decision converted = callBack(d, "c1");

        assertThat(facts(converted, Fact.CallbackRequested.class))
                .containsExactly(new Fact.CallbackRequested("c1", "billing"));
        assertThat(facts(converted, Fact.VisitEnded.class))
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.CALLBACK_CONVERTED));
        assertThat(facts(converted, Fact.VisitStarted.class)).singleElement().satisfies(v -> {
            assertThat(v.inherited()).isTrue();
            assertThat(v.order()).isEqualTo(order);
        });
        assertThat(d.engine().position("c1")).isEqualTo(1);
        assertThat(d.engine().position("c2")).isEqualTo(2);
    }

    @Test
    void callbackRingsTheAdvisorFirstAndTheCustomerIsDialledOnTheirAnswer() {
        Driver d = billing();
        d.arrive("c1", "voice", "billing");
        callBack(d, "c1");

        Effect.OfferToAgent offer = Driver.offers(d.login("ann", true)).getFirst();
        assertThat(offer.kind()).isEqualTo(OfferKind.DIAL_CUSTOMER);
        assertThat(effects(d.accept(offer.offerId()), Effect.Connect.class)).hasSize(1);

        Decision answered = dialled(d, "c1", DialOutcome.ANSWERED);
        assertThat(facts(answered, Fact.CallbackDialled.class))
                .containsExactly(new Fact.CallbackDialled("c1", "ann", DialOutcome.ANSWERED, 1));
        assertThat(facts(d.end("c1"), Fact.WrapUpStarted.class)).hasSize(1);
    }

    @Test
    void unansweredCallbackFreesTheAdvisorAtOnceAndIsRetriedWithItsPlaceAfterTheDelay() {
        Driver d = billing();
        d.arrive("c1", "voice", "billing");
        callBack(d, "c1");
        d.arrive("c2", "voice", "billing");
        String offer = Driver.offers(d.login("ann", true)).getFirst().offerId();
        d.accept(offer);

        Decision noAnswer = dialled(d, "c1", DialOutcome.NO_ANSWER);

        assertThat(facts(noAnswer, Fact.WrapUpStarted.class)).isEmpty();
        assertThat(facts(noAnswer, Fact.AssignmentEnded.class)).hasSize(1);
        assertThat(facts(noAnswer, Fact.CallbackScheduled.class))
                .containsExactly(new Fact.CallbackScheduled("c1", "billing", d.now() + MINUTE, null, 2));
        assertThat(Driver.offers(noAnswer))
                .extracting(Effect.OfferToAgent::interactionId)
                .containsExactly("c2");
        d.accept(Driver.offers(noAnswer).getFirst().offerId());

        d.arrive("c3", "voice", "billing");
        List<Decision> retry = d.advance(MINUTE);
        assertThat(d.engine().position("c1")).isEqualTo(1);
        assertThat(d.engine().position("c3")).isEqualTo(2);
        assertThat(facts(retry, Fact.VisitStarted.class))
                .singleElement()
                .satisfies(v -> assertThat(v.inherited()).isTrue());
    }

    @Test
    void callbackEndsFailedOnceEveryAttemptWentUnanswered() {
        Driver d = billing();
        d.arrive("c1", "voice", "billing");
        callBack(d, "c1");
        d.accept(Driver.offers(d.login("ann", true)).getFirst().offerId());
        dialled(d, "c1", DialOutcome.BUSY);
        List<Decision> retry = d.advance(MINUTE);
        d.accept(Driver.offers(retry.getLast()).getFirst().offerId());

        Decision lastTry = dialled(d, "c1", DialOutcome.NO_ANSWER);

        assertThat(facts(lastTry, Fact.CallbackDialled.class))
                .extracting(Fact.CallbackDialled::attempt)
                .containsExactly(2);
        assertThat(facts(lastTry, Fact.InteractionEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(EndReason.CALLBACK_FAILED));
    }

    @Test
    void callerWhoseCallIsRingingAnAdvisorCannotAskForACallback() {
        Driver d = billing();
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");

        assertThat(effects(callBack(d, "c1"), Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.CONFLICT));
    }

    @Test
    void aChatIsNotCalledBack() {
        Driver d = billing();
        d.arrive("k1", "chat", "chat");

        assertThat(effects(callBack(d, "k1"), Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.INVALID));
    }

    @Test
    void advisorsPromisedCallbackWaitsForItsTimeThenRingsThatAdvisorOnly() {
        Driver d = billing();
        d.login("ann", true);
        d.login("bob", true);
        long at = d.now() + 10 * MINUTE;

        Decision promised = d.apply(
                new Command.ScheduleCallback("cb1", "cust-7", "07700900123", "billing", at, "ann", Actor.agent("ann")));

        assertThat(facts(promised, Fact.InteractionCreated.class)).hasSize(1);
        assertThat(facts(promised, Fact.CallbackScheduled.class))
                .containsExactly(new Fact.CallbackScheduled("cb1", "billing", at, "ann", 1));
        assertThat(Driver.offers(promised)).isEmpty();
        List<Decision> due = d.advance(10 * MINUTE);
        assertThat(Council.effects(due, Effect.OfferToAgent.class))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.agentId()).isEqualTo("ann");
                    assertThat(o.kind()).isEqualTo(OfferKind.DIAL_CUSTOMER);
                });
    }

    @Test
    void promisedCallbackGoesToTheQueueWhenItsAdvisorStaysBusy() {
        Driver d = billing();
        d.login("bob", true);
        d.login("ann", false);
        d.apply(new Command.ScheduleCallback(
                "cb1", "cust-7", "07700900123", "billing", d.now() + MINUTE, "ann", Actor.agent("ann")));

        List<Decision> later = d.advance(MINUTE + 60_000);

        assertThat(Council.effects(later, Effect.OfferToAgent.class))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("bob"));
    }

    @Test
    void promisingTheSameCallbackTwiceCreatesItOnce() {
        Driver d = billing();
        Command promise = new Command.ScheduleCallback(
                "cb1", "cust-7", "07700900123", "billing", d.now() + MINUTE, null, Actor.agent("ann"));
        d.apply(promise);

        assertThat(d.apply(promise).effects()).containsExactly(new Effect.AlreadyExists("cb1"));
    }
}
