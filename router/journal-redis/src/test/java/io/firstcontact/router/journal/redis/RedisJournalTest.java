package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.journal.redis.RedisJournal.Entry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class RedisJournalTest {

    @TempDir
    static Path dir;

    static RedisTestServer server;

    @BeforeAll
    static void start() {
        server = RedisTestServer.start(dir.resolve("redis"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RedisJournal journal(TestInfo test) {
        return RedisJournal.open(
                server.client, "test:" + test.getTestMethod().orElseThrow().getName());
    }

    private static Entry entry(long epoch, long seq) {
        return new Entry(epoch, seq, ("input " + epoch + "-" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static List<Entry> entries(long epoch, long fromSeq, int count) {
        List<Entry> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(entry(epoch, fromSeq + i));
        }
        return batch;
    }

    private static void await(java.util.concurrent.CompletionStage<Void> append) throws Exception {
        append.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    /** The exception an append completed with. */
    private static Throwable failureOf(java.util.concurrent.CompletionStage<Void> append) {
        try {
            append.toCompletableFuture().join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the append succeeded");
    }

    @Test
    void a_batch_of_one_and_a_batch_of_500_read_back_in_order_with_their_explicit_ids(TestInfo test) throws Exception {
        try (RedisJournal journal = journal(test)) {
            assertThat(journal.lastId()).isEmpty();
            await(journal.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8)));
            await(journal.append(List.of(entry(1, 1))));
            List<Entry> big = entries(1, 2, 500);
            await(journal.append(big));

            assertThat(journal.length()).isEqualTo(502);
            assertThat(journal.lastId()).contains("1-501");
            List<Entry> all = journal.read("0-0", 1000);
            assertThat(all).hasSize(502);
            assertThat(all.get(0).id()).isEqualTo("1-0");
            assertThat(all.get(0).payload()).asString(StandardCharsets.UTF_8).isEqualTo("epoch 1");
            assertThat(all.get(1)).isEqualTo(entry(1, 1));
            assertThat(all.subList(2, 502)).containsExactlyElementsOf(big);

            // exclusive start, and a count
            assertThat(journal.read("1-1", 3)).containsExactly(entry(1, 2), entry(1, 3), entry(1, 4));
            assertThat(journal.read("1-501", 10)).isEmpty();
        }
    }

    @Test
    void a_batch_is_written_by_the_scripts_digest_and_still_when_redis_forgot_the_script(TestInfo test)
            throws Exception {
        try (RedisJournal journal = journal(test);
                var admin = server.client.connect()) {
            await(journal.append(entries(1, 1, 3))); // loads the script (EVAL after NOSCRIPT, or EVALSHA)
            await(journal.append(entries(1, 4, 3))); // by its digest
            admin.sync().scriptFlush(); // as after a restart of Redis
            await(journal.append(entries(1, 7, 3)));
            assertThat(journal.read("0-0", 100)).containsExactlyElementsOf(entries(1, 1, 9));
            // A fenced batch is still refused whole after the reload.
            admin.sync().scriptFlush();
            assertThat(failureOf(journal.append(entries(1, 9, 2)))).isInstanceOf(FencedException.class);
            assertThat(journal.length()).isEqualTo(9);
        }
    }

    @Test
    void binary_payloads_survive_the_round_trip(TestInfo test) throws Exception {
        byte[] payload = new byte[256];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        try (RedisJournal journal = journal(test)) {
            await(journal.append(List.of(new Entry(3, 7, payload))));
            assertThat(journal.read("0-0", 10)).containsExactly(new Entry(3, 7, payload));
        }
    }

    @Test
    void after_an_epoch_starts_an_older_epochs_batch_is_fenced_and_nothing_of_it_is_written(TestInfo test)
            throws Exception {
        try (RedisJournal journal = journal(test)) {
            await(journal.append(entries(1, 1, 3)));
            await(journal.appendEpochStart(2, new byte[] {2}));

            Throwable failure = failureOf(journal.append(entries(1, 4, 50)));

            assertThat(failure)
                    .isInstanceOf(FencedException.class)
                    .hasMessageContaining(
                            "ERR The ID specified in XADD is equal or smaller than the target stream top item");
            assertThat(((FencedException) failure).refusedId()).isEqualTo("1-4");
            assertThat(journal.length()).isEqualTo(4);
            assertThat(journal.lastId()).contains("2-0");
            assertThat(journal.read("0-0", 100)).extracting(Entry::id).containsExactly("1-1", "1-2", "1-3", "2-0");

            // the new epoch goes on
            await(journal.append(entries(2, 1, 2)));
            assertThat(journal.lastId()).contains("2-2");
        }
    }

    @Test
    void a_deposed_process_cannot_append_a_single_entry_once_the_new_epoch_started(TestInfo test) throws Exception {
        try (RedisJournal oldLeader = journal(test);
                RedisJournal newLeader = journal(test)) {
            await(oldLeader.appendEpochStart(1, new byte[] {1}));
            await(oldLeader.append(entries(1, 1, 10)));

            await(newLeader.appendEpochStart(2, new byte[] {2}));

            assertThat(failureOf(oldLeader.append(List.of(entry(1, 11))))).isInstanceOf(FencedException.class);
            // even an id far ahead in its own epoch is below the new epoch
            assertThat(failureOf(oldLeader.append(List.of(entry(1, Long.MAX_VALUE)))))
                    .isInstanceOf(FencedException.class);
            // and it cannot restart the current epoch either
            assertThat(failureOf(oldLeader.appendEpochStart(2, new byte[] {1}))).isInstanceOf(FencedException.class);
            assertThat(newLeader.read("1-10", 10)).extracting(Entry::id).containsExactly("2-0");
        }
    }

    @Test
    void a_batch_sent_behind_another_is_written_only_after_it(TestInfo test) throws Exception {
        try (RedisJournal journal = journal(test);
                var admin = server.client.connect()) {
            await(journal.appendEpochStart(1, new byte[] {1}));
            // Pipelined on one connection, in order: the second follows the first's last entry.
            var first = journal.append(entries(1, 1, 3));
            var second = journal.appendBehind("1-3", entries(1, 4, 2));
            var third = journal.appendBehind("1-5", List.of(entry(1, 6)));
            await(first);
            await(second);
            await(third);
            assertThat(journal.read("1-0", 100)).containsExactlyElementsOf(entries(1, 1, 6));

            // Behind an entry that is not there (the batch before it failed, or has not arrived): nothing written.
            assertThat(failureOf(journal.appendBehind("1-8", entries(1, 9, 2))))
                    .isInstanceOf(RedisJournal.NotBehindException.class)
                    .hasMessageContaining("1-8");
            assertThat(journal.length()).isEqualTo(7);

            // Redis forgot the scripts (a restart): loaded again, still checked.
            admin.sync().scriptFlush();
            await(journal.appendBehind("1-6", List.of(entry(1, 7))));
            admin.sync().scriptFlush();
            assertThat(failureOf(journal.appendBehind("1-9", List.of(entry(1, 10)))))
                    .isInstanceOf(RedisJournal.NotBehindException.class);

            // A newer epoch: the entry before is there, the ids are refused as fenced, nothing written.
            await(journal.appendEpochStart(2, new byte[] {2}));
            assertThat(failureOf(journal.appendBehind("1-7", List.of(entry(1, 8)))))
                    .isInstanceOf(FencedException.class);
            assertThat(journal.read("1-7", 10)).extracting(Entry::id).containsExactly("2-0");
        }
    }

    @Test
    void a_batch_must_ascend(TestInfo test) {
        try (RedisJournal journal = journal(test)) {
            assertThatThrownBy(() -> journal.append(List.of(entry(1, 2), entry(1, 2))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> journal.append(List.of(entry(2, 1), entry(1, 9))))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Entry(0, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
            assertThat(journal.length()).isZero();
        }
    }

    @Test
    void trim_by_minid_removes_older_entries_and_keeps_the_last_id(TestInfo test) throws Exception {
        try (RedisJournal journal = journal(test)) {
            await(journal.append(entries(1, 1, 10)));
            await(journal.appendEpochStart(2, new byte[0]));
            await(journal.append(entries(2, 1, 5)));

            assertThat(journal.trimTo("1-8")).isEqualTo(7);
            assertThat(journal.read("0-0", 100).get(0).id()).isEqualTo("1-8");
            assertThat(journal.trimTo("2-0")).isEqualTo(3);
            assertThat(journal.length()).isEqualTo(6);
            assertThat(journal.trimTo("2-0")).isZero();

            assertThat(journal.trimTo("3-0")).isEqualTo(6);
            assertThat(journal.length()).isZero();
            // the stream remembers its last id, so epoch 2 stays fenced below it
            assertThat(journal.lastId()).contains("2-5");
            assertThat(failureOf(journal.append(List.of(entry(2, 5))))).isInstanceOf(FencedException.class);
        }
    }

    @Test
    void a_stopped_server_makes_the_journal_unavailable_not_fenced(@TempDir Path own) throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(own, 0, false);
        io.lettuce.core.RedisClient client = RedisClients.create(redis.redisUri(), Duration.ofSeconds(2));
        try (RedisJournal journal = RedisJournal.open(client, "test:down")) {
            await(journal.append(entries(1, 1, 2)));
            redis.stop();
            Throwable failure = failureOf(journal.append(entries(1, 3, 2)));
            assertThat(failure).isInstanceOf(JournalUnavailableException.class);
            assertThatThrownBy(journal::length).isInstanceOf(JournalUnavailableException.class);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            redis.stop();
        }
    }

    @Test
    void a_journal_on_a_borrowed_event_loop_is_acknowledged_on_that_loop_which_outlives_the_client(TestInfo test)
            throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            EventLoop loop = group.next();
            ClientResources resources = RedisClients.onEventLoop(loop).orElseThrow();
            RedisClient client = RedisClients.create(server.uri(), Duration.ofSeconds(5), resources);
            try (RedisJournal onLoop = RedisJournal.open(
                    client, "test:" + test.getTestMethod().orElseThrow().getName())) {
                // Written from the loop, as the host writes: the reply is read and completes on the same thread.
                CompletableFuture<Boolean> acknowledgedOnLoop = new CompletableFuture<>();
                loop.execute(() -> onLoop.append(entries(1, 1, 3)).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        acknowledgedOnLoop.completeExceptionally(failure);
                    } else {
                        acknowledgedOnLoop.complete(loop.inEventLoop());
                    }
                }));
                assertThat(acknowledgedOnLoop.get(5, TimeUnit.SECONDS)).isTrue();
                assertThat(onLoop.read("0-0", 10)).containsExactlyElementsOf(entries(1, 1, 3));
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
                resources.shutdown(0, 2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
            }
            assertThat(loop.isShuttingDown()).isFalse();
            assertThat(loop.submit(() -> "still running").get(5, TimeUnit.SECONDS))
                    .isEqualTo("still running");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }
}
