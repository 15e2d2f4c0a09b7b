package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * A queue's counts against hand-computed examples on the real engine: billing is a voice queue with T = 30 s and
 * 30 s of wrap-up; the default definition excludes short abandons (≤ 5 s) and counts the others against.
 */
class QueueStatisticsTest {
    private final Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 0));

    @Test
    void aCallAnsweredExactlyAtTheThresholdIsWithinIt() {
        floor.call("c1").advanceSeconds(30).advisor("ann", true).answer("c1");

        Counts c = floor.billingToday();
        assertThat(c.answered()).isEqualTo(1);
        assertThat(c.answeredWithinThreshold()).isEqualTo(1);
        assertThat(c.answerWaitMillis()).isEqualTo(30_000);
        assertThat(floor.queue("billing").today().serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void aCallAnsweredAMillisecondAfterTheThresholdIsNot() {
        floor.call("c1").advanceSeconds(30.001).advisor("ann", true).answer("c1");

        Counts c = floor.billingToday();
        assertThat(c.answered()).isEqualTo(1);
        assertThat(c.answeredWithinThreshold()).isZero();
        assertThat(floor.queue("billing").today().serviceLevel()).isZero();
    }

    @Test
    void abandonsBeforeAndAfterTheThresholdBothCountAgainstAndOnlyTheShortOneIsLeftOut() {
        floor.call("quick").call("early").call("late").call("kept");
        floor.advanceSeconds(5).hangUp("quick"); // short: 5 s, at the short-abandon threshold
        floor.advanceSeconds(5).hangUp("early"); // 10 s: before T
        floor.advanceSeconds(30).hangUp("late"); // 40 s: after T
        floor.advisor("ann", true).answer("kept"); // 40 s: answered late

        Counts c = floor.billingToday();
        assertThat(c.offered()).isEqualTo(4);
        assertThat(c.abandoned()).isEqualTo(3);
        assertThat(c.abandonedShort()).isEqualTo(1);
        assertThat(c.abandonedWithinThreshold()).isEqualTo(2);
        assertThat(c.answered()).isEqualTo(1);
        assertThat(c.answeredWithinThreshold()).isZero();
        // 0 within T over (1 answered + 3 abandoned − 1 short)
        assertThat(floor.queue("billing").today().serviceLevel()).isZero();
        assertThat(floor.queue("billing").today().abandonedRatio()).isEqualTo(0.75);
    }

    @Test
    void aShortAbandonJustOverTheThresholdCountsAgainst() {
        floor.call("a").call("b").call("c");
        floor.advanceSeconds(5.001).hangUp("a");
        floor.advisor("ann", true).answer("b");
        floor.end("b").advanceSeconds(30).advisor("bob", true).answer("c");

        Counts c = floor.billingToday();
        assertThat(c.abandonedShort()).isZero();
        // b answered within T (5 s), c answered after 35 s: 1 / (2 answered + 1 abandoned)
        assertThat(floor.queue("billing").today().serviceLevel()).isEqualTo(1.0 / 3);
    }

    @Test
    void speedOfAnswerAndHandleTimeAreAveragedOverWhatWasAnsweredAndHandled() {
        floor.advisor("ann", true);
        floor.call("c1").answer("c1"); // waited 0 s
        floor.call("c2").advanceSeconds(20); // waits while ann talks
        floor.advanceSeconds(100).end("c1"); // c1: 120 s talk, then 30 s wrap-up
        floor.advanceSeconds(30); // wrap-up over: c2 is offered at once
        floor.answer("c2"); // c2 waited 150 s
        floor.advanceSeconds(60).end("c2").advanceSeconds(30);

        Counts c = floor.billingToday();
        assertThat(c.answered()).isEqualTo(2);
        assertThat(c.answerWaitMillis()).isEqualTo(150_000);
        assertThat(floor.queue("billing").today().asaSeconds()).isEqualTo(75.0);
        assertThat(c.handled()).isEqualTo(2);
        assertThat(c.talkMillis()).isEqualTo(180_000);
        assertThat(c.wrapUpMillis()).isEqualTo(60_000);
        assertThat(floor.queue("billing").today().ahtSeconds()).isEqualTo(120.0);
    }

    @Test
    void timeOnHoldIsHandleTimeApartFromTalk() {
        floor.advisor("ann", true).call("c1").answer("c1").advanceSeconds(60);
        floor.apply(new Command.Park("c1"));
        floor.advanceSeconds(30);
        floor.apply(new Command.Resume("c1"));
        floor.advanceSeconds(30).end("c1").advanceSeconds(30); // 30 s of wrap-up

        Counts c = floor.billingToday();
        assertThat(c.talkMillis()).isEqualTo(90_000);
        assertThat(c.holdMillis()).isEqualTo(30_000);
        assertThat(c.wrapUpMillis()).isEqualTo(30_000);
        assertThat(floor.queue("billing").today().ahtSeconds()).isEqualTo(150.0);
        assertThat(floor.advisorFigures("ann").today().holdSeconds()).isEqualTo(30.0);
    }

    @Test
    void aCallerWhoHangsUpOnHoldEndsTheHoldWithTheCall() {
        floor.advisor("ann", true).call("c1").answer("c1").advanceSeconds(10);
        floor.apply(new Command.Park("c1"));
        floor.advanceSeconds(20).hangUp("c1").advanceSeconds(30);

        Counts c = floor.billingToday();
        assertThat(c.talkMillis()).isEqualTo(10_000);
        assertThat(c.holdMillis()).isEqualTo(20_000);
    }

    @Test
    void aCallerWhoHangsUpWhileTheAdvisorsPhoneRingsIsAbandonedWhileAlerting() {
        floor.advisor("ann", true).call("c1").advanceSeconds(8).hangUp("c1");

        Counts c = floor.billingToday();
        assertThat(c.abandoned()).isEqualTo(1);
        assertThat(c.abandonedWhileAlerting()).isEqualTo(1);
        assertThat(c.abandonedShort()).isZero();
        assertThat(floor.advisorFigures("ann").state()).isEqualTo(AdvisorState.READY);
    }

    @Test
    void waitingNowAndTheLongestWaitFollowTheLineAndTheClock() {
        floor.call("c1").advanceSeconds(10).call("c2").advanceSeconds(5);

        QueueFigures q = floor.queue("billing");
        assertThat(q.waitingNow()).isEqualTo(2);
        assertThat(q.longestWaitSeconds()).isEqualTo(15.0);
        assertThat(floor.stats
                        .queue("billing", floor.now() + 2_500)
                        .orElseThrow()
                        .longestWaitSeconds())
                .isEqualTo(17.5);

        floor.advisor("ann", true); // c1 is offered: no longer waiting, the longest wait is c2's
        q = floor.queue("billing");
        assertThat(q.waitingNow()).isEqualTo(1);
        assertThat(q.beingOfferedNow()).isEqualTo(1);
        assertThat(q.longestWaitSeconds()).isEqualTo(5.0);
    }

    @Test
    void theOldestWaitStartAndTheAlertLimitLetAPageCountTheLongestWaitItself() {
        long arrived = floor.now();
        floor.call("c1").advanceSeconds(10);

        QueueFigures q = floor.queue("billing");
        assertThat(q.oldestWaitingSince()).isEqualTo(arrived);
        assertThat(q.longestWaitAlertSeconds())
                .as("billing's T, no limit configured")
                .isEqualTo(30.0);

        floor.advisor("ann", true); // c1 rings: nobody waits
        assertThat(floor.queue("billing").oldestWaitingSince()).isNull();
    }

    @Test
    void anOfferThatRingsOutPutsTheCallerBackAtTheHeadOfTheLine() {
        floor.call("c1").advanceSeconds(10).call("c2").advisor("ann", true); // c1 rings at ann
        floor.advanceSeconds(20); // no answer: RONA

        QueueFigures q = floor.queue("billing");
        assertThat(q.waitingNow()).isEqualTo(2);
        assertThat(q.beingOfferedNow()).isZero();
        assertThat(q.longestWaitSeconds()).isEqualTo(30.0);
        assertThat(floor.advisorFigures("ann").today().ronas()).isEqualTo(1);
        assertThat(floor.advisorFigures("ann").state()).isEqualTo(AdvisorState.NOT_READY);
        assertThat(floor.advisorFigures("ann").reason()).isEqualTo("RONA");
    }

    @Test
    void advisorsAreCountedByStateInEveryQueueTheyServe() {
        floor.advisor("ann", true)
                .advisor("bob", true)
                .advisor("cat", false)
                .call("c1")
                .answer("c1");

        QueueFigures q = floor.queue("billing");
        assertThat(q.loggedIn()).isEqualTo(3);
        assertThat(q.advisors())
                .containsEntry(AdvisorState.BUSY, 1)
                .containsEntry(AdvisorState.READY, 1)
                .containsEntry(AdvisorState.NOT_READY, 1);
        assertThat(floor.queue("chat").advisors()).containsEntry(AdvisorState.BUSY, 1);
    }

    @Test
    void occupancyIsBusyTimeOverStaffedTime() {
        floor.advisor("ann", true).advanceSeconds(600); // 10 min idle
        floor.call("c1").answer("c1").advanceSeconds(270).end("c1").advanceSeconds(30); // 5 min busy

        Counts c = floor.billingToday();
        assertThat(c.staffedMillis()).isEqualTo(900_000);
        assertThat(c.busyMillis()).isEqualTo(300_000);
        assertThat(floor.queue("billing").today().occupancy()).isEqualTo(1.0 / 3);
    }
}
