package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FloorTest {
    @TempDir
    Path dir;

    @Test
    void theFloorServerAnswersEveryCommandAfterItsJournalWriteAndItsCpuIsMeasured() throws Exception {
        Floor.Result r = Floor.measure(dir, 200, 0, 2, 42, Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThat(r.errors()).isZero();
        assertThat(r.requests()).isGreaterThan(200); // about 400 in the window
        assertThat(r.latencyMicros().getTotalCount()).isPositive();
        assertThat(r.jvmNanos()).isPositive();
        assertThat(r.redisNanos()).isNotNegative();
        assertThat(r.microsPerRequest()).isPositive();
    }
}
