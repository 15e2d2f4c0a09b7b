package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interval boundaries, midnight and the days the clocks change in Europe/London. */
class DaysAndIntervalsTest {

    private static List<IntervalFigures> billing(Floor floor, LocalDate date) {
        DayRecord day = floor.stats
                .day(date, floor.now())
                .or(() -> floor.history.day(date))
                .orElseThrow();
        return floor.stats.intervals(day).stream()
                .filter(i -> i.scope().equals("queue") && i.name().equals("billing"))
                .toList();
    }

    @Test
    void aCallJustBeforeAnIntervalBoundaryIsOfferedInTheIntervalBeforeAndAnsweredInTheNext() {
        Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 14, 59).plusNanos(999_000_000));
        floor.call("c1").advanceSeconds(0.001).advisor("ann", true).answer("c1");

        List<IntervalFigures> intervals = billing(floor, LocalDate.of(2026, 6, 10));
        assertThat(intervals).hasSize(2);
        assertThat(intervals.get(0).localStart()).isEqualTo("2026-06-10T09:00+01:00");
        assertThat(intervals.get(0).period().counts().offered()).isEqualTo(1);
        assertThat(intervals.get(0).period().counts().answered()).isZero();
        assertThat(intervals.get(1).localStart()).isEqualTo("2026-06-10T09:15+01:00");
        assertThat(Instant.ofEpochMilli(intervals.get(1).startAt())).isEqualTo(Instant.parse("2026-06-10T08:15:00Z"));
        assertThat(intervals.get(1).period().counts().answered()).isEqualTo(1);
        assertThat(intervals.get(1).period().serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void aCallOfferedBeforeMidnightAndAnsweredAfterCountsInBothDaysAndTheOldDayIsKept() {
        Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 23, 59, 50));
        floor.call("c1").advanceSeconds(20).advisor("ann", true).answer("c1");

        LocalDate tuesday = LocalDate.of(2026, 6, 10);
        DayRecord closed = floor.history.day(tuesday).orElseThrow();
        assertThat(closed.queues().getFirst().day().offered()).isEqualTo(1);
        assertThat(closed.queues().getFirst().day().answered()).isZero();
        assertThat(billing(floor, tuesday)).hasSize(1);
        assertThat(billing(floor, tuesday).getFirst().localStart()).isEqualTo("2026-06-10T23:45+01:00");

        Counts wednesday = floor.billingToday();
        assertThat(floor.queue("billing").date()).isEqualTo(LocalDate.of(2026, 6, 11));
        assertThat(wednesday.offered()).isZero();
        assertThat(wednesday.answered()).isEqualTo(1);
        assertThat(wednesday.answerWaitMillis()).isEqualTo(20_000);
        assertThat(billing(floor, LocalDate.of(2026, 6, 11)).getFirst().localStart())
                .isEqualTo("2026-06-11T00:00+01:00");
    }

    @Test
    void staffedTimeIsSplitAtMidnight() {
        Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 23, 50));
        floor.advisor("ann", true).advanceSeconds(20 * 60).call("c1"); // the call arrives at 00:10

        DayRecord closed = floor.history.day(LocalDate.of(2026, 6, 10)).orElseThrow();
        assertThat(closed.queues().getFirst().day().staffedMillis()).isEqualTo(10 * 60_000);
        assertThat(floor.billingToday().staffedMillis()).isEqualTo(10 * 60_000);
        AdvisorRecord annTuesday = closed.advisors().getFirst();
        assertThat(annTuesday.millisIn()).containsEntry(AdvisorState.READY, 10 * 60_000L);
        assertThat(floor.advisorFigures("ann").state()).isEqualTo(AdvisorState.OFFERED);
        assertThat(floor.advisorFigures("ann").today().secondsInState()).containsEntry(AdvisorState.READY, 600.0);
    }

    @Test
    void theDayTheClocksGoForwardHas92IntervalsAndThreeOClockIsItsNinth() {
        Days days = new Days(Floor.LONDON);
        LocalDate spring = LocalDate.of(2026, 3, 29);
        assertThat(days.intervals(spring)).isEqualTo(92);

        Floor floor = new Floor(LocalDateTime.of(2026, 3, 29, 0, 55));
        floor.call("c1").advanceSeconds(10 * 60); // 01:05 GMT is 02:05 BST
        floor.advisor("ann", true).answer("c1");

        List<IntervalFigures> intervals = billing(floor, spring);
        assertThat(intervals.get(0).localStart()).isEqualTo("2026-03-29T00:45Z");
        assertThat(intervals.get(1).localStart()).isEqualTo("2026-03-29T02:00+01:00");
        assertThat(Instant.ofEpochMilli(intervals.get(1).startAt())).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(floor.billingToday().answerWaitMillis()).isEqualTo(10 * 60_000);
    }

    @Test
    void theDayTheClocksGoBackHas100IntervalsAndItsRepeatedHourIsCountedTwice() {
        Days days = new Days(Floor.LONDON);
        LocalDate autumn = LocalDate.of(2026, 10, 25);
        assertThat(days.intervals(autumn)).isEqualTo(100);

        Floor floor = new Floor(LocalDateTime.of(2026, 10, 25, 1, 20)); // the first 01:20 (BST)
        floor.call("c1").hangUp("c1");
        floor.advanceSeconds(3600).call("c2").hangUp("c2"); // the second 01:20 (GMT)

        List<IntervalFigures> intervals = billing(floor, autumn);
        assertThat(intervals).hasSize(2);
        assertThat(intervals.get(0).localStart()).isEqualTo("2026-10-25T01:15+01:00");
        assertThat(intervals.get(1).localStart()).isEqualTo("2026-10-25T01:15Z");
        assertThat(intervals.get(1).startAt() - intervals.get(0).startAt()).isEqualTo(3_600_000);
        assertThat(floor.billingToday().abandoned()).isEqualTo(2);

        floor.advanceSeconds(23 * 3600).call("c3"); // 00:20 on the 26th: a 25-hour day closed
        DayRecord closed = floor.history.day(autumn).orElseThrow();
        assertThat(closed.queues().getFirst().day().offered()).isEqualTo(2);
    }

    @Test
    void aDayNoEntryHasReachedYetShowsNothingButTheTimeAdvisorsAreThere() {
        Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 23, 50));
        floor.advisor("ann", true);
        long later = Floor.at(LocalDateTime.of(2026, 6, 11, 0, 30)); // no entry since midnight

        QueueFigures q = floor.stats.queue("billing", later).orElseThrow();
        assertThat(q.date()).isEqualTo(LocalDate.of(2026, 6, 11));
        assertThat(q.today().counts().offered()).isZero();
        assertThat(q.today().counts().staffedMillis()).isEqualTo(30 * 60_000);
        AdvisorFigures ann = floor.stats.advisor("ann", later).orElseThrow();
        assertThat(ann.today().secondsInState()).containsEntry(AdvisorState.READY, 1800.0);
        assertThat(ann.stateSeconds()).isEqualTo(1800.0);
    }
}
