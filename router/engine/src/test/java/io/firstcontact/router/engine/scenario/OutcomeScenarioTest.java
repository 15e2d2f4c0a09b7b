package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.billingWithAnn;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outcomes the statistics count are recorded as facts and change no routing. */
class OutcomeScenarioTest {

    @Test
    void crossSellAndWrapUpCodesNameTheAdvisorAndTheInteraction() {
        Driver d = billingWithAnn();
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        String offer = d.lastOfferFor("c1").offerId();
        d.accept(offer);

        Decision crossSell = d.apply(
                new Command.RecordCrossSell(offer, "bin-alerts", CrossSellOutcome.ACCEPTED, Actor.agent("ann")));
        assertThat(crossSell.facts())
                .containsExactly(
                        new Fact.CrossSellRecorded(offer, "c1", "ann", "bin-alerts", CrossSellOutcome.ACCEPTED));

        d.hangUp("c1"); // the caller left: the advisor is in wrap-up and may still record
        Decision wrapUp = d.apply(new Command.RecordWrapUp(offer, List.of("resolved"), Actor.agent("ann")));
        assertThat(wrapUp.facts()).containsExactly(new Fact.WrapUpRecorded(offer, "c1", "ann", List.of("resolved")));
    }

    @Test
    void anOutcomeForWorkThatIsOverIsRefusedAndChangesNothing() {
        Driver d = billingWithAnn();
        String before = Council.stateApartFromClock(d.engine());
        Decision late = d.apply(new Command.RecordWrapUp("o1-9-0", List.of("resolved"), Actor.agent("ann")));
        assertThat(late.facts()).isEmpty();
        assertThat(late.effects())
                .singleElement()
                .satisfies(e -> assertThat(((Effect.Refused) e).reason()).isEqualTo(Refusal.NOT_FOUND));
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
    }

    @Test
    void selfServiceIsCountedOnTheInteractionsChannel() {
        Driver d = billingWithAnn();
        d.arrive("c1", "voice", "billing");
        Decision paid = d.apply(new Command.RecordSelfService("c1", "pay-pcn", SelfServiceOutcome.COMPLETED));
        assertThat(paid.facts())
                .containsExactly(new Fact.SelfServiceRecorded("c1", "voice", "pay-pcn", SelfServiceOutcome.COMPLETED));
    }

    @Test
    void onlineActivityNeedsNoInteraction() {
        Driver d = billingWithAnn();
        Decision reported = d.apply(new Command.ReportOnlineActivity("cust-42", "registered"));
        assertThat(reported.facts()).containsExactly(new Fact.OnlineActivityReported("cust-42", "registered"));
    }
}
