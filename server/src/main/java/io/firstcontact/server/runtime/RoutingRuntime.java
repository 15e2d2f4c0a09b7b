package io.firstcontact.server.runtime;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.Recovery;
import io.firstcontact.router.host.RoutingHost;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.JournalEntry;
import io.firstcontact.router.journal.redis.DirectoryLock;
import io.firstcontact.router.journal.redis.EmbeddedRedis;
import io.firstcontact.router.journal.redis.JournalUnavailableException;
import io.firstcontact.router.journal.redis.LostEntries;
import io.firstcontact.router.journal.redis.OwnerOnly;
import io.firstcontact.router.journal.redis.RedisClients;
import io.firstcontact.router.journal.redis.RedisJournal;
import io.firstcontact.router.journal.redis.RedisJournalOptions;
import io.firstcontact.router.journal.redis.RoutingLease;
import io.firstcontact.router.journal.redis.SnapshotStore;
import io.firstcontact.router.journal.redis.SpillFile;
import io.firstcontact.router.journal.redis.StreamJournal;
import io.firstcontact.server.config.ServerConfig;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs routing on one node (docs/routing-contract.md §8): Redis (embedded or {@code REDIS_URL}), the routing lease and its epoch,
 * recovery from the latest snapshot and the journal, the host on its engine thread, snapshots with {@code XTRIM
 * MINID}, and the spill file while Redis is unreachable.
 *
 * <p>Start-up order: Redis → lease (waits while another node holds it) → replay of the spill file → snapshot + journal
 * → the epoch's {@code <E>-0} marker → host open → the recovery commands (in-flight offers cancelled, sessions marked
 * lost so that advisors come back only if their desktop re-attaches) → {@link RuntimeState#OPEN}.
 */
public final class RoutingRuntime implements RoutingPort, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoutingRuntime.class);
    private static final int READ_PAGE = 1_000;
    /** The data directory's lock file, held for the server's life. */
    static final String LOCK_FILE = "server.lock";

    private final ServerConfig config;
    private final RedisJournalOptions journalOptions;
    private final Vertx vertx;
    private final InstantSource clock;
    private final HostObserver observer;
    private final JournalCodec codec;
    private final String nodeId;
    /** The port's subscribers: edges that hand each entry off at once (channel adapters, the event streams). */
    private final CopyOnWriteArrayList<EffectSink> listeners = new CopyOnWriteArrayList<>();
    /** The views the server folds from each entry on this thread (read model, statistics, desks), after the edges. */
    private final CopyOnWriteArrayList<EffectSink> folds = new CopyOnWriteArrayList<>();

    private final CopyOnWriteArrayList<RecoveryListener> recoveryListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<SnapshotCompanion> companions = new CopyOnWriteArrayList<>();
    private final EngineLoop engineThread;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();

    private volatile RuntimeState state = RuntimeState.STARTING;
    private DirectoryLock dataDirLock;
    private EmbeddedRedis embedded;
    private RedisClient client;
    /** The client whose connection (the journal's appends) lives on the engine's loop; null if it cannot. */
    private RedisClient engineClient;

    private ClientResources engineResources;
    private RedisJournal appender;
    private StatefulRedisConnection<String, String> leaseConnection;
    private RoutingLease lease;
    private RedisJournal stream;
    private SnapshotStore snapshots;
    private SpillFile spill;
    private StreamJournal journal;
    private volatile RoutingEngine engine;
    private volatile RoutingHost host;
    private volatile long epoch;
    private volatile boolean redisReachable = true;
    private long leaseTimer = -1;

    // Engine-thread state for snapshots.
    private long committedSinceSnapshot;
    private long lastSnapshotAt;
    private EngineSnapshot heldSnapshot;
    private boolean snapshotting;

    /** Held while a snapshot is saved: saves never overlap, and an older snapshot never replaces a newer one. */
    private final Object snapshotSaves = new Object();

    private String previousSnapshotId;
    private long savedSnapshotSeq = -1;

    /**
     * Hears about recovery: {@code recovering} once Redis answers and before anything is read, {@code restored} once
     * when there is a snapshot, {@code replayed} for each journal entry re-applied after it, then {@code recovered}
     * once.
     */
    public interface RecoveryListener {
        /**
         * Redis answers ({@link #redisClient()}) and nothing has been read yet: a listener that keeps its own snapshot
         * beside the journal (the statistics) loads it now. Called on the starting thread.
         */
        default void recovering() {}

        /**
         * The engine was restored from the latest snapshot (not called when recovery starts from an empty journal).
         * The journal before the snapshot may be trimmed: what a listener needs of that time is in {@code snapshot}.
         *
         * @param snapshot the snapshot, as decoded from Redis
         * @param engine the engine restored from it, before any entry is replayed
         */
        default void restored(EngineSnapshot snapshot, RoutingEngine engine) {}

        void replayed(EngineInput input, Decision decision);

        default void recovered(RoutingEngine engine) {}
    }

    private volatile UnaryOperator<Command> intake = UnaryOperator.identity();

    public RoutingRuntime(ServerConfig config, Vertx vertx, InstantSource clock, HostObserver observer) {
        this.config = Objects.requireNonNull(config);
        this.journalOptions = new RedisJournalOptions(
                config.redis().keyPrefix(),
                config.redis().commandTimeout(),
                config.journal().spillMaxBytes(),
                config.redis().embeddedPort());
        this.vertx = Objects.requireNonNull(vertx);
        this.clock = Objects.requireNonNull(clock);
        this.observer = Objects.requireNonNull(observer);
        this.nodeId = config.lease().nodeId() != null ? config.lease().nodeId() : persistedNodeId(config.dataDir());
        this.codec = new JournalCodec(JournalKeys.load(config));
        this.engineThread = EngineLoop.deploy(vertx);
    }

    /**
     * This node's id, kept in the data directory so that a restart after a crash takes its own lease over at once
     * (with a new epoch) instead of waiting for it to expire.
     */
    private static String persistedNodeId(Path dataDir) {
        Path file = dataDir.resolve("node-id");
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            OwnerOnly.directory(dataDir);
            String id = "node-" + UUID.randomUUID().toString().substring(0, 8);
            Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
            OwnerOnly.file(file);
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or write " + file + ": " + e.getMessage(), e);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    public RuntimeState state() {
        return state;
    }

    public long epoch() {
        return epoch;
    }

    /** Entries are waiting in the spill file for Redis. */
    public boolean degraded() {
        StreamJournal j = journal;
        return j != null && j.degraded();
    }

    public boolean redisReachable() {
        return redisReachable;
    }

    /** Journal entries Redis acknowledged and then lost, since this node started (a snapshot covers each loss). */
    public long lostEntries() {
        StreamJournal j = journal;
        return j == null ? 0 : j.lostEntries();
    }

    /** The latest loss of acknowledged entries, if Redis ever lost any since this node started. */
    public Optional<LostEntries> lastLoss() {
        StreamJournal j = journal;
        return j == null ? Optional.empty() : j.lastLoss();
    }

    /** The embedded redis-server, or null when an external one is used. */
    public EmbeddedRedis embeddedRedis() {
        return embedded;
    }

    public RedisClient redisClient() {
        return client;
    }

    public JournalCodec codec() {
        return codec;
    }

    /** The journal stream (for reads: the event stream's catch-up, traces). */
    public RedisJournal stream() {
        return stream;
    }

    /**
     * Lets deadlines fire: call once recovery's own commands are submitted (docs/routing-contract.md §8), so that the
     * deadlines that fell due while the router was away come after them.
     */
    public void openDeadlines() {
        host.start();
    }

    /** Registers for recovery callbacks; call before {@link #start()}. */
    public void onRecovery(RecoveryListener listener) {
        recoveryListeners.add(listener);
    }

    /**
     * What a listener keeps beside the journal and must save with each engine snapshot, before it: the journal is
     * trimmed after snapshots, so state a listener cannot rebuild from the engine's snapshot (the statistics' history
     * of the day) must be saved at least as far as the snapshot reaches.
     */
    public interface SnapshotCompanion {
        /**
         * Called on the engine thread when a snapshot is about to be saved, with every entry up to it committed and
         * handed to the listeners: captures what to save and returns the save, which runs off the engine thread before
         * the engine's snapshot is saved. If the save throws, that snapshot is not saved (and the journal not trimmed).
         * (A snapshot that covers entries Redis lost is saved at once, with the batch in flight not yet committed; it
         * is saved again, with what the companions hold then, once that batch is.)
         */
        Runnable capture();
    }

    /** Registers a companion of the snapshots; call before {@link #start()}. */
    public void withSnapshots(SnapshotCompanion companion) {
        companions.add(companion);
    }

    // ------------------------------------------------------------------ start-up

    /** Starts and recovers; blocks until routing is open (or throws). */
    public void start() {
        Path dataDir = OwnerOnly.directory(config.dataDir());
        OwnerOnly.tree(dataDir); // what an earlier version wrote for everyone to read
        // Two servers on one data directory would share its spill file (and its embedded Redis): never.
        dataDirLock = DirectoryLock.take(dataDir.resolve(LOCK_FILE), "data directory " + dataDir);
        connectRedis();
        acquireLease();
        state = RuntimeState.RECOVERING;
        openJournal();
        recover();
        state = RuntimeState.OPEN;
        LOG.info("routing open: node {} epoch {}, {} entries in the journal", nodeId, epoch, engine.lastSeq());
    }

    private void connectRedis() {
        RedisURI uri;
        String url = config.redis().url();
        if (url == null) {
            embedded = EmbeddedRedis.start(config.dataDir().resolve("redis"), journalOptions.embeddedPort(), true);
            uri = embedded.redisUri();
            LOG.info(
                    "embedded redis-server {} on port {} ({})",
                    embedded.version(),
                    embedded.port(),
                    embedded.reused() ? "reused the one left running" : "started");
        } else {
            uri = RedisURI.create(url);
            LOG.info("external Redis at {}:{}", uri.getHost(), uri.getPort());
        }
        client = RedisClients.create(uri, journalOptions.commandTimeout());
        leaseConnection = client.connect();
        if (url != null) {
            String info = leaseConnection.sync().info("server");
            String version = info.lines()
                    .filter(l -> l.startsWith("redis_version:"))
                    .map(l -> l.substring("redis_version:".length()).strip())
                    .findFirst()
                    .orElse("0");
            requireRedis62(version);
        }
        lease = new RoutingLease(leaseConnection, journalOptions.leaseKey());
        stream = RedisJournal.open(client, journalOptions.journalKey());
        engineResources =
                RedisClients.onEventLoop(engineThread.nettyEventLoop()).orElse(null);
        if (engineResources != null) {
            engineClient = RedisClients.create(uri, journalOptions.commandTimeout(), engineResources);
            appender = RedisJournal.open(engineClient, stream.key());
        } else {
            LOG.info("the journal's appends use Redis' own I/O thread (a native transport cannot share the engine's)");
            appender = stream;
        }
        snapshots = SnapshotStore.open(client, journalOptions.snapshotKey());
    }

    static void requireRedis62(String version) {
        String[] parts = version.split("\\.");
        int major = parse(parts, 0);
        int minor = parse(parts, 1);
        if (major < 6 || (major == 6 && minor < 2)) {
            throw new IllegalStateException(
                    "Redis " + version + " is too old: FirstContact needs Redis or Valkey 6.2+");
        }
    }

    private static int parse(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void acquireLease() {
        Duration ttl = config.lease().ttl();
        boolean told = false;
        while (true) {
            OptionalLong acquired = lease.takeOver(nodeId, ttl);
            if (acquired.isPresent()) {
                epoch = acquired.getAsLong();
                break;
            }
            if (!told) {
                state = RuntimeState.WAITING_FOR_LEASE;
                LOG.warn(
                        "the routing lease is held by {}: waiting to take over",
                        lease.holder().orElse("another node"));
                told = true;
            }
            sleep(ttl.toMillis() / 3);
            if (state == RuntimeState.STOPPING) {
                throw new IllegalStateException("stopped while waiting for the routing lease");
            }
        }
        long every = Math.max(1, ttl.toMillis() / 3);
        leaseTimer = vertx.setPeriodic(every, id -> blocking.execute(this::renewLease));
    }

    private void renewLease() {
        if (state != RuntimeState.OPEN && state != RuntimeState.RECOVERING) {
            return;
        }
        try {
            if (!lease.renew(nodeId, config.lease().ttl(), epoch)) {
                LOG.error("the routing lease was lost (another node took it): this node stops routing");
                depose();
            }
            if (!redisReachable) {
                LOG.info("Redis answers again");
            }
            redisReachable = true;
            StreamJournal j = journal;
            if (j != null) {
                j.checkSoon(); // a Redis that restarted without its last entries is repaired even while routing
                // is quiet
            }
        } catch (RuntimeException e) { // Lettuce's own, or the lease's JournalUnavailableException around it
            if (redisReachable) {
                LOG.warn("Redis unreachable: routing continues, entries spill to the local file ({})", e.getMessage());
            }
            redisReachable = false;
        }
    }

    private void openJournal() {
        Path spillFile = config.dataDir().resolve("spill").resolve("journal.spill");
        try {
            OwnerOnly.directory(spillFile.getParent());
            spill = SpillFile.open(spillFile, journalOptions.spillMaxBytes());
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot open the spill file " + spillFile + ": " + e.getMessage(), e);
        }
        journal = new StreamJournal(stream, appender, codec, blocking, spill, new VertxScheduler(vertx, clock), clock);
        journal.repairLossesWith(this::coverLoss);
        if (!spill.isEmpty()) {
            LOG.warn(
                    "replaying {} entries spilled while Redis was unreachable",
                    spill.entries().size());
        }
        journal.drainNow();
    }

    private void recover() {
        long t0 = System.nanoTime();
        for (RecoveryListener l : recoveryListeners) {
            l.recovering();
        }
        Optional<SnapshotStore.Stored> stored = snapshots.load();
        EngineSnapshot snapshot =
                stored.map(s -> codec.decodeSnapshot(s.payload())).orElse(null);
        Recovery recovery = Recovery.from(snapshot);
        RoutingEngine restored = recovery.engine();
        if (snapshot != null) {
            for (RecoveryListener l : recoveryListeners) {
                l.restored(snapshot, restored);
            }
        }
        String from = stored.map(SnapshotStore.Stored::entryId).orElse("0-0");
        previousSnapshotId = stored.map(SnapshotStore.Stored::entryId).orElse(null);
        long replayed = 0;
        while (true) {
            List<RedisJournal.Entry> page = stream.read(from, READ_PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (RedisJournal.Entry e : page) {
                from = e.id();
                if (e.seq() == 0) {
                    continue; // <epoch>-0 marks where an epoch started
                }
                JournalEntry entry = codec.decodeEntry(e.payload());
                if (entry.input().seq() <= restored.lastSeq()) {
                    continue;
                }
                recovery.apply(new Journal.Entry(entry.input(), entry.decision()));
                for (RecoveryListener l : recoveryListeners) {
                    l.replayed(entry.input(), entry.decision());
                }
                replayed++;
            }
        }
        engine = restored;
        codec.personal().follow(restored.config());
        for (RecoveryListener l : recoveryListeners) {
            l.recovered(restored);
        }
        String marker = "{\"node\":\"" + nodeId + "\",\"startedAt\":\"" + Instant.ofEpochMilli(clock.millis()) + "\"}";
        await(stream.appendEpochStart(epoch, marker.getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture());
        lastSnapshotAt = clock.millis();
        host = new RoutingHost(
                engine,
                journal,
                clock,
                engineThread,
                new VertxScheduler(vertx, clock),
                this::committed,
                new DeposingObserver(observer),
                epoch);
        LOG.info(
                "recovered {} entries after {} in {} ms",
                replayed,
                stored.isPresent() ? "the snapshot at " + stored.get().entryId() : "an empty start",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static final String CONFIGURE_ROUTING = Command.ConfigureRouting.class.getSimpleName();

    /**
     * Observes deposition to change state, and configuration changes to classify attributes for the journal anew
     * (personal ones are sealed), then passes everything on.
     */
    private final class DeposingObserver implements HostObserver {
        private final HostObserver next;

        DeposingObserver(HostObserver next) {
            this.next = next;
        }

        @Override
        public void sequenced(long nanos) {
            next.sequenced(nanos);
        }

        @Override
        public void decided(String inputType, long nanos) {
            if (CONFIGURE_ROUTING.equals(inputType)) {
                // On the engine thread, before the batch holding it is written: what follows is classified anew.
                codec.personal().follow(engine.config());
            }
            next.decided(inputType, nanos);
        }

        @Override
        public void committed(int batchSize, long nanos) {
            next.committed(batchSize, nanos);
        }

        @Override
        public void sentBehind(int batchSize) {
            next.sentBehind(batchSize);
        }

        @Override
        public void deadlineLateness(long millis) {
            next.deadlineLateness(millis);
        }

        @Override
        public void deposed(String reason) {
            if (state != RuntimeState.STOPPING && state != RuntimeState.STOPPED) {
                state = RuntimeState.DEPOSED;
                LOG.error("this node no longer leads routing ({}); restart it to stand by for the lease", reason);
            }
            next.deposed(reason);
        }

        @Override
        public void journalFailed(Throwable cause) {
            next.journalFailed(cause);
        }
    }

    private void depose() {
        RoutingHost h = host;
        if (h != null) {
            h.stop();
        }
        state = RuntimeState.DEPOSED;
    }

    // ------------------------------------------------------------------ gateway

    @Override
    public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        RoutingHost h = host;
        if (state != RuntimeState.OPEN || h == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("routing is not open (" + state + ")"));
        }
        return h.submit(source, idempotencyKey, intake.apply(command));
    }

    /**
     * Shapes every command submitted from now on before it is sequenced, whichever edge sent it (the account context
     * adds a caller's preferred advisor to their queueing). What it returns is what is journaled. It runs on the
     * submitter's thread, so it must be cheap and never block.
     */
    public void intake(UnaryOperator<Command> shape) {
        this.intake = Objects.requireNonNull(shape, "shape");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each entry goes to these edges before the server's {@link #fold folds}: an offer leaves for the phone or the
     * event stream without waiting for the read model, the statistics and the desks to take it in. What an edge asks
     * of those afterwards (a {@link #query} or a task {@link #onEngineThread on this thread}) runs after them.
     */
    @Override
    public Subscription subscribe(EffectSink listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * Registers a view the server keeps from every committed entry, on the engine thread, in journal order: called for
     * each entry after the port's subscribers, in the order registered, so a view may read the views registered before
     * it (the desks read the read model).
     */
    public Subscription fold(EffectSink view) {
        folds.add(view);
        return () -> folds.remove(view);
    }

    /**
     * Runs a read on the engine thread, between inputs: what it sees includes decisions applied but possibly not yet
     * committed (at most the batches in flight).
     */
    public <T> CompletableFuture<T> query(Function<RoutingEngine, T> read) {
        RoutingEngine e = engine;
        if (e == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("routing is not open (" + state + ")"));
        }
        return CompletableFuture.supplyAsync(() -> read.apply(e), engineThread);
    }

    /** The engine: only for code running on the engine thread (a listener, a {@link #query}). */
    public RoutingEngine engineOnThread() {
        return engine;
    }

    /**
     * A context on each event loop but the engine's, for the public listener: its connections' reads and writes (a
     * thousand wallboards' among them) then never wait in line with routing's decisions and commits.
     */
    public java.util.List<io.vertx.core.Context> contextsApartFromEngine() {
        return engineThread.apart();
    }

    /** Runs a task on the engine thread (where the listeners' state lives). */
    public void onEngineThread(Runnable task) {
        engineThread.execute(task);
    }

    private static void deliver(List<EffectSink> sinks, String what, EngineInput input, Decision decision) {
        for (EffectSink sink : sinks) {
            try {
                sink.committed(input, decision);
            } catch (RuntimeException e) {
                LOG.error("{} failed on entry {}", what, input.entryId(), e);
            }
        }
    }

    private void committed(EngineInput input, Decision decision) {
        deliver(listeners, "a listener", input, decision);
        deliver(folds, "a view", input, decision);
        maybeSnapshot(input);
    }

    // ------------------------------------------------------------------ snapshots

    /**
     * Takes a snapshot every N entries or M minutes. The engine may be ahead of what is committed (the batch in
     * flight), so the snapshot taken now is held and saved only once its last entry is committed.
     */
    private void maybeSnapshot(EngineInput committedInput) {
        committedSinceSnapshot++;
        if (heldSnapshot != null && committedInput.seq() >= heldSnapshot.lastSeq() && !snapshotting) {
            EngineSnapshot ready = heldSnapshot;
            heldSnapshot = null;
            snapshotting = true;
            String id = epoch + "-" + ready.lastSeq();
            List<Runnable> saves = captureCompanions();
            blocking.execute(() -> saveSnapshot(ready, id, saves));
            return;
        }
        if (heldSnapshot == null && !snapshotting) {
            boolean enough = committedSinceSnapshot >= config.journal().snapshotEveryEntries();
            boolean old = committedSinceSnapshot > 0
                    && clock.millis() - lastSnapshotAt
                            >= config.journal().snapshotEvery().toMillis();
            if (enough || old) {
                heldSnapshot = engine.snapshot();
                committedSinceSnapshot = 0;
                lastSnapshotAt = clock.millis();
            }
        }
    }

    /** On the engine thread: what each companion will save with the snapshot. */
    private List<Runnable> captureCompanions() {
        List<Runnable> saves = new java.util.ArrayList<>();
        for (SnapshotCompanion c : companions) {
            saves.add(c.capture());
        }
        return saves;
    }

    private void saveSnapshot(EngineSnapshot snapshot, String id, List<Runnable> companionSaves) {
        try {
            store(snapshot, id, companionSaves);
        } catch (JournalUnavailableException | RedisException e) {
            LOG.warn("snapshot at {} not saved (Redis unreachable); the next one will try again", id);
        } catch (RuntimeException e) {
            LOG.warn(
                    "snapshot at {} not saved: what is saved with it failed ({}); the next one will try again",
                    id,
                    e.getMessage());
        } finally {
            engineThread.execute(() -> snapshotting = false);
        }
    }

    /**
     * Saves a snapshot, what its companions keep first, then trims the journal before the previous one. A snapshot
     * older than the one saved is dropped: one that covers lost entries may have been saved meanwhile.
     */
    private void store(EngineSnapshot snapshot, String id, List<Runnable> companionSaves) {
        synchronized (snapshotSaves) {
            if (snapshot.lastSeq() < savedSnapshotSeq) {
                return;
            }
            companionSaves.forEach(Runnable::run);
            snapshots.save(new SnapshotStore.Stored(id, codec.encodeSnapshot(snapshot)));
            savedSnapshotSeq = snapshot.lastSeq();
            if (previousSnapshotId != null) {
                long removed = stream.trimTo(previousSnapshotId);
                LOG.info("snapshot at {}; trimmed {} journal entries before {}", id, removed, previousSnapshotId);
            } else {
                LOG.info("snapshot at {}", id);
            }
            previousSnapshotId = id;
        }
    }

    /**
     * Redis lost entries it had acknowledged (it restarted from an AOF without its last second): the journal holds
     * back what it would write next until this completes. Without a repair the next entries would stand after a gap,
     * and recovery, re-deciding them without the lost ones, would stop the next start. So a snapshot of the engine as
     * it is now — it still holds the lost entries' effects — is saved, and recovery starts after it.
     *
     * <p>The engine may be ahead of what is committed (the batch the journal holds back): the snapshot includes those
     * decisions, as it would after a crash just past their commit, and their effects still leave only once they are
     * committed. The companions (the statistics) reach only as far as what is committed; the same snapshot is saved
     * again with them once that is all committed, so only a crash in between leaves their figures short of it.
     */
    private CompletionStage<Void> coverLoss(LostEntries lost) {
        CompletableFuture<Void> saved = new CompletableFuture<>();
        engineThread.execute(() -> {
            RoutingEngine e = engine;
            RoutingHost h = host;
            if (e == null || h == null || h.deposed()) {
                saved.completeExceptionally(new IllegalStateException("routing is not open: no engine to snapshot"));
                return;
            }
            EngineSnapshot now = e.snapshot();
            String id = epoch + "-" + now.lastSeq();
            List<Runnable> saves = captureCompanions();
            heldSnapshot = now; // saved again, with the companions, once committed through it
            committedSinceSnapshot = 0;
            lastSnapshotAt = clock.millis();
            blocking.execute(() -> {
                try {
                    store(now, id, saves);
                    LOG.warn(
                            "the snapshot at {} covers the journal entries Redis lost ({}): a restart recovers from it",
                            id,
                            lost.range());
                    saved.complete(null);
                } catch (RuntimeException ex) {
                    saved.completeExceptionally(ex);
                }
            });
        });
        return saved;
    }

    // ------------------------------------------------------------------ stop

    /** Graceful stop: intake closed, what is pending committed (or spilled), lease released, Redis stopped. */
    @Override
    public void close() {
        RuntimeState was = state;
        state = RuntimeState.STOPPING;
        if (leaseTimer >= 0) {
            vertx.cancelTimer(leaseTimer);
        }
        RoutingHost h = host;
        if (h != null && was == RuntimeState.OPEN) {
            try {
                awaitIdle();
            } catch (Exception e) {
                LOG.warn("stopping: pending entries may not all be committed ({})", e.toString());
            }
            h.stop();
        }
        CompletableFuture<Void> quiet = new CompletableFuture<>();
        engineThread.execute(() -> quiet.complete(null)); // after the host's stop
        try {
            quiet.get(5, TimeUnit.SECONDS);
            engineThread.undeploy().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("the engine's event loop did not stop cleanly", e);
        }
        if (lease != null && was != RuntimeState.DEPOSED) {
            try {
                lease.release(nodeId);
            } catch (RuntimeException e) { // Redis down: Lettuce's own, or the lease's JournalUnavailableException
                LOG.warn(
                        "could not release the routing lease (Redis does not answer); it expires by itself in {}",
                        config.lease().ttl());
            }
        }
        if (appender != stream) {
            closeQuietly(appender);
        }
        closeQuietly(stream);
        closeQuietly(snapshots);
        closeQuietly(spill);
        closeQuietly(leaseConnection);
        if (engineClient != null) {
            closeQuietly(() -> engineClient.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        }
        if (engineResources != null) {
            closeQuietly(() -> engineResources.shutdown(0, 2, TimeUnit.SECONDS));
        }
        if (client != null) {
            closeQuietly(() -> client.shutdown(Duration.ZERO, Duration.ofSeconds(2)));
        }
        blocking.shutdown();
        if (embedded != null) {
            embedded.stop();
        }
        if (dataDirLock != null) {
            dataDirLock.release();
        }
        state = RuntimeState.STOPPED;
        LOG.info("routing stopped");
    }

    /** Waits until the host has nothing pending: a no-op command is committed after everything before it. */
    private void awaitIdle() throws Exception {
        RoutingHost h = host;
        if (h == null || h.deposed()) {
            return;
        }
        h.flushed().get(10, TimeUnit.SECONDS);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the routing lease", e);
        }
    }

    private static void await(CompletableFuture<Void> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the journal: " + e.getMessage(), e);
        }
    }
}
