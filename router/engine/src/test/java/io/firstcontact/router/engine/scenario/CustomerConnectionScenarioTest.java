package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.VisitOutcome;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chat customer whose connection drops keeps their place for a minute, and has left after it. */
class CustomerConnectionScenarioTest {
    /** The chat channel's media-class default. */
    static final long GRACE = 60_000;

    private static Driver chatCentre() {
        Driver d = Council.billingAndChat();
        d.agent("ann", "council", "all");
        return d;
    }

    @Test
    void chatCustomerWhoComesBackWithinAMinuteKeepsTheirPlace() {
        Driver d = chatCentre();
        d.arrive("k1", "chat", "chat");
        d.arrive("k2", "chat", "chat");

        Decision lost = d.apply(new Command.CustomerDisconnected("k1"));
        assertThat(facts(lost, Fact.CustomerConnectionLost.class))
                .containsExactly(new Fact.CustomerConnectionLost("k1", d.now() + GRACE));
        d.advance(GRACE / 2);
        Decision back = d.apply(new Command.CustomerReconnected("k1"));

        assertThat(facts(back, Fact.CustomerConnectionRestored.class)).hasSize(1);
        d.advance(GRACE);
        assertThat(d.facts(Fact.VisitEnded.class)).isEmpty();
        assertThat(d.engine().position("k1")).isEqualTo(1);
    }

    @Test
    void chatCustomerStillAwayAfterTheGraceHasAbandoned() {
        Driver d = chatCentre();
        d.arrive("k1", "chat", "chat");
        d.apply(new Command.CustomerDisconnected("k1"));

        List<Decision> later = d.advance(GRACE);

        assertThat(facts(later, Fact.VisitEnded.class))
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.ABANDONED));
        assertThat(facts(later, Fact.InteractionEnded.class))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(EndReason.CUSTOMER_LEFT));
    }

    @Test
    void aDroppedConnectionWithAnAdvisorIsAFactOnly() {
        Driver d = chatCentre();
        d.login("ann", true);
        d.accept(Driver.offers(d.arrive("k1", "chat", "chat")).getFirst().offerId());

        Decision lost = d.apply(new Command.CustomerDisconnected("k1"));

        assertThat(facts(lost, Fact.CustomerConnectionLost.class))
                .containsExactly(new Fact.CustomerConnectionLost("k1", null));
        d.advance(2 * GRACE);
        assertThat(d.facts(Fact.InteractionEnded.class)).isEmpty();
    }

    @Test
    void chatAnsweredWhileItsCustomerIsAwayIsNotEndedByTheGrace() {
        Driver d = chatCentre();
        d.arrive("k1", "chat", "chat");
        d.apply(new Command.CustomerDisconnected("k1"));
        d.login("ann", true);

        d.accept(d.lastOfferFor("k1").offerId());
        d.advance(2 * GRACE);

        assertThat(d.facts(Fact.InteractionEnded.class)).isEmpty();
    }
}
