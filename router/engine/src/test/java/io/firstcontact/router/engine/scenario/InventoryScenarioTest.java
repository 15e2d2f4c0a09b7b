package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a reconnect, a telephone server's inventory ends the calls it lost and names the ones the router missed. */
class InventoryScenarioTest {

    private static Driver billing() {
        Driver d = centre().queue(voice("billing"))
                .profile("all", member("billing"))
                .driver();
        d.agent("ann", "council", "all");
        return d;
    }

    private static void call(Driver d, String id, String sourceRef) {
        d.apply(new Command.CreateInteraction(
                id, "voice", Direction.INBOUND, sourceRef, null, null, Attributes.NONE, QueueRequest.to("billing")));
    }

    @Test
    void callsTheServerNoLongerHasEndLostAndTheOnesTheRouterMissedAreNamed() {
        Driver d = billing();
        d.login("ann", true);
        call(d, "c1", "voice:pbx1:1001");
        d.accept(d.lastOfferFor("c1").offerId());
        call(d, "c2", "voice:pbx1:1002");
        call(d, "c3", "voice:pbx1:1003");
        call(d, "c4", "voice:pbx2:2001");

        Decision inventory =
                d.apply(new Command.SourceInventory("voice:pbx1", List.of("voice:pbx1:1002", "voice:pbx1:1009")));

        assertThat(facts(inventory, Fact.InteractionEnded.class))
                .extracting(Fact.InteractionEnded::interactionId, Fact.InteractionEnded::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c1", EndReason.LOST_DURING_OUTAGE),
                        org.assertj.core.groups.Tuple.tuple("c3", EndReason.LOST_DURING_OUTAGE));
        assertThat(facts(inventory, Fact.WrapUpStarted.class)).hasSize(1);
        assertThat(facts(inventory, Fact.InventoryReconciled.class))
                .containsExactly(new Fact.InventoryReconciled("voice:pbx1", 2, 2, List.of("voice:pbx1:1009")));
        assertThat(d.engine().position("c2")).isEqualTo(1);
        assertThat(d.engine().position("c4")).isEqualTo(2);
    }

    @Test
    void aWaitingCallbackIsNotLostToItsServersInventory() {
        Driver d = billing();
        call(d, "c1", "voice:pbx1:1001");
        d.apply(new Command.RequestCallback("c1", "07700900123"));

        Decision inventory = d.apply(new Command.SourceInventory("voice:pbx1", List.of()));

        assertThat(facts(inventory, Fact.InteractionEnded.class)).isEmpty();
        assertThat(d.engine().position("c1")).isEqualTo(1);
    }

    @Test
    void anInventoryListingAnotherSourcesObjectIsRefused() {
        Driver d = billing();
        call(d, "c1", "voice:pbx1:1001");

        Decision refused = d.apply(new Command.SourceInventory("voice:pbx2", List.of("voice:pbx1:1001")));

        assertThat(effects(refused, Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.INVALID));
        assertThat(refused.facts()).isEmpty();
    }
}
