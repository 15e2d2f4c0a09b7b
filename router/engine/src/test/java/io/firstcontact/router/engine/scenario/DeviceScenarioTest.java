package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.engine.Driver;
import org.junit.jupiter.api.Test;

/** The advisor's phone decides whether they are offered a call: a personal call, an unplugged phone, the ACD's own. */
class DeviceScenarioTest {

    private static Driver centreWithAnn() {
        Driver d = Council.billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        return d;
    }

    private static Decision phone(Driver d, String agent, DeviceState state) {
        return d.apply(new Command.DeviceStateChanged(agent, state));
    }

    @Test
    void advisorOnAPersonalCallIsNotOfferedACallButStillGetsAChat() {
        Driver d = centreWithAnn();
        phone(d, "ann", DeviceState.INUSE);

        assertThat(Driver.offers(d.arrive("c1", "voice", "billing"))).isEmpty();
        assertThat(Driver.offers(d.arrive("k1", "chat", "chat")))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("ann"));
    }

    @Test
    void phoneComingFreeOffersTheWaitingCallAtOnce() {
        Driver d = centreWithAnn();
        phone(d, "ann", DeviceState.INUSE);
        d.arrive("c1", "voice", "billing");

        Decision free = phone(d, "ann", DeviceState.NOT_INUSE);

        assertThat(facts(free, Fact.AgentDeviceChanged.class))
                .containsExactly(new Fact.AgentDeviceChanged("ann", DeviceState.NOT_INUSE));
        assertThat(Driver.offers(free))
                .extracting(Effect.OfferToAgent::interactionId)
                .containsExactly("c1");
    }

    @Test
    void unregisteredPhoneLeavesTheAdvisorReadyButOffersThemNoCall() {
        Driver d = centreWithAnn();

        Decision unplugged = phone(d, "ann", DeviceState.UNAVAILABLE);

        assertThat(facts(unplugged, Fact.AgentDeviceChanged.class))
                .containsExactly(new Fact.AgentDeviceChanged("ann", DeviceState.UNAVAILABLE));
        assertThat(facts(unplugged, Fact.PresenceChanged.class)).isEmpty();
        assertThat(Driver.offers(d.arrive("c1", "voice", "billing"))).isEmpty();
        assertThat(d.engine().position("c1")).isEqualTo(1);
    }

    @Test
    void centreWithoutDeviceTrackingRoutesCallsAsBefore() {
        Driver d = centreWithAnn();

        assertThat(Driver.offers(d.arrive("c1", "voice", "billing"))).hasSize(1);
    }

    @Test
    void phoneBusyWithTheCallTheRouterGaveDoesNotStopThatCall() {
        Driver d = centreWithAnn();
        String offer =
                Driver.offers(d.arrive("c1", "voice", "billing")).getFirst().offerId();

        assertThat(phone(d, "ann", DeviceState.RINGING).refused()).isFalse();
        Decision answered = d.accept(offer);
        phone(d, "ann", DeviceState.INUSE);

        assertThat(Council.effects(answered, Effect.Connect.class)).hasSize(1);
        d.end("c1");
        d.advance(30_000); // wrap-up over while the phone still shows the call
        assertThat(Driver.offers(d.arrive("c2", "voice", "billing"))).isEmpty();
        assertThat(Driver.offers(phone(d, "ann", DeviceState.NOT_INUSE)))
                .extracting(Effect.OfferToAgent::interactionId)
                .containsExactly("c2");
    }

    @Test
    void aRepeatedReportChangesNothing() {
        Driver d = centreWithAnn();
        phone(d, "ann", DeviceState.INUSE);

        Decision again = phone(d, "ann", DeviceState.INUSE);

        assertThat(again.facts()).isEmpty();
        assertThat(again.effects()).isEmpty();
    }
}
