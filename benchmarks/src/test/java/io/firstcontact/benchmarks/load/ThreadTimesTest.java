package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadTimesTest {
    @Test
    void threadsOfOneKindAreCountedTogetherWhateverTheirNumber() {
        assertThat(ThreadTimes.kind("ForkJoinPool-1-worker-3")).isEqualTo("ForkJoinPool-1-worker");
        assertThat(ThreadTimes.kind("ForkJoinPool-1-worker-12")).isEqualTo("ForkJoinPool-1-worker");
        assertThat(ThreadTimes.kind("vert.x-eventloo")).isEqualTo("vert.x-eventloo");
        assertThat(ThreadTimes.kind("desk-push")).isEqualTo("desk-push");
    }

    @Test
    void aRunningProcessShowsItsThreadsTimeOnACpu() {
        Map<String, ThreadTimes.Times> now =
                ThreadTimes.of(ProcessHandle.current().pid());

        assertThat(now).isNotEmpty();
        assertThat(now.values().stream()
                        .mapToLong(ThreadTimes.Times::runningNanos)
                        .sum())
                .isPositive();
    }

    @Test
    void aWindowIsWhatEachKindSpentBetweenTwoReadings() {
        Map<String, ThreadTimes.Times> before = Map.of("desk-push", new ThreadTimes.Times(100, 40));
        Map<String, ThreadTimes.Times> after =
                Map.of("desk-push", new ThreadTimes.Times(250, 90), "hz.member", new ThreadTimes.Times(30, 300));

        assertThat(ThreadTimes.between(before, after))
                .containsEntry("desk-push", new ThreadTimes.Times(150, 50))
                .containsEntry("hz.member", new ThreadTimes.Times(30, 300));
    }
}
