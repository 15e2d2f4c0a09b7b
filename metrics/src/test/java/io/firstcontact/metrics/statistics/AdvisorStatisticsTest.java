package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.model.CrossSellOutcome;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The agent time report: what an advisor handled, and how long each state and not-ready reason lasted. */
class AdvisorStatisticsTest {
    private final Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 0));

    @Test
    void timeInEachStateAndNotReadyReasonAddsUpToTheTimeLoggedIn() {
        floor.advisor("ann", false).advanceSeconds(60); // not ready (LOGIN) 1 min
        floor.ready("ann").advanceSeconds(120); // ready 2 min
        floor.call("c1").advanceSeconds(10); // offered 10 s
        floor.answer("c1").advanceSeconds(180); // busy 3 min
        floor.end("c1").advanceSeconds(30); // wrap-up 30 s
        floor.notReady("ann", "BREAK").advanceSeconds(900); // break 15 min

        AdvisorFigures ann = floor.advisorFigures("ann");
        assertThat(ann.today().secondsInState())
                .containsEntry(AdvisorState.NOT_READY, 960.0)
                .containsEntry(AdvisorState.READY, 120.0)
                .containsEntry(AdvisorState.OFFERED, 10.0)
                .containsEntry(AdvisorState.BUSY, 180.0)
                .containsEntry(AdvisorState.WRAP_UP, 30.0);
        assertThat(ann.today().secondsNotReadyByReason())
                .containsEntry("LOGIN", 60.0)
                .containsEntry("BREAK", 900.0);
        assertThat(ann.state()).isEqualTo(AdvisorState.NOT_READY);
        assertThat(ann.reason()).isEqualTo("BREAK");
        assertThat(ann.stateSeconds()).isEqualTo(900.0);
        assertThat(ann.today().handled()).isEqualTo(1);
        assertThat(ann.today().ahtSeconds()).isEqualTo(210.0);
        assertThat(ann.today().occupancy()).isEqualTo(210.0 / 340);
    }

    @Test
    void aBreakAskedForDuringACallWaitsForTheCallToEnd() {
        floor.advisor("ann", true).call("c1").answer("c1").advanceSeconds(60);
        floor.notReady("ann", "LUNCH"); // pending
        assertThat(floor.advisorFigures("ann").state()).isEqualTo(AdvisorState.BUSY);

        floor.advanceSeconds(60).end("c1").advanceSeconds(30); // then lunch
        AdvisorFigures ann = floor.advisorFigures("ann");
        assertThat(ann.state()).isEqualTo(AdvisorState.NOT_READY);
        assertThat(ann.reason()).isEqualTo("LUNCH");
        assertThat(ann.today().secondsInState()).containsEntry(AdvisorState.BUSY, 120.0);
    }

    @Test
    void offersThatRingOutAreCountedAsRonas() {
        floor.advisor("ann", true).call("c1").call("c2").advanceSeconds(20); // c1 rings out
        floor.ready("ann").advanceSeconds(20); // ann is not offered c1 again, and c2 rings out

        assertThat(floor.advisorFigures("ann").today().ronas()).isEqualTo(2);
    }

    @Test
    void crossSellCountsTheLastOutcomeOfEachPromptOncePerAssignment() {
        floor.advisor("ann", true).call("c1").answer("c1");
        floor.crossSell("c1", "pay-online", CrossSellOutcome.OFFERED);
        floor.crossSell("c1", "pay-online", CrossSellOutcome.ACCEPTED);
        floor.crossSell("c1", "bin-alerts", CrossSellOutcome.DECLINED);
        floor.crossSell("c1", "e-billing", CrossSellOutcome.NOT_SUITABLE);
        floor.end("c1").advanceSeconds(30);

        AdvisorFigures ann = floor.advisorFigures("ann");
        assertThat(ann.today().crossSellOffered()).isEqualTo(2);
        assertThat(ann.today().crossSellAccepted()).isEqualTo(1);
    }

    @Test
    void loggedOutTimeIsNotCounted() {
        floor.advisor("ann", true).advanceSeconds(60).logout("ann").advanceSeconds(600);

        AdvisorFigures ann = floor.advisorFigures("ann");
        assertThat(ann.state()).isEqualTo(AdvisorState.LOGGED_OUT);
        assertThat(ann.today().secondsInState()).containsOnlyKeys(AdvisorState.READY);
        assertThat(ann.today().secondsInState()).containsEntry(AdvisorState.READY, 60.0);
        assertThat(floor.queue("billing").loggedIn()).isZero();
    }

    @Test
    void theStateStartsWhenTheAdvisorEnteredItEvenBeforeMidnightWhileTodaysShareStartsAtMidnight() {
        Floor late = new Floor(LocalDateTime.of(2026, 6, 10, 23, 50));
        late.advisor("ann", true).advanceSeconds(60);
        long onBreakAt = late.now();
        late.notReady("ann", "BREAK").advanceSeconds(20 * 60); // 00:11 the next day

        AdvisorFigures ann = late.advisorFigures("ann");
        assertThat(ann.stateSince()).isEqualTo(onBreakAt);
        assertThat(ann.stateSeconds()).as("today's share: since midnight").isEqualTo(11 * 60.0);
    }
}
