package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.ConsultOutcome;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * What happens during a call, counted where a supervisor looks for it: holds, consultations and warm transfers, and
 * customers' dropped connections (billing is voice with 30 s of wrap-up; chat keeps a dropped customer's place for a
 * minute).
 */
class CallHandlingStatisticsTest {
    private final Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 0));

    @Test
    void eachHoldCountsOnceWhenItStarts() {
        floor.advisor("ann", true).call("c1").answer("c1").advanceSeconds(10);
        floor.apply(new Command.Park("c1"));
        floor.advanceSeconds(10);
        floor.apply(new Command.Resume("c1"));
        floor.advanceSeconds(10);
        floor.apply(new Command.Park("c1"));

        Counts c = floor.billingToday();
        assertThat(c.holds()).isEqualTo(2);
        assertThat(floor.stats.centre(floor.now()).today().counts().holds()).isEqualTo(2);
    }

    @Test
    void aConsultedColleagueWhoHandsTheCallBackHandlesNoContact() {
        floor.advisor("ann", true).call("c1").answer("c1").advisor("bob", true).advanceSeconds(20);
        floor.apply(new Command.StartConsult("c1", "bob"));
        floor.answer("c1").advanceSeconds(40);
        floor.apply(new Command.EndConsult("c1", "bob", ConsultOutcome.CANCELLED));
        floor.advanceSeconds(60).end("c1").advanceSeconds(30);

        Counts c = floor.billingToday();
        assertThat(c.consults()).isEqualTo(1);
        assertThat(c.consultTransfers()).isZero();
        assertThat(c.handled()).as("ann's call only").isEqualTo(1);
        assertThat(c.talkMillis()).isEqualTo(120_000);
        assertThat(floor.advisorFigures("bob").today().handled()).isZero();
        assertThat(floor.history.contacts(floor.stats.today(floor.now())))
                .singleElement()
                .satisfies(r -> assertThat(r.agentId()).isEqualTo("ann"));
    }

    @Test
    void aWarmTransferIsAConsultTheColleagueTakesOver() {
        floor.advisor("ann", true).call("c1").answer("c1").advisor("bob", true).advanceSeconds(20);
        floor.apply(new Command.StartConsult("c1", "bob"));
        floor.answer("c1").advanceSeconds(40);
        floor.apply(new Command.EndConsult("c1", "bob", ConsultOutcome.COMPLETED));
        floor.advanceSeconds(90).end("c1").advanceSeconds(30);

        Counts c = floor.billingToday();
        assertThat(c.consults()).isEqualTo(1);
        assertThat(c.consultTransfers()).isEqualTo(1);
        assertThat(c.handled()).as("ann's part and bob's").isEqualTo(2);
        assertThat(floor.advisorFigures("bob").today().handled()).isEqualTo(1);
        assertThat(floor.history.contacts(floor.stats.today(floor.now())))
                .singleElement()
                .satisfies(r -> assertThat(r.agentId()).isEqualTo("bob"));
    }

    @Test
    void aChatCustomerWhoDropsAndComesBackWithinTheGraceIsNotAbandoned() {
        floor.chat("k1").advanceSeconds(10);
        floor.apply(new Command.CustomerDisconnected("k1"));
        floor.advanceSeconds(30);
        floor.apply(new Command.CustomerReconnected("k1"));
        floor.advanceSeconds(60);

        Counts c = floor.queue("chat").today().counts();
        assertThat(c.connectionsLost()).isEqualTo(1);
        assertThat(c.connectionsRestored()).isEqualTo(1);
        assertThat(c.abandoned()).isZero();
    }

    @Test
    void aChatCustomerWhoStaysAwayPastTheGraceIsAbandonedOnce() {
        floor.chat("k1").advanceSeconds(10);
        floor.apply(new Command.CustomerDisconnected("k1"));
        floor.advanceSeconds(61);

        Counts c = floor.queue("chat").today().counts();
        assertThat(c.connectionsLost()).isEqualTo(1);
        assertThat(c.connectionsRestored()).isZero();
        assertThat(c.abandoned()).isEqualTo(1);
    }
}
