package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.billingWithAnn;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import org.junit.jupiter.api.Test;

/** A caller who arrived unknown is identified once; the reference an interaction has stands. */
class IdentifyCustomerScenarioTest {

    private static String customerOf(RoutingEngine engine, String interactionId) {
        return engine.snapshot().interactions().stream()
                .filter(i -> i.id().equals(interactionId))
                .map(EngineSnapshot.InteractionSnap::customerRef)
                .findFirst()
                .orElseThrow();
    }

    private static void assertRefused(Decision d, Refusal reason) {
        assertThat(d.facts()).isEmpty();
        assertThat(d.effects())
                .singleElement()
                .satisfies(e -> assertThat(((Effect.Refused) e).reason()).isEqualTo(reason));
    }

    @Test
    void aCallerWhoArrivedUnknownTakesTheReferenceTheDirectoryFound() {
        Driver d = billingWithAnn();
        d.arrive("c1", "voice", "billing");

        Decision identified = d.apply(new Command.IdentifyCustomer("c1", "cust-7"));

        assertThat(identified.facts()).containsExactly(new Fact.CustomerIdentified("c1", "cust-7"));
        assertThat(identified.effects()).isEmpty();
        assertThat(customerOf(d.engine(), "c1")).isEqualTo("cust-7");
    }

    @Test
    void theSameReferenceAgainChangesNothing() {
        Driver d = billingWithAnn();
        d.arrive("c1", "voice", "billing");
        d.apply(new Command.IdentifyCustomer("c1", "cust-7"));
        String before = Council.stateApartFromClock(d.engine());

        Decision again = d.apply(new Command.IdentifyCustomer("c1", "cust-7"));

        assertThat(again.facts()).isEmpty();
        assertThat(again.effects()).isEmpty();
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
    }

    @Test
    void theReferenceTheEdgeGaveStandsAgainstAnother() {
        Driver d = billingWithAnn();
        d.apply(new Command.CreateInteraction(
                "m1",
                "voice",
                Direction.INBOUND,
                "voice:m1",
                null,
                "cust-1",
                Attributes.NONE,
                QueueRequest.to("billing")));
        String before = Council.stateApartFromClock(d.engine());

        Decision other = d.apply(new Command.IdentifyCustomer("m1", "cust-2"));

        assertRefused(other, Refusal.CONFLICT);
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
        assertThat(customerOf(d.engine(), "m1")).isEqualTo("cust-1");
    }

    @Test
    void anEndedInteractionIsNotIdentified() {
        Driver d = billingWithAnn();
        d.arrive("c1", "voice", "billing");
        d.hangUp("c1");
        String before = Council.stateApartFromClock(d.engine());

        Decision late = d.apply(new Command.IdentifyCustomer("c1", "cust-7"));

        assertRefused(late, Refusal.NOT_FOUND);
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
    }

    @Test
    void anUnknownInteractionIsNotIdentified() {
        Driver d = billingWithAnn();

        assertRefused(d.apply(new Command.IdentifyCustomer("nobody", "cust-7")), Refusal.NOT_FOUND);
    }

    @Test
    void theReferenceSurvivesASnapshot() {
        Driver d = billingWithAnn();
        d.arrive("c1", "voice", "billing");
        d.apply(new Command.IdentifyCustomer("c1", "cust-7"));

        RoutingEngine restored = RoutingEngine.restore(d.engine().snapshot());

        assertThat(customerOf(restored, "c1")).isEqualTo("cust-7");
        assertThat(restored.stateHash()).isEqualTo(d.engine().stateHash());
    }
}
