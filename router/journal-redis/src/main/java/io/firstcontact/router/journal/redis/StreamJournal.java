package io.firstcontact.router.journal.redis;

import static io.firstcontact.router.journal.redis.RedisJournal.unwrap;

import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.Scheduler;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.JournalEntry;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's journal on a Redis Stream: each entry is its input and decision in the journal's JSON form under the id
 * {@code <epoch>-<seq>}.
 *
 * <p>An append whose outcome was unknown (a timeout) is retried by the host with the same ids. If the first try had
 * in fact been written, Redis refuses the retry exactly as it refuses a deposed leader. So before calling a refusal
 * fencing, this reads back what stands at those ids: the same payloads mean the batch (or a prefix of it, the rest
 * is then appended) is already there; anything else — a newer epoch's entries — means this node is fenced.
 *
 * <p><b>Entries Redis lost.</b> Redis writes its AOF with {@code appendfsync everysec}: killed, it may come back
 * without the last second of entries it had acknowledged, and would then accept the next ids as if nothing were
 * missing, leaving a gap that a later recovery cannot replay across. So after any of its connections dropped (or an
 * append failed), the first append, and the spill file's replay, wait until the stream's last id has been compared
 * with the last id Redis acknowledged here ({@link AcknowledgedIds}). A shorter stream lost entries: they are
 * reported ({@link LostEntries}, a warning, {@link #lostEntries()}) and the {@link LossRepair} saves a snapshot that
 * covers them before anything more is written. An append whose outcome was unknown is not acknowledged, so finding it
 * missing is no loss: it is simply appended again with the same ids.
 */
public final class StreamJournal implements Journal {
    /** How long to wait before trying Redis again while entries are spilled. */
    static final long DRAIN_RETRY_MILLIS = 500;
    /** A spill this small is drained holding the lock, so that nothing can slip in behind it. */
    static final int FINAL_DRAIN = 512;

    private static final long DRAIN_TIMEOUT_SECONDS = 10;
    private static final long REPAIR_TIMEOUT_SECONDS = 30;
    private static final System.Logger LOG = System.getLogger(StreamJournal.class.getName());

    /**
     * Makes good a loss before the journal writes anything more: saves a snapshot of the engine that includes the lost
     * entries (the engine in memory still holds their effects), so that recovery starts after them.
     */
    @FunctionalInterface
    public interface LossRepair {
        /** Completes once the covering snapshot is saved; fails if it could not be (the journal asks again later). */
        CompletionStage<?> repair(LostEntries lost);
    }

    private final RedisJournal stream;
    /** Where the host's own appends go (the stream itself unless a connection on the host's loop is given). */
    private final RedisJournal appender;

    private final JournalCodec codec;
    private final Executor blocking;
    private final SpillFile spill;
    private final Scheduler retry;
    private final InstantSource clock;
    private final Object lock = new Object();
    private volatile boolean degraded;
    private boolean drainQueued;

    private final AcknowledgedIds acknowledged = new AcknowledgedIds();
    /** Held while the stream is compared with what was acknowledged (never the lock the host's appends take). */
    private final Object checkLock = new Object();
    /** A connection dropped, or an append failed, since the stream was last compared: Redis may have restarted. */
    private volatile boolean unchecked;

    private volatile LossRepair repair = lost -> CompletableFuture.completedFuture(null);
    private final AtomicLong lost = new AtomicLong();
    private volatile LostEntries lastLoss;

    /**
     * A journal without a spill file: while Redis is unreachable, appends fail and the host holds its effects.
     *
     * @param blocking runs the read-back (a blocking call), never on Redis' own I/O threads
     */
    public StreamJournal(RedisJournal stream, JournalCodec codec, Executor blocking) {
        this(stream, stream, codec, blocking, null, null, null);
    }

    /**
     * A journal that keeps routing while Redis is unreachable (docs/routing-contract.md §8 "Redis down"): a batch Redis cannot
     * take is written to the bounded spill file (fsynced) and counts as committed; from then on every batch goes
     * behind it in the file, so order is kept, and the file is replayed into the stream with the same ids as soon
     * as Redis answers again. The loss window is the spill file's: a batch is acknowledged only once fsynced.
     */
    public StreamJournal(
            RedisJournal stream,
            JournalCodec codec,
            Executor blocking,
            SpillFile spill,
            Scheduler retry,
            InstantSource clock) {
        this(stream, stream, codec, blocking, spill, retry, clock);
    }

    /**
     * As above, with the host's appends written through {@code appender}: a connection to the same stream whose I/O
     * runs on the host's own event loop ({@link RedisClients#onEventLoop}), so that a commit crosses no thread. Every
     * call that waits for Redis (the spill's replay, the read-back after a refusal) uses {@code stream}, whose
     * replies are read on other threads: a thread never waits for a reply that only it could read.
     */
    public StreamJournal(
            RedisJournal stream,
            RedisJournal appender,
            JournalCodec codec,
            Executor blocking,
            SpillFile spill,
            Scheduler retry,
            InstantSource clock) {
        this.stream = Objects.requireNonNull(stream);
        this.appender = Objects.requireNonNull(appender);
        this.codec = Objects.requireNonNull(codec);
        this.blocking = Objects.requireNonNull(blocking);
        this.spill = spill;
        this.retry = retry;
        this.clock = clock;
        if (spill != null) {
            Objects.requireNonNull(retry, "retry");
            Objects.requireNonNull(clock, "clock");
            this.degraded = !spill.isEmpty(); // left over from a crash while Redis was down
        }
        stream.onDisconnect(() -> unchecked = true);
        if (appender != stream) {
            appender.onDisconnect(() -> unchecked = true);
        }
    }

    /**
     * What repairs a loss (by default nothing: the loss is only reported). Set it before the first append; the server
     * saves a snapshot of its engine.
     */
    public void repairLossesWith(LossRepair repair) {
        this.repair = Objects.requireNonNull(repair, "repair");
    }

    /** How many acknowledged entries Redis was found to have lost since this journal opened. */
    public long lostEntries() {
        return lost.get();
    }

    /** Whether a connection dropped (or an append failed) since the stream was last compared with what was acknowledged. */
    boolean unchecked() {
        return unchecked;
    }

    /** The latest loss found, if any. */
    public Optional<LostEntries> lastLoss() {
        return Optional.ofNullable(lastLoss);
    }

    /**
     * Compares the stream with what Redis acknowledged now, off the caller's thread, if a connection dropped since the
     * last comparison: call when Redis answers again, so that a loss is repaired even before routing's next entry.
     */
    public void checkSoon() {
        if (!unchecked) {
            return;
        }
        try {
            blocking.execute(() -> {
                try {
                    check();
                } catch (RuntimeException e) {
                    // Compared again before the next append.
                }
            });
        } catch (RejectedExecutionException e) {
            // Stopping.
        }
    }

    /**
     * If a connection dropped since the last comparison: compares the stream's last id with the last id Redis
     * acknowledged here and, when the stream is shorter, reports the loss and waits for its repair. Runs on a thread
     * that may wait, never holding {@link #lock} (the repair needs the engine's thread, which may be waiting for it).
     *
     * @throws JournalUnavailableException if Redis cannot be asked or the repair failed: compared again next time
     */
    private void check() {
        if (!unchecked) {
            return;
        }
        synchronized (checkLock) {
            if (!unchecked) {
                return;
            }
            unchecked = false; // before reading: a drop during the comparison asks for another
            try {
                StreamId top = stream.lastId().map(StreamId::parse).orElse(StreamId.NONE);
                Optional<LostEntries> found = acknowledged.lostAbove(top);
                if (found.isPresent()) {
                    repair(found.get());
                }
            } catch (RuntimeException e) {
                unchecked = true;
                throw e instanceof JournalUnavailableException u
                        ? u
                        : new JournalUnavailableException("cannot compare the journal with what Redis acknowledged", e);
            }
        }
    }

    private void repair(LostEntries found) {
        if (!found.equals(lastLoss)) {
            lastLoss = found;
            lost.addAndGet(found.count());
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Redis lost " + found.count() + (found.count() == 1 ? " journal entry" : " journal entries")
                            + " it had acknowledged (" + found.range()
                            + "; its stream now ends at " + found.streamTop() + "): it restarted from an AOF without"
                            + " its last writes (appendfsync everysec). Routing goes on from the engine in memory,"
                            + " which holds them; a snapshot covering them is saved before anything more is written."
                            + " The facts of those entries are gone from the journal: whatever reads them back from"
                            + " Redis (the event stream's catch-up, decision traces) will not find them");
        }
        try {
            repair.repair(found).toCompletableFuture().get(REPAIR_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalUnavailableException("interrupted while repairing lost entries " + found.range(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new JournalUnavailableException(
                    "the snapshot covering the lost entries " + found.range() + " was not saved; trying again",
                    unwrap(e.getCause() != null ? e.getCause() : e));
        }
        acknowledged.covered();
    }

    /** Whether entries are waiting in the spill file for Redis: health reports degraded. */
    public boolean degraded() {
        return degraded;
    }

    /**
     * Replays what the spill file holds into the stream and waits for it: call before recovery reads the stream.
     *
     * @throws JournalUnavailableException if Redis cannot take them now
     */
    public void drainNow() {
        if (spill == null) {
            return;
        }
        synchronized (lock) {
            List<RedisJournal.Entry> pending = spill.entries();
            if (!pending.isEmpty()) {
                await(append(pending, true));
                clearSpill();
            }
            degraded = false;
        }
    }

    @Override
    public CompletionStage<Void> append(List<Entry> batch) {
        List<RedisJournal.Entry> encoded = encode(batch);
        if (spill == null) {
            return appendChecked(encoded);
        }
        synchronized (lock) {
            if (degraded) {
                return spillNow(encoded, null); // behind what is already spilled
            }
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        appendChecked(encoded).whenComplete((ok, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                result.complete(null);
            } else if (cause instanceof JournalUnavailableException) {
                blocking.execute(() -> {
                    synchronized (lock) {
                        relay(spillNow(encoded, cause), result);
                    }
                });
            } else {
                result.completeExceptionally(cause);
            }
        });
        return result;
    }

    /**
     * Sends a batch behind the host's appends in flight, on the same connection, written only if the entry before it
     * is ({@link RedisJournal#appendBehind}). Declined while the stream is to be compared with what was acknowledged
     * or entries are spilled: those appends take paths off the host's connection, which a batch behind them could
     * overtake. A failure here is never spilled or reconciled: the host appends the batch again through
     * {@link #append}, after the batches before it.
     */
    @Override
    public Optional<CompletionStage<Void>> appendBehind(List<Entry> batch) {
        if (unchecked || degraded || batch.isEmpty()) {
            return Optional.empty();
        }
        List<RedisJournal.Entry> encoded = encode(batch);
        RedisJournal.Entry first = encoded.getFirst();
        String previous = first.epoch() + "-" + (first.seq() - 1);
        CompletableFuture<Void> written = new CompletableFuture<>();
        relay(appender.appendBehind(previous, encoded), written);
        return Optional.of(acknowledging(encoded, written));
    }

    private List<RedisJournal.Entry> encode(List<Entry> batch) {
        List<RedisJournal.Entry> encoded = new ArrayList<>(batch.size());
        for (Entry e : batch) {
            encoded.add(new RedisJournal.Entry(
                    e.input().epoch(), e.input().seq(), codec.encodeEntry(JournalEntry.of(e.input(), e.decision()))));
        }
        return encoded;
    }

    /** The host's append: straight through its connection, unless the stream must first be compared (off its thread). */
    private CompletionStage<Void> appendChecked(List<RedisJournal.Entry> encoded) {
        if (!unchecked) {
            return append(appender, encoded, true);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            blocking.execute(() -> {
                try {
                    check();
                } catch (RuntimeException e) {
                    result.completeExceptionally(e); // unavailable: spilled, or retried by the host
                    return;
                }
                relay(append(appender, encoded, true), result);
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new JournalUnavailableException("the journal is stopping", e));
        }
        return result;
    }

    /** Writes a batch to the spill file (holding the lock); fails with {@code cause} if it does not fit. */
    private CompletionStage<Void> spillNow(List<RedisJournal.Entry> encoded, Throwable cause) {
        try {
            spill.append(encoded);
        } catch (IOException | SpillFile.SpillFullException e) {
            Throwable failure = cause != null ? cause : e;
            if (cause != null) {
                cause.addSuppressed(e);
            }
            return CompletableFuture.failedFuture(failure);
        }
        degraded = true;
        queueDrain();
        return CompletableFuture.completedFuture(null);
    }

    private void queueDrain() {
        if (!drainQueued) {
            drainQueued = true;
            retry.at(clock.millis() + DRAIN_RETRY_MILLIS, () -> {
                try {
                    blocking.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    // Stopping: the spill file keeps what it holds, and the next start replays it.
                }
            });
        }
    }

    /**
     * Replays the spill file into the stream; tries again later while Redis cannot take it. The replay runs without
     * the lock, so routing keeps spilling behind it even while Redis is slow to fail; only the short tail that arrived
     * meanwhile is replayed holding the lock (Redis has just answered), so nothing can slip in behind it.
     */
    private void drain() {
        synchronized (lock) {
            drainQueued = false;
        }
        try {
            while (true) {
                check(); // a Redis that came back without its last entries is repaired before the replay
                List<RedisJournal.Entry> pending;
                synchronized (lock) {
                    pending = spill.entries();
                    if (pending.isEmpty()) {
                        degraded = false;
                        return;
                    }
                }
                await(append(pending, true)); // entries already replayed are recognised by the read-back
                synchronized (lock) {
                    List<RedisJournal.Entry> all = spill.entries();
                    List<RedisJournal.Entry> rest = all.subList(pending.size(), all.size());
                    if (rest.size() <= FINAL_DRAIN) {
                        if (unchecked) {
                            continue; // dropped meanwhile: compared again (without the lock) first
                        }
                        if (!rest.isEmpty()) {
                            await(append(rest, true));
                        }
                        clearSpill();
                        degraded = false;
                        return;
                    }
                }
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                queueDrain();
            }
        }
    }

    private void clearSpill() {
        try {
            spill.clear();
        } catch (IOException e) {
            throw new JournalUnavailableException("cannot clear the spill file after replaying it", e);
        }
    }

    private static void await(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(DRAIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalUnavailableException("interrupted while replaying the spill file", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = unwrap(e.getCause() != null ? e.getCause() : e);
            throw cause instanceof RuntimeException r
                    ? r
                    : new JournalUnavailableException("replaying the spill file failed", cause);
        }
    }

    /** A replay or a retry, from a thread that may wait for it: on the stream's own connection. */
    private CompletionStage<Void> append(List<RedisJournal.Entry> encoded, boolean mayReconcile) {
        return append(stream, encoded, mayReconcile);
    }

    private CompletionStage<Void> append(RedisJournal through, List<RedisJournal.Entry> encoded, boolean mayReconcile) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        appendOnce(through, encoded, mayReconcile, written);
        return acknowledging(encoded, written);
    }

    /**
     * The append's outcome once Redis answered {@code written}: the entries count as acknowledged, or, when the outcome
     * is unknown (a timeout, a lost connection), the stream is to be compared again before anything more is written.
     */
    private CompletionStage<Void> acknowledging(List<RedisJournal.Entry> encoded, CompletableFuture<Void> written) {
        CompletableFuture<Void> result = written.thenRun(() -> acknowledged.acknowledged(encoded));
        written.exceptionally(failure -> {
            if (unwrap(failure) instanceof JournalUnavailableException) {
                unchecked = true; // Redis may come back as another process
            }
            return null;
        });
        return result;
    }

    private void appendOnce(
            RedisJournal through,
            List<RedisJournal.Entry> encoded,
            boolean mayReconcile,
            CompletableFuture<Void> result) {
        through.append(encoded).whenComplete((ok, failure) -> {
            Throwable cause = unwrap(failure);
            if (cause == null) {
                result.complete(null);
            } else if (cause instanceof io.firstcontact.router.journal.redis.FencedException && mayReconcile) {
                // (The simple name would mean Journal.FencedException, inherited from the port.)
                blocking.execute(() -> reconcile(encoded, result));
            } else if (cause instanceof io.firstcontact.router.journal.redis.FencedException fenced) {
                result.completeExceptionally(new Journal.FencedException(fenced.getMessage()));
            } else {
                result.completeExceptionally(cause);
            }
        });
    }

    private void reconcile(List<RedisJournal.Entry> encoded, CompletableFuture<Void> result) {
        try {
            RedisJournal.Entry first = encoded.getFirst();
            List<RedisJournal.Entry> present = stream.read(first.epoch() + "-" + (first.seq() - 1), encoded.size() + 1);
            int written = 0;
            while (written < encoded.size()
                    && written < present.size()
                    && present.get(written).equals(encoded.get(written))) {
                written++;
            }
            if (written == encoded.size()) {
                result.complete(null); // the first try was written; its reply was lost
            } else if (written > 0 && written == present.size()) {
                relay(append(encoded.subList(written, encoded.size()), false), result);
            } else {
                String found = present.size() > written
                        ? present.get(written).id()
                        : stream.lastId().orElse("none");
                result.completeExceptionally(new Journal.FencedException(
                        "entry " + encoded.get(written).id() + " refused: the journal holds " + found
                                + " (a newer epoch started)"));
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static void relay(CompletionStage<Void> stage, CompletableFuture<Void> into) {
        stage.whenComplete((ok, failure) -> {
            if (failure == null) {
                into.complete(null);
            } else {
                into.completeExceptionally(unwrap(failure));
            }
        });
    }
}
