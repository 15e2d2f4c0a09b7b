package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.HOUR;
import static io.firstcontact.router.engine.scenario.Council.MINUTE;
import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.offered;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.VisitOutcome;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a queue does when nobody can take its callers: relax, widen, move, limit, close. */
class OverflowScenarioTest {

    /** billing (with the given rules) and general; ann takes billing, gus takes general. */
    private static Driver billingOverflowingTo(OverflowRule... rules) {
        return billingOverflowing(voice("billing").withOverflow(List.of(rules)));
    }

    private static Driver billingOverflowing(QueueConfig billing) {
        Driver d = centre().queue(billing)
                .queue(voice("general"))
                .profile("billing", member("billing"))
                .profile("general", member("general"))
                .driver();
        d.agent("ann", "council", "billing");
        d.agent("gus", "council", "general");
        return d;
    }

    private static void busy(Driver d, String agent, String call, String queue) {
        d.login(agent, true);
        d.arrive(call, "voice", queue);
        d.accept(d.lastOfferFor(call).offerId());
    }

    @Test
    void queueWhoseLastAdvisorLogsOutWidensAtOnce() {
        Driver d = billingOverflowingTo(OverflowRule.widen(OverflowTrigger.UNSTAFFED, 0, "general"));
        d.login("ann", false); // logged in, not ready: billing is staffed
        d.login("gus", false);
        assertThat(facts(d.arrive("c1", "voice", "billing"), Fact.OverflowApplied.class))
                .isEmpty();
        d.ready("gus");
        assertThat(d.lastOfferFor("c1")).isNull();

        Decision logout = d.logout("ann");
        assertThat(facts(logout, Fact.OverflowApplied.class)).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.trigger()).isEqualTo(OverflowTrigger.UNSTAFFED);
            assertThat(o.action()).isEqualTo(OverflowAction.WIDEN);
        });
        assertThat(Driver.offers(logout)).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.agentId()).isEqualTo("gus");
            assertThat(o.queue()).isEqualTo("billing");
        });
    }

    @Test
    void queueWhoseLastAdvisorLogsOutMovesItsCallersAtOnceKeepingTheirPlace() {
        Driver d = billingOverflowingTo(OverflowRule.move(OverflowTrigger.UNSTAFFED, 0, "general"));
        d.login("ann", false);
        d.login("gus", true);
        Decision arrival = d.arrive("c1", "voice", "billing");
        Fact.VisitStarted first = facts(arrival, Fact.VisitStarted.class).getFirst();

        Decision logout = d.logout("ann");
        assertThat(facts(logout, Fact.VisitEnded.class))
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.OVERFLOWED_OUT));
        assertThat(facts(logout, Fact.VisitStarted.class)).singleElement().satisfies(v -> {
            assertThat(v.queue()).isEqualTo("general");
            assertThat(v.inherited()).isTrue();
            assertThat(v.order()).isEqualTo(first.order());
            assertThat(v.dueAt()).isEqualTo(first.dueAt());
        });
        assertThat(offered(logout)).containsExactly("c1");
        assertThat(d.lastOfferFor("c1").queue()).isEqualTo("general");
    }

    @Test
    void callArrivingAtAQueueNobodyStaffsOverflowsAtOnce() {
        Driver d = billingOverflowingTo(OverflowRule.widen(OverflowTrigger.UNSTAFFED, 0, "general"));
        d.login("gus", true);
        Decision arrival = d.arrive("c1", "voice", "billing");
        assertThat(facts(arrival, Fact.OverflowApplied.class))
                .singleElement()
                .satisfies(o -> assertThat(o.trigger()).isEqualTo(OverflowTrigger.UNSTAFFED));
        assertThat(Driver.offers(arrival))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("gus"));
    }

    @Test
    void callWidensToAnotherTeamAfterWaitingTheThreshold() {
        Driver d = billingOverflowingTo(OverflowRule.widen(OverflowTrigger.AFTER, MINUTE, "general"));
        busy(d, "ann", "c0", "billing");
        d.login("gus", true);
        assertThat(offered(d.arrive("c1", "voice", "billing"))).isEmpty();
        assertThat(offered(d.advance(MINUTE - 1))).isEmpty();

        List<Decision> widened = d.advance(1);
        assertThat(facts(widened, Fact.OverflowApplied.class)).singleElement().satisfies(o -> {
            assertThat(o.trigger()).isEqualTo(OverflowTrigger.AFTER);
            assertThat(o.action()).isEqualTo(OverflowAction.WIDEN);
        });
        assertThat(Driver.offers(widened.getFirst())).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.agentId()).isEqualTo("gus");
        });
    }

    @Test
    void widenedTeamRanksAfterTheQueuesOwnAdvisors() {
        Driver d = billingOverflowingTo(OverflowRule.widen(OverflowTrigger.EXPECTED_WAIT, 2 * MINUTE, "general"));
        d.login("gus", true); // idle far longer than ann
        d.advance(10 * MINUTE);
        d.login("ann", true);
        QueueRequest longWait = QueueRequest.to("billing").withExpectedWaitHint(5 * MINUTE);

        Decision c1 = d.arrive("c1", "voice", longWait);
        assertThat(facts(c1, Fact.OverflowApplied.class)).hasSize(1);
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("ann");
        d.arrive("c2", "voice", longWait);
        assertThat(d.lastOfferFor("c2").agentId()).isEqualTo("gus");
        // Without the widening gus is not in billing's pool.
        d.arrive("c3", "voice", "billing");
        assertThat(d.lastOfferFor("c3")).isNull();
    }

    @Test
    void moveAfterTheThresholdKeepsTheCallersPlaceInTheNewQueue() {
        Driver d = billingOverflowingTo(OverflowRule.move(OverflowTrigger.AFTER, MINUTE, "general"));
        busy(d, "ann", "c0", "billing");
        d.login("gus", false);
        Fact.VisitStarted first = facts(d.arrive("c1", "voice", "billing"), Fact.VisitStarted.class)
                .getFirst();
        d.advance(10_000);
        d.arrive("g1", "voice", "general");

        List<Decision> moved = d.advance(50_000);
        assertThat(facts(moved, Fact.VisitEnded.class))
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.OVERFLOWED_OUT));
        assertThat(facts(moved, Fact.VisitStarted.class)).singleElement().satisfies(v -> {
            assertThat(v.queue()).isEqualTo("general");
            assertThat(v.inherited()).isTrue();
            assertThat(v.dueAt()).isEqualTo(first.dueAt());
            assertThat(v.order()).isEqualTo(first.order());
        });
        assertThat(d.engine().position("c1")).isEqualTo(1);
        assertThat(d.engine().position("g1")).isEqualTo(2);
        assertThat(offered(d.ready("gus"))).containsExactly("c1");
    }

    @Test
    void softRequirementRelaxesAfterItsStep() {
        Driver d = centre().queue(voice("billing", Requirement.soft("billing", 7))
                        .withRelaxation(List.of(new RelaxationStep(MINUTE, "billing", 3))))
                .profile("billing", member("billing"))
                .driver();
        d.agent("ann", "council", "billing", new SkillLevel("billing", 4));
        d.login("ann", true);
        assertThat(offered(d.arrive("c1", "voice", "billing"))).isEmpty();
        assertThat(d.advance(MINUTE - 1)).isEmpty();

        List<Decision> relaxed = d.advance(1);
        assertThat(facts(relaxed, Fact.RequirementsRelaxed.class))
                .singleElement()
                .satisfies(r -> assertThat(r.requirements()).containsExactly(Requirement.soft("billing", 3)));
        assertThat(offered(relaxed)).containsExactly("c1");
    }

    @Test
    void hardRequirementNeverRelaxes() {
        Driver d = centre().queue(voice("cymraeg", Requirement.hard("welsh", 5), Requirement.soft("billing", 7))
                        .withRelaxation(List.of(
                                new RelaxationStep(MINUTE, "billing", 3), new RelaxationStep(2 * MINUTE, "welsh", 1))))
                .profile("cymraeg", member("cymraeg"))
                .driver();
        d.agent("ann", "council", "cymraeg", new SkillLevel("welsh", 2), new SkillLevel("billing", 9));
        d.agent("bryn", "council", "cymraeg", new SkillLevel("welsh", 6), new SkillLevel("billing", 4));
        d.login("ann", true);
        d.arrive("c1", "voice", "cymraeg");
        assertThat(offered(d.advance(HOUR))).isEmpty();

        assertThat(Driver.offers(d.login("bryn", true)))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("bryn"));
    }

    @Test
    void maximumWaitAsksForTheCallbackOfferExactlyOnce() {
        Driver d = billingOverflowing(voice("billing").withLimits(2 * MINUTE, "OFFER_CALLBACK", 0, null));
        d.login("ann", false);
        d.arrive("c1", "voice", "billing");
        List<Decision> morning = d.advance(HOUR);
        assertThat(effects(morning, Effect.MaxWaitAction.class)).singleElement().satisfies(m -> {
            assertThat(m.interactionId()).isEqualTo("c1");
            assertThat(m.action()).isEqualTo("OFFER_CALLBACK");
        });
        assertThat(facts(morning, Fact.MaxWaitReached.class)).hasSize(1);
        assertThat(d.engine().position("c1")).isEqualTo(1); // still waiting until the adapter acts
    }

    @Test
    void fullQueueTurnsTheCallerAwayWithoutAVisit() {
        Driver d = billingOverflowing(voice("billing").withLimits(0, null, 2, "BUSY_MESSAGE"));
        d.login("ann", false);
        d.arrive("c1", "voice", "billing");
        d.arrive("c2", "voice", "billing");
        Decision third = d.arrive("c3", "voice", "billing");
        assertThat(effects(third, Effect.QueueFullAction.class))
                .singleElement()
                .satisfies(f -> assertThat(f.action()).isEqualTo("BUSY_MESSAGE"));
        assertThat(facts(third, Fact.VisitStarted.class)).isEmpty();
        assertThat(d.engine().position("c3")).isZero();
        assertThat(offered(d.ready("ann"))).containsExactly("c1");
    }

    @Test
    void callToAClosedQueueHearsTheClosedMessage() {
        Driver d = billingOverflowing(voice("billing").withOpenAtStart(false));
        d.login("ann", true);
        Decision arrival = d.arrive("c1", "voice", "billing");
        assertThat(effects(arrival, Effect.ClosedTreatment.class))
                .singleElement()
                .satisfies(c -> assertThat(c.queue()).isEqualTo("billing"));
        assertThat(facts(arrival, Fact.VisitStarted.class)).isEmpty();

        assertThat(facts(d.apply(new Command.OpenQueue("billing")), Fact.QueueOpened.class))
                .hasSize(1);
        assertThat(offered(d.arrive("c2", "voice", "billing"))).containsExactly("c2");
    }

    @Test
    void closingAQueueSendsItsWaitingCallersTheClosedMessage() {
        Driver d = billingOverflowingTo();
        d.login("ann", false);
        d.arrive("c1", "voice", "billing");
        d.arrive("c2", "voice", "billing");
        Decision close = d.apply(new Command.CloseQueue("billing"));
        assertThat(facts(close, Fact.VisitEnded.class))
                .extracting(Fact.VisitEnded::outcome)
                .containsExactly(VisitOutcome.CLOSED, VisitOutcome.CLOSED);
        assertThat(effects(close, Effect.ClosedTreatment.class))
                .extracting(Effect.ClosedTreatment::interactionId)
                .containsExactly("c1", "c2");
        assertThat(offered(d.ready("ann"))).isEmpty();
    }

    @Test
    void closingAQueueWithAClosedRuleMovesItsCallersKeepingTheirPlace() {
        Driver d = billingOverflowingTo(OverflowRule.move(OverflowTrigger.CLOSED, 0, "general"));
        d.login("ann", false);
        d.login("gus", false);
        d.arrive("c1", "voice", "billing");
        d.advance(5_000);
        d.arrive("g1", "voice", "general");
        d.advance(5_000);
        Decision close = d.apply(new Command.CloseQueue("billing"));
        assertThat(facts(close, Fact.VisitStarted.class)).singleElement().satisfies(v -> {
            assertThat(v.queue()).isEqualTo("general");
            assertThat(v.inherited()).isTrue();
        });
        assertThat(effects(close, Effect.ClosedTreatment.class)).isEmpty();
        assertThat(offered(d.ready("gus"))).containsExactly("c1");
    }

    @Test
    void callToAnUnstaffedQueueWithAnOutOfHoursProviderIsTransferredOut() {
        Driver d = billingOverflowingTo(OverflowRule.external(OverflowTrigger.UNSTAFFED, 0, "out-of-hours"));
        d.login("ann", false);
        d.arrive("c1", "voice", "billing");
        Decision logout = d.logout("ann");
        assertThat(effects(logout, Effect.TransferOut.class)).singleElement().satisfies(t -> {
            assertThat(t.interactionId()).isEqualTo("c1");
            assertThat(t.destination()).isEqualTo("out-of-hours");
        });
        assertThat(facts(logout, Fact.VisitEnded.class))
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.OVERFLOWED_OUT));
        assertThat(facts(logout, Fact.InteractionEnded.class)).hasSize(1);

        Decision later = d.arrive("c2", "voice", "billing");
        assertThat(effects(later, Effect.TransferOut.class)).hasSize(1);
        assertThat(d.engine().position("c2")).isZero();
    }
}
