package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PoissonScheduleTest {
    private static long[] first(PoissonSchedule s, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = s.take();
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertThat(first(new PoissonSchedule(42, 300), 10_000)).isEqualTo(first(new PoissonSchedule(42, 300), 10_000));
        assertThat(first(new PoissonSchedule(43, 300), 100)).isNotEqualTo(first(new PoissonSchedule(42, 300), 100));
    }

    @Test
    void timesIncreaseAndTheMeanRateIsTheGivenOne() {
        PoissonSchedule s = new PoissonSchedule(7, 1_000);
        long previous = -1;
        long last = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            long t = s.take();
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
            last = t;
        }
        double rate = n / (last / 1e9);
        assertThat(rate).isBetween(990.0, 1_010.0); // 200,000 exponential gaps: the relative error is ~0.2 %
    }

    @Test
    void gapsAreExponential() {
        // For an exponential distribution P(gap > mean) = 1/e.
        PoissonSchedule s = new PoissonSchedule(11, 100);
        long previous = 0;
        int longer = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            long t = s.take();
            if (t - previous > 10_000_000L) {
                longer++;
            }
            previous = t;
        }
        assertThat(longer / (double) n).isBetween(Math.exp(-1) - 0.01, Math.exp(-1) + 0.01);
    }

    @Test
    void peekDoesNotMoveAndARateOfZeroNeverFires() {
        PoissonSchedule s = new PoissonSchedule(1, 50);
        long p = s.peek();
        assertThat(s.peek()).isEqualTo(p);
        assertThat(s.take()).isEqualTo(p);
        assertThat(new PoissonSchedule(1, 0).peek()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> new PoissonSchedule(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
