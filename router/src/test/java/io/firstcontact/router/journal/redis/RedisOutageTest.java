package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.EngineInput;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.engine.command.Command;
import io.firstcontact.router.engine.command.QueueRequest;
import io.firstcontact.router.engine.model.Attributes;
import io.firstcontact.router.engine.model.Direction;
import io.firstcontact.router.host.Journal;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.journal.JournalCodec;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Redis stops under load and comes back: routing went on, nothing is lost, nothing duplicated, order kept. */
class RedisOutageTest {
    @TempDir
    Path dir;

    @Test
    void entriesSpilledWhileRedisIsDownReachTheStreamInOrderWhenItIsBack() throws Exception {
        ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("redis"), 0, false);
        int port = redis.port();
        RedisClient client = RedisClients.create(redis.redisUri(), Duration.ofSeconds(2));
        try (SpillFile spill = SpillFile.open(dir.resolve("spill.bin"), 1 << 20)) {
            RedisJournal stream = RedisJournal.open(client, "journal");
            stream.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture()
                    .get();
            StreamJournal journal = new StreamJournal(
                    stream,
                    new JournalCodec(),
                    blocking,
                    spill,
                    new ScheduledExecutorScheduler(timers, InstantSource.system()),
                    InstantSource.system());
            List<Journal.Entry> entries = entries(30);

            journal.append(entries.subList(0, 10)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(journal.degraded()).isFalse();

            redis.stop();
            journal.append(entries.subList(10, 20)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            journal.append(entries.subList(20, 25)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(journal.degraded())
                    .as("routing goes on, health degraded")
                    .isTrue();
            assertThat(spill.entries()).hasSize(15);

            redis = EmbeddedRedis.start(dir.resolve("redis"), port, false);
            journal.append(entries.subList(25, 30)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            Await.until("the spill file is replayed", Duration.ofSeconds(20), () -> !journal.degraded());

            List<String> ids = new ArrayList<>();
            stream.read("0-0", 100).forEach(e -> ids.add(e.id()));
            List<String> expected = new ArrayList<>(List.of("1-0"));
            entries.forEach(e -> expected.add(e.id()));
            assertThat(ids).containsExactlyElementsOf(expected);
            assertThat(spill.isEmpty()).isTrue();
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            redis.stop();
            timers.shutdownNow();
            blocking.shutdownNow();
        }
    }

    private static List<Journal.Entry> entries(int n) {
        RoutingEngine engine = RoutingEngine.create();
        List<Journal.Entry> out = new ArrayList<>();
        for (int s = 1; s <= n; s++) {
            Command c = s == 1
                    ? new Command.ConfigureRouting(Centres.small())
                    : new Command.CreateInteraction(
                            "c" + s,
                            "voice",
                            Direction.INBOUND,
                            "voice:c" + s,
                            null,
                            null,
                            Attributes.NONE,
                            QueueRequest.to("billing"));
            EngineInput in = new EngineInput(1, s, 1_700_000_000_000L + s, "test", null, c);
            out.add(new Journal.Entry(in, engine.apply(in)));
        }
        return out;
    }
}
