package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.metrics.Fed;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a restart the statistics equal what they were: restored from the snapshot taken at any entry and fed the
 * entries after it, they hold exactly the state of statistics fed everything, and answer every query alike.
 */
class RestartTest {
    private static final long[] SEEDS = {1, 2, 3, 20_261_206};

    private static Statistics fresh(HistoryStore history) {
        return new Statistics(StatisticsOptions.DEFAULT, new ManualScheduler(), history, CustomerKeys.UNKEYED);
    }

    @Test
    void statisticsRestoredFromASnapshotAndTheEntriesAfterItEqualTheOnesThatSawEverything() {
        for (long seed : SEEDS) {
            Fed fed = BusyDays.run(seed, 1_500);
            List<EngineInput> inputs = fed.driver.inputs();
            List<Decision> decisions = fed.driver.decisions();
            long now = fed.now();

            Statistics straight = fresh(new HistoryStore.InMemory());
            for (int i = 0; i < inputs.size(); i++) {
                straight.committed(inputs.get(i), decisions.get(i));
            }
            straight.goLive(now);

            for (int cut : new int[] {1, inputs.size() / 3, inputs.size() / 2, inputs.size() - 1}) {
                Statistics before = fresh(new HistoryStore.InMemory());
                for (int i = 0; i < cut; i++) {
                    before.committed(inputs.get(i), decisions.get(i));
                }
                Statistics after = fresh(new HistoryStore.InMemory());
                after.restore(before.snapshot());
                for (int i = 0; i < inputs.size(); i++) { // from the start: what the snapshot holds is skipped
                    after.committed(inputs.get(i), decisions.get(i));
                }
                after.goLive(now);

                String where = "seed " + seed + ", snapshot after entry " + cut;
                assertThat(after.snapshot()).as(where).isEqualTo(straight.snapshot());
                assertThat(after.queues(now)).as(where).isEqualTo(straight.queues(now));
                assertThat(after.channels(now)).as(where).isEqualTo(straight.channels(now));
                assertThat(after.centre(now)).as(where).isEqualTo(straight.centre(now));
                assertThat(after.advisors(now)).as(where).isEqualTo(straight.advisors(now));
                assertThat(after.alerts()).as(where).isEqualTo(straight.alerts());
                assertThat(after.day(after.today(now), now))
                        .as(where)
                        .isEqualTo(straight.day(straight.today(now), now));
            }
        }
    }

    @Test
    void theBusyDaysCrossMidnightAndExerciseEveryKindOfFigure() {
        Fed fed = BusyDays.run(SEEDS[0], 1_500);
        HistoryStore.InMemory history = new HistoryStore.InMemory();
        Statistics stats = fresh(history);
        for (int i = 0; i < fed.driver.inputs().size(); i++) {
            stats.committed(fed.driver.inputs().get(i), fed.driver.decisions().get(i));
        }
        StatisticsSnapshot s = stats.snapshot();
        DayRecord firstDay = history.day(java.time.LocalDate.of(2026, 10, 24)).orElseThrow();
        Counts billing = firstDay.queues().getFirst().day();
        assertThat(billing.answered()).isPositive();
        assertThat(billing.abandoned()).isPositive();
        assertThat(billing.handled()).isPositive();
        assertThat(s.outcomeDays().stream().mapToLong(OutcomeRecord::repeats).sum())
                .isPositive();
        assertThat(s.outcomeDays().stream()
                        .mapToLong(o -> o.crossSellOffered().size())
                        .sum())
                .isPositive();
        long selfServed = s.centreToday().selfServiceCompleted()
                + history.day(java.time.LocalDate.of(2026, 10, 24))
                        .orElseThrow()
                        .centreExtras()
                        .selfServiceCompleted();
        assertThat(selfServed).isPositive();
        long held = s.centre().day().holdMillis() + firstDay.centre().day().holdMillis();
        assertThat(held).as("calls were put on hold").isPositive();
        Counts both = s.centre().day().plus(firstDay.centre().day());
        assertThat(both.consults()).as("colleagues were consulted").isPositive();
        assertThat(both.connectionsLost()).as("connections dropped").isPositive();
        assertThat(s.centreToday().callbacksDialled() + firstDay.centreExtras().callbacksDialled())
                .as("callbacks were dialled")
                .isPositive();
        assertThat(history.contacts(java.time.LocalDate.of(2026, 10, 24))).isNotEmpty();
    }
}
