package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.MINUTE;
import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.offered;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customers asking for (or transferred to) a named advisor. */
class TargetScenarioTest {

    /** ann is on a call; bob is idle. */
    private static Driver annBusyBobIdle() {
        Driver d = centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .driver();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "billing");
        d.login("ann", true);
        d.arrive("c0", "voice", "billing");
        d.accept(d.lastOfferFor("c0").offerId());
        d.login("bob", true);
        return d;
    }

    private static QueueRequest forAnn(Driver d, TargetMode mode) {
        return QueueRequest.to("billing").withTargets(List.of(new Target("ann", d.now() + 30 * MINUTE, mode)));
    }

    @Test
    void customerWaitingOnlyForTheirAdvisorIsReleasedToOthersWhenTheAdvisorGoesToLunch() {
        Driver d = annBusyBobIdle();
        assertThat(offered(d.arrive("c1", "voice", forAnn(d, TargetMode.ONLY)))).isEmpty();
        d.advance(2 * MINUTE);
        assertThat(d.offers()).extracting(o -> o.interactionId()).doesNotContain("c1");

        Decision lunch = d.notReady("ann", "LUNCH");
        assertThat(facts(lunch, Fact.TargetReleased.class)).singleElement().satisfies(t -> {
            assertThat(t.interactionId()).isEqualTo("c1");
            assertThat(t.agentId()).isEqualTo("ann");
            assertThat(t.reason()).isEqualTo("LUNCH");
        });
        assertThat(Driver.offers(lunch)).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.agentId()).isEqualTo("bob");
        });
    }

    @Test
    void shortBreakKeepsTheCustomerWaitingForTheirAdvisor() {
        Driver d = annBusyBobIdle();
        d.arrive("c1", "voice", forAnn(d, TargetMode.ONLY));
        Decision brk = d.notReady("ann", "BREAK");
        assertThat(facts(brk, Fact.TargetReleased.class)).isEmpty();
        assertThat(offered(brk)).isEmpty();
    }

    @Test
    void customerWaitingOnlyForTheirAdvisorRoutesNormallyWhenTheWindowLapses() {
        Driver d = annBusyBobIdle();
        d.arrive("c1", "voice", forAnn(d, TargetMode.ONLY));
        assertThat(offered(d.advance(30 * MINUTE - 1))).isEmpty();
        List<Decision> lapse = d.advance(1);
        assertThat(facts(lapse, Fact.TargetReleased.class))
                .singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo("EXPIRED"));
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("bob");
    }

    @Test
    void customerWaitingOnlyForTheirAdvisorGetsThemWhenFree() {
        Driver d = annBusyBobIdle();
        d.arrive("c1", "voice", forAnn(d, TargetMode.ONLY));
        d.arrive("c2", "voice", "billing"); // bob takes c2
        assertThat(d.lastOfferFor("c2").agentId()).isEqualTo("bob");
        d.end("c0");
        d.advance(30_000);
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("ann");
    }

    @Test
    void preferredAdvisorBusyMeansSomeoneElseTakesTheCall() {
        Driver d = annBusyBobIdle();
        Decision arrival = d.arrive("c1", "voice", forAnn(d, TargetMode.PREFER));
        assertThat(Driver.offers(arrival))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("bob"));
    }

    @Test
    void preferredAdvisorWhenFreeTakesTheCallAheadOfALongerIdleColleague() {
        Driver d = centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .driver();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "billing");
        d.login("bob", true);
        d.advance(10 * MINUTE);
        d.login("ann", true);
        d.arrive("c1", "voice", forAnn(d, TargetMode.PREFER));
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("ann");
    }

    @Test
    void transferToANamedAdvisorWaitsForThemThenRoutesNormally() {
        Driver d = centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .driver();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "billing");
        d.agent("cat", "council", "billing");
        d.login("ann", true);
        d.arrive("c0", "voice", "billing");
        d.accept(d.lastOfferFor("c0").offerId());
        d.login("bob", true);
        d.arrive("c1", "voice", "billing");
        d.accept(d.lastOfferFor("c1").offerId()); // bob is on c1
        d.login("cat", true);
        d.advance(MINUTE);

        Decision transfer = d.apply(new Command.TransferToAgent("c0", "bob", null, Actor.agent("ann")));
        assertThat(facts(transfer, Fact.VisitStarted.class))
                .singleElement()
                .satisfies(v -> assertThat(v.queue()).isEqualTo("billing"));
        assertThat(offered(transfer)).isEmpty(); // cat is idle, but c0 waits for bob only

        assertThat(offered(d.advance(MINUTE - 1))).isEmpty();
        List<Decision> lapse = d.advance(1); // the named-transfer window (60 s) is over
        assertThat(facts(lapse, Fact.TargetReleased.class)).hasSize(1);
        assertThat(Driver.offers(lapse.getFirst())).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c0");
            assertThat(o.agentId()).isEqualTo("cat");
        });
    }
}
