package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.journal.JournalCodec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redis stops under load and comes back: routing went on, nothing is lost, nothing duplicated, order kept. */
class RedisOutageTest {
    @TempDir
    Path dir;

    /**
     * @param onTheHostsLoop the appends go through a second connection that lives on the host's own event loop and
     *     are made from that loop, as the server makes them; that connection too must find Redis again
     */
    @ParameterizedTest(name = "appends on the host''s loop: {0}")
    @ValueSource(booleans = {false, true})
    void entriesSpilledWhileRedisIsDownReachTheStreamInOrderWhenItIsBack(boolean onTheHostsLoop) throws Exception {
        ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        EventLoopGroup hostLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoop loop = hostLoop.next();
        ClientResources onLoop = RedisClients.onEventLoop(loop).orElseThrow();
        EmbeddedRedis redis = EmbeddedRedis.start(dir.resolve("redis"), 0, false);
        int port = redis.port();
        RedisClient client = RedisClients.create(redis.redisUri(), Duration.ofSeconds(2));
        RedisClient loopClient = RedisClients.create(redis.redisUri(), Duration.ofSeconds(2), onLoop);
        try (SpillFile spill = SpillFile.open(dir.resolve("spill.bin"), 1 << 20)) {
            RedisJournal stream = RedisJournal.open(client, "journal");
            RedisJournal appender = onTheHostsLoop ? RedisJournal.open(loopClient, "journal") : stream;
            stream.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture()
                    .get();
            StreamJournal journal = new StreamJournal(
                    stream,
                    appender,
                    new JournalCodec(),
                    blocking,
                    spill,
                    new ScheduledExecutorScheduler(timers, InstantSource.system()),
                    InstantSource.system());
            List<Journal.Entry> entries = entries(30);

            Appends appends = onTheHostsLoop ? batch -> onLoopThread(loop, journal, batch) : journal::append;

            appends.append(entries.subList(0, 10)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(journal.degraded()).isFalse();

            redis.stop();
            appends.append(entries.subList(10, 20)).toCompletableFuture().get(10, TimeUnit.SECONDS);
            appends.append(entries.subList(20, 25)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(journal.degraded())
                    .as("routing goes on, health degraded")
                    .isTrue();
            assertThat(spill.entries()).hasSize(15);

            redis = EmbeddedRedis.start(dir.resolve("redis"), port, false);
            appends.append(entries.subList(25, 30)).toCompletableFuture().get(5, TimeUnit.SECONDS);
            Await.until("the spill file is replayed", Duration.ofSeconds(20), () -> !journal.degraded());
            // The appends reach Redis directly again (not through the spill file) once their connection is back.
            List<Journal.Entry> more = entries(45).subList(30, 45);
            int sent = 0;
            while (true) {
                if (sent == more.size()) {
                    throw new AssertionError("the appends' connection did not find Redis again");
                }
                appends.append(more.subList(sent, sent + 1))
                        .toCompletableFuture()
                        .get(5, TimeUnit.SECONDS);
                sent++;
                if (!journal.degraded()) {
                    break; // written to the stream, not spilled
                }
                Await.until("the spill file is replayed", Duration.ofSeconds(20), () -> !journal.degraded());
            }
            List<Journal.Entry> after = more.subList(0, sent);

            List<String> ids = new ArrayList<>();
            stream.read("0-0", 100).forEach(e -> ids.add(e.id()));
            List<String> expected = new ArrayList<>(List.of("1-0"));
            entries.forEach(e -> expected.add(e.id()));
            after.forEach(e -> expected.add(e.id()));
            assertThat(ids).containsExactlyElementsOf(expected);
            assertThat(spill.isEmpty()).isTrue();
        } finally {
            loopClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            onLoop.shutdown(0, 2, TimeUnit.SECONDS);
            hostLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            redis.stop();
            timers.shutdownNow();
            blocking.shutdownNow();
        }
    }

    /** How the test appends: from its own thread, or from the host's loop. */
    private interface Appends {
        CompletionStage<Void> append(List<Journal.Entry> batch);
    }

    /** Calls {@code append} on the loop's thread, as the host does, and passes its outcome on. */
    private static CompletionStage<Void> onLoopThread(
            EventLoop loop, StreamJournal journal, List<Journal.Entry> batch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> journal.append(batch).whenComplete((ok, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(null);
            }
        }));
        return done;
    }

    static List<Journal.Entry> entries(int n) {
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
