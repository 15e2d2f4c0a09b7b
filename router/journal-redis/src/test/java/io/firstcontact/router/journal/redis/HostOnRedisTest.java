package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.port.DeposedException;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.Recovery;
import io.firstcontact.router.host.RoutingHost;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.journal.JournalCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The host committing to a real redis-server: recovery from the stream, fencing of a deposed leader. */
class HostOnRedisTest {
    @TempDir
    static Path dir;

    static RedisTestServer server;
    final JournalCodec codec = new JournalCodec();
    final ExecutorService engineThread = Executors.newSingleThreadExecutor();
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeAll
    static void start() {
        server = RedisTestServer.start(dir.resolve("redis"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void shutdown() {
        engineThread.shutdownNow();
        timers.shutdownNow();
        blocking.shutdownNow();
    }

    private RoutingHost host(RoutingEngine engine, RedisJournal stream, long epoch, List<Decision> released) {
        RoutingHost host = new RoutingHost(
                engine,
                new StreamJournal(stream, codec, blocking),
                InstantSource.system(),
                engineThread,
                new ScheduledExecutorScheduler(timers, InstantSource.system()),
                (in, d) -> released.add(d),
                HostObserver.NONE,
                epoch);
        host.start();
        return host;
    }

    private static Decision commit(RoutingHost host, Command c) throws Exception {
        return host.submit("test", null, c).get(5, TimeUnit.SECONDS);
    }

    private static Command call(String id) {
        return new Command.CreateInteraction(
                id, "voice", Direction.INBOUND, "voice:" + id, null, null, Attributes.NONE, QueueRequest.to("billing"));
    }

    private RoutingEngine recover(RedisJournal stream) {
        Recovery recovery = Recovery.from(null);
        String from = "0-0";
        while (true) {
            List<RedisJournal.Entry> page = stream.read(from, 100);
            if (page.isEmpty()) {
                return recovery.engine();
            }
            for (RedisJournal.Entry e : page) {
                if (e.seq() > 0) { // <epoch>-0 marks an epoch's start
                    var entry = codec.decodeEntry(e.payload());
                    recovery.apply(new Journal.Entry(entry.input(), entry.decision()));
                }
                from = e.id();
            }
        }
    }

    /** Epoch 1's first entries, decided by a fresh engine: the configuration, then {@code calls} calls. */
    private static List<Journal.Entry> decided(int calls) {
        RoutingEngine engine = RoutingEngine.create();
        List<Command> commands = new ArrayList<>(List.of(new Command.ConfigureRouting(Centres.small())));
        for (int c = 1; c <= calls; c++) {
            commands.add(call("x" + c));
        }
        List<Journal.Entry> entries = new ArrayList<>();
        long seq = 0;
        for (Command c : commands) {
            var in = new io.firstcontact.router.api.EngineInput(1, ++seq, 1_700_000_000_000L, "test", null, c);
            entries.add(new Journal.Entry(in, engine.apply(in)));
        }
        return entries;
    }

    private static String stateOnEngineThread(ExecutorService thread, RoutingEngine engine)
            throws InterruptedException, ExecutionException {
        return CompletableFuture.supplyAsync(engine::stateHash, thread).get();
    }

    @Test
    void aRestartRebuildsExactlyTheCommittedStateFromTheStream(TestInfo test) throws Exception {
        RedisJournal stream = RedisJournal.open(
                server.client, "journal:" + test.getDisplayName().hashCode());
        stream.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture()
                .get();
        RoutingEngine engine = RoutingEngine.create();
        List<Decision> released = new ArrayList<>();
        RoutingHost host = host(engine, stream, 1, released);
        commit(host, new Command.ConfigureRouting(Centres.small()));
        for (int a = 0; a < 5; a++) {
            commit(host, new Command.DefineAgent("a" + a, List.of(new SkillLevel("billing", 3 + a)), "council", "all"));
            commit(host, new Command.LogIn("a" + a, true, Actor.agent("a" + a)));
        }
        List<CompletableFuture<Decision>> calls = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            calls.add(host.submit("test", null, call("c" + c))); // many in flight: group commits
        }
        for (CompletableFuture<Decision> f : calls) {
            for (Effect e : f.get(5, TimeUnit.SECONDS).effects()) {
                if (e instanceof Effect.OfferToAgent o) {
                    commit(host, new Command.AcceptOffer(o.offerId(), Actor.agent(o.agentId())));
                }
            }
        }
        String live = stateOnEngineThread(engineThread, engine);
        assertThat(released).hasSize((int) engine.lastSeq());
        assertThat(recover(stream).stateHash()).isEqualTo(live);
        assertThat(stream.length()).isEqualTo(engine.lastSeq() + 1);
    }

    @Test
    void aDeposedLeaderCannotCommitASingleEntry(TestInfo test) throws Exception {
        RedisJournal stream = RedisJournal.open(
                server.client, "journal:" + test.getDisplayName().hashCode());
        try (var connection = server.connect()) {
            RoutingLease lease = new RoutingLease(
                    connection, "lease:" + test.getDisplayName().hashCode());
            long first = lease.acquire("node-a", Duration.ofSeconds(30)).orElseThrow();
            stream.appendEpochStart(first, "a".getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture()
                    .get();
            List<Decision> released = new ArrayList<>();
            RoutingEngine engine = RoutingEngine.create();
            RoutingHost old = host(engine, stream, first, released);
            commit(old, new Command.ConfigureRouting(Centres.small()));
            long length = stream.length();
            // node-a's lease lapses; node-b takes over with a new epoch and marks it in the journal.
            assertThat(lease.release("node-a")).isTrue();
            long second = lease.acquire("node-b", Duration.ofSeconds(30)).orElseThrow();
            assertThat(second).isGreaterThan(first);
            stream.appendEpochStart(second, "b".getBytes(StandardCharsets.UTF_8))
                    .toCompletableFuture()
                    .get();
            int before = released.size();
            CompletableFuture<Decision> refused = old.submit("test", null, new Command.OpenQueue("billing"));
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DeposedException.class);
            assertThat(old.deposed()).isTrue();
            assertThat(released).hasSize(before);
            assertThat(stream.length()).isEqualTo(length + 1); // only node-b's epoch marker was added
            assertThat(stream.lastId()).contains(second + "-0");
        }
    }

    @Test
    void aRetriedAppendWhoseFirstTryLandedIsNotMistakenForFencing(TestInfo test) throws Exception {
        RedisJournal stream = RedisJournal.open(
                server.client, "journal:" + test.getDisplayName().hashCode());
        stream.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture()
                .get();
        List<Journal.Entry> entries = decided(3);
        StreamJournal journal = new StreamJournal(stream, codec, blocking);
        journal.append(entries.subList(0, 2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        // The same two again (a lost reply), then two written and two new in one retry.
        journal.append(entries.subList(0, 2)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        journal.append(entries).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(stream.length()).isEqualTo(5);
        assertThat(stream.lastId()).contains("1-4");
    }

    @Test
    void aBatchGoesBehindTheOneInFlightOnlyWhileTheStreamNeedsNoComparison(TestInfo test) throws Exception {
        RedisJournal stream = RedisJournal.open(
                server.client, "journal:" + test.getDisplayName().hashCode());
        stream.appendEpochStart(1, "epoch 1".getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture()
                .get();
        List<Journal.Entry> entries = decided(4);
        StreamJournal journal = new StreamJournal(stream, codec, blocking);
        var first = journal.append(entries.subList(0, 2));
        var behind = journal.appendBehind(entries.subList(2, 3)).orElseThrow();
        first.toCompletableFuture().get(5, TimeUnit.SECONDS);
        behind.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(stream.lastId()).contains("1-3");

        // Behind an entry the stream does not hold: refused, nothing written, and no comparison asked for.
        var overtaking = journal.appendBehind(entries.subList(4, 5)).orElseThrow();
        assertThatThrownBy(() -> overtaking.toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RedisJournal.NotBehindException.class);
        assertThat(stream.lastId()).contains("1-3");
        assertThat(journal.unchecked()).isFalse();

        // The connection drops: Redis may have come back as another process, so nothing goes behind until the
        // stream is compared again, which the next append does first.
        try (var admin = server.connect()) {
            admin.sync()
                    .clientKill(io.lettuce.core.KillArgs.Builder.typeNormal().skipme());
        }
        Await.until("the drop to be seen", Duration.ofSeconds(5), journal::unchecked);
        assertThat(journal.appendBehind(entries.subList(3, 4))).isEmpty();
        Await.until("an append once Lettuce has reconnected", Duration.ofSeconds(10), () -> {
            try {
                journal.append(entries.subList(3, 4)).toCompletableFuture().get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false; // rejected while reconnecting, as the host's retry would find it
            }
        });
        assertThat(journal.unchecked()).isFalse();
        journal.appendBehind(entries.subList(4, 5))
                .orElseThrow()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(stream.read("1-0", 10))
                .extracting(RedisJournal.Entry::id)
                .containsExactly("1-1", "1-2", "1-3", "1-4", "1-5");
    }
}
