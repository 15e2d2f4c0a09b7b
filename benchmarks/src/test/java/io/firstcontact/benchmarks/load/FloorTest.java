package io.firstcontact.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    @Test
    void aFloorRunEndsWithNothingSentToAClosedClient() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try {
            Floor.measure(dir, 500, 0, 2, 42, Duration.ofSeconds(1), Duration.ofSeconds(1));
        } finally {
            root.detachAppender(logged);
        }

        assertThat(logged.list)
                .as("warnings and errors of the generator's own HTTP clients (Vert.x reports an exception thrown on"
                        + " its event loop as an error)")
                .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage)
                .isEmpty();
    }
}
