package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An advisor's click to call: an outbound interaction that rings them at once, then dials the customer. */
class OutboundScenarioTest {

    @Test
    void advisorsClickToCallRingsThemAtOnceAndNobodyElse() {
        Driver d = centre().queue(voice("billing"))
                .queue(voice("outbound"))
                .profile("all", member("billing"))
                .driver();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.login("bob", true);
        d.login("ann", true);

        Decision dial = d.apply(new Command.CreateInteraction(
                "out1",
                "voice",
                Direction.OUTBOUND,
                "desktop:ann:1",
                null,
                "cust-9",
                Attributes.NONE,
                QueueRequest.to("outbound")
                        .withTargets(List.of(new Target("ann", d.now() + 30_000, TargetMode.ONLY)))));

        assertThat(Driver.offers(dial)).singleElement().satisfies(o -> {
            assertThat(o.agentId()).isEqualTo("ann");
            assertThat(o.kind()).isEqualTo(OfferKind.DIAL_CUSTOMER);
        });
    }
}
