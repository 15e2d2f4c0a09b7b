package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.journal.JournalCodec;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A redis-server that comes back from its AOF without the last entries it had acknowledged (as {@code appendfsync
 * everysec} allows when it is killed): the journal finds the loss when it talks to Redis again and has it repaired
 * before it writes anything after the gap. The loss is made by cutting the AOF's tail while Redis is stopped.
 */
class LostEntriesTest {
    private static final String KEY = "journal";

    @TempDir
    Path dir;

    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<Journal.Entry> entries = RedisOutageTest.entries(6);
    private final HeldRepair repair = new HeldRepair();
    private EmbeddedRedis redis;
    private RedisClient client;
    private RedisJournal stream;

    @BeforeEach
    void start() throws Exception {
        redis = EmbeddedRedis.start(dir.resolve("redis"), 0, false);
        client = RedisClients.create(redis.redisUri(), Duration.ofSeconds(2));
        stream = RedisJournal.open(client, KEY);
        stream.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture()
                .get();
    }

    @AfterEach
    void stop() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        redis.stop();
        timers.shutdownNow();
        blocking.shutdownNow();
    }

    @Test
    void entriesLostInARedisRestartAreCoveredByASnapshotBeforeTheNextAppend() throws Exception {
        StreamJournal journal = new StreamJournal(stream, new JournalCodec(), blocking);
        journal.repairLossesWith(repair);
        await(journal.append(entries.subList(0, 3)));
        await(journal.append(entries.subList(3, 5))); // acknowledged by Redis, then lost

        restartWithoutEntriesFrom("1-4", journal);
        CompletableFuture<Void> sixth = journal.append(entries.subList(5, 6)).toCompletableFuture();

        assertThat(repair.requested.get(10, TimeUnit.SECONDS)).isEqualTo(new LostEntries("1-3", "1-4", "1-5", 2));
        assertThat(sixth).as("held until the snapshot is saved").isNotDone();
        assertThat(stream.lastId()).as("nothing written after the gap yet").contains("1-3");
        repair.saved.complete(null);
        sixth.get(10, TimeUnit.SECONDS);
        assertThat(ids()).containsExactly("1-0", "1-1", "1-2", "1-3", "1-6");
        assertThat(journal.lostEntries()).isEqualTo(2);
        assertThat(journal.lastLoss()).map(LostEntries::range).contains("1-4..1-5");
    }

    @Test
    void anAppendRedisNeverAcknowledgedIsAppendedAgainNotCalledLost() throws Exception {
        StreamJournal journal = new StreamJournal(stream, new JournalCodec(), blocking);
        journal.repairLossesWith(repair);
        await(journal.append(entries.subList(0, 3)));

        int port = redis.port();
        redis.stop();
        Await.until("the journal sees its connection drop", Duration.ofSeconds(10), journal::unchecked);
        assertThatThrownBy(() -> await(journal.append(entries.subList(3, 4))))
                .as("its outcome is unknown to the host, which retries it")
                .isInstanceOf(ExecutionException.class);
        redis = EmbeddedRedis.start(dir.resolve("redis"), port, false);
        awaitReconnected();
        await(journal.append(entries.subList(3, 4))); // the host's retry, with the same id

        assertThat(repair.requested).isNotDone();
        assertThat(journal.lostEntries()).isZero();
        assertThat(ids()).containsExactly("1-0", "1-1", "1-2", "1-3", "1-4");
    }

    @Test
    void aLossFoundWhenTheSpillFileIsReplayedIsRepairedBeforeTheReplay() throws Exception {
        try (SpillFile spill = SpillFile.open(dir.resolve("spill.bin"), 1 << 20)) {
            StreamJournal journal = new StreamJournal(
                    stream,
                    new JournalCodec(),
                    blocking,
                    spill,
                    new ScheduledExecutorScheduler(timers, InstantSource.system()),
                    InstantSource.system());
            journal.repairLossesWith(repair);
            await(journal.append(entries.subList(0, 3)));
            await(journal.append(entries.subList(3, 5)));

            int port = redis.port();
            redis.stop();
            AofTail.cutBefore(dir.resolve("redis").resolve(EmbeddedRedis.AOF_FILE), KEY, "1-4");
            await(journal.append(entries.subList(5, 6))); // spilled while Redis is down
            assertThat(journal.degraded()).isTrue();
            redis = EmbeddedRedis.start(dir.resolve("redis"), port, false);

            assertThat(repair.requested.get(20, TimeUnit.SECONDS)).isEqualTo(new LostEntries("1-3", "1-4", "1-5", 2));
            assertThat(stream.lastId())
                    .as("the spill file waits for the snapshot")
                    .contains("1-3");
            repair.saved.complete(null);
            Await.until("the spill file is replayed", Duration.ofSeconds(20), () -> !journal.degraded());
            assertThat(ids()).containsExactly("1-0", "1-1", "1-2", "1-3", "1-6");
        }
    }

    /** Stops Redis, cuts its AOF before {@code firstLost}'s XADD and starts it again on the same port and files. */
    private void restartWithoutEntriesFrom(String firstLost, StreamJournal journal) throws Exception {
        int port = redis.port();
        redis.stop();
        AofTail.cutBefore(dir.resolve("redis").resolve(EmbeddedRedis.AOF_FILE), KEY, firstLost);
        Await.until("the journal sees its connection drop", Duration.ofSeconds(10), journal::unchecked);
        redis = EmbeddedRedis.start(dir.resolve("redis"), port, false);
        awaitReconnected();
    }

    /** Lettuce reconnects by itself, after a delay that grew while Redis was down. */
    private void awaitReconnected() {
        Await.until("the journal's connection is back", Duration.ofSeconds(30), () -> {
            try {
                stream.length();
                return true;
            } catch (JournalUnavailableException e) {
                return false;
            }
        });
    }

    private List<String> ids() {
        List<String> ids = new ArrayList<>();
        stream.read("0-0", 100).forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static void await(CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A repair the test completes by hand, standing for the server's snapshot. */
    private static final class HeldRepair implements StreamJournal.LossRepair {
        final CompletableFuture<LostEntries> requested = new CompletableFuture<>();
        final CompletableFuture<Void> saved = new CompletableFuture<>();

        @Override
        public CompletionStage<?> repair(LostEntries lost) {
            requested.complete(lost);
            return saved;
        }
    }
}
