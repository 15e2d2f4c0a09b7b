package io.firstcontact.router.host;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.DeposedException;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.Scheduler;
import io.firstcontact.router.engine.RoutingEngine;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Hosts the routing engine: {@code sequencer (epoch, seq, at) → engine → committer → effects}.
 *
 * <ul>
 *   <li>Every command is stamped on the engine's own thread with the next sequence number and
 *       {@code at = max(last at, clock)}, so engine time never runs backwards.
 *   <li>Decisions are committed to the journal in <em>group commits</em>: whatever was decided meanwhile goes in the
 *       next one; there is no fixed interval. While a batch is being written the next is sent behind it at once when
 *       the journal can keep them in order ({@link Journal#appendBehind}; up to
 *       {@link HostOptions#maxBatchesInFlight()} in flight), so an input need not wait for the write before its own.
 *   <li>Effects leave (and callers are answered) only after the batch holding their input is committed, in sequence
 *       order.
 *   <li>The engine's next deadline is kept on one timer set for its exact instant; when it fires, a sequenced
 *       {@code DeadlinesDue} input is applied and its lateness measured. A cancelled deadline simply moves the timer.
 *   <li>A journal that refuses an append because a newer epoch started deposes this host: it applies nothing more,
 *       releases nothing more and fails every waiting caller with {@link DeposedException}. Other journal failures
 *       are retried with the same entry ids, effects held back meanwhile.
 * </ul>
 *
 * <p>All state is confined to {@code engineThread}, which must run tasks one at a time in order.
 */
public final class RoutingHost {
    private final RoutingEngine engine;
    private final Journal journal;
    private final InstantSource clock;
    private final Executor engineThread;
    private final Scheduler scheduler;
    private final EffectSink sink;
    private final HostObserver observer;
    private final long epoch;
    private final HostOptions options;

    private long seq;
    private long lastAt;
    private final ArrayList<Pending> pending = new ArrayList<>();
    private final ArrayList<CompletableFuture<Void>> barriers = new ArrayList<>();
    /** Batches sent to the journal and not yet released, oldest first. */
    private final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
    /** A batch in flight failed: nothing more is sent until all have settled and are queued again. */
    private boolean settling;

    private boolean flushQueued;
    private boolean retryQueued;
    private volatile boolean deposed;
    private long timerAt = Decision.NO_DEADLINE;
    /** Deadlines fire only once started: recovery's own commands come before the deadlines that fell due meanwhile. */
    private boolean deadlinesOn;

    private Scheduler.Cancellable timer;

    private record Pending(EngineInput input, Decision decision, CompletableFuture<Decision> reply) {}

    /** A batch sent to the journal; {@code behind} when it was sent behind another still in flight. */
    private static final class InFlight {
        final List<Pending> pendings;
        final long t0;
        final boolean behind;
        boolean done;
        Throwable error;

        InFlight(List<Pending> pendings, long t0, boolean behind) {
            this.pendings = pendings;
            this.t0 = t0;
            this.behind = behind;
        }
    }

    /** A host with the {@link HostOptions#DEFAULT default options}. */
    public RoutingHost(
            RoutingEngine engine,
            Journal journal,
            InstantSource clock,
            Executor engineThread,
            Scheduler scheduler,
            EffectSink sink,
            HostObserver observer,
            long epoch) {
        this(engine, journal, clock, engineThread, scheduler, sink, observer, epoch, HostOptions.DEFAULT);
    }

    /**
     * @param engine the engine, recovered to the journal's last entry
     * @param epoch this leadership's epoch (the journal must already hold its {@code <epoch>-0} marker)
     * @param options the host's settings
     */
    public RoutingHost(
            RoutingEngine engine,
            Journal journal,
            InstantSource clock,
            Executor engineThread,
            Scheduler scheduler,
            EffectSink sink,
            HostObserver observer,
            long epoch,
            HostOptions options) {
        this.engine = Objects.requireNonNull(engine);
        this.journal = Objects.requireNonNull(journal);
        this.clock = Objects.requireNonNull(clock);
        this.engineThread = Objects.requireNonNull(engineThread);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.sink = Objects.requireNonNull(sink);
        this.observer = Objects.requireNonNull(observer);
        this.epoch = epoch;
        this.options = Objects.requireNonNull(options);
        this.seq = engine.lastSeq();
        this.lastAt = engine.lastAt();
    }

    /**
     * Arms the deadline timer. Until then the host sequences and commits what it is given but fires no deadline, so
     * that what recovery resolves (offers in flight cancelled, sessions to re-attach) is decided before the deadlines
     * that fell due while the router was away — an offer that rang through an outage is cancelled, not timed out.
     * Call once, when recovery's own commands are submitted.
     */
    public void start() {
        engineThread.execute(() -> {
            deadlinesOn = true;
            rearm(engine.nextDeadline());
        });
    }

    /**
     * Sequences a command. The future completes with the engine's decision once it is committed, or fails with
     * {@link DeposedException} if this host stepped down first.
     */
    public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        CompletableFuture<Decision> reply = new CompletableFuture<>();
        long submitted = System.nanoTime();
        engineThread.execute(() -> {
            observer.sequenced(System.nanoTime() - submitted);
            apply(source, idempotencyKey, command, reply, -1);
        });
        return reply;
    }

    /**
     * Completes once everything sequenced before this call is committed (or fails when the host steps down first):
     * a graceful stop waits for it.
     */
    public CompletableFuture<Void> flushed() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        engineThread.execute(() -> {
            if (deposed) {
                done.completeExceptionally(new DeposedException("this node no longer leads routing"));
            } else if (pending.isEmpty() && inFlight.isEmpty()) {
                done.complete(null);
            } else {
                barriers.add(done);
            }
        });
        return done;
    }

    public boolean deposed() {
        return deposed;
    }

    /** Stops the timer and fails whatever is not committed yet; the journal keeps what was. */
    public void stop() {
        engineThread.execute(() -> stepDown("stopped"));
    }

    private void apply(String source, String key, Command command, CompletableFuture<Decision> reply, long due) {
        if (deposed) {
            reply.completeExceptionally(new DeposedException("this node no longer leads routing"));
            return;
        }
        long at = Math.max(lastAt, clock.millis());
        if (due >= 0) {
            at = Math.max(at, due); // a deadline input is never stamped before its instant
        }
        EngineInput input = new EngineInput(epoch, seq + 1, at, source, key, command);
        long t0 = System.nanoTime();
        Decision decision;
        try {
            decision = engine.apply(input);
        } catch (RuntimeException e) {
            // A bug, not bad input (records refuse that at construction): the state can no longer be trusted.
            reply.completeExceptionally(e);
            stepDown("engine failed on " + command.type() + ": " + e);
            return;
        }
        seq = input.seq();
        lastAt = at;
        observer.decided(command.type(), System.nanoTime() - t0);
        if (due >= 0) {
            observer.deadlineLateness(at - due);
        }
        pending.add(new Pending(input, decision, reply));
        rearm(decision.nextDeadlineAt());
        queueFlush();
    }

    /** Flushes after the tasks already queued on the engine thread: they join this batch. */
    private void queueFlush() {
        if (!flushQueued && !settling && inFlight.size() < options.maxBatchesInFlight()) {
            flushQueued = true;
            engineThread.execute(this::flush);
        }
    }

    /**
     * Sends what is pending as one batch: through {@link Journal#append} when nothing is in flight, else behind the
     * batches in flight if the journal can keep them in order ({@link Journal#appendBehind}); otherwise it waits for
     * them.
     */
    private void flush() {
        flushQueued = false;
        if (pending.isEmpty() || deposed || settling || inFlight.size() >= options.maxBatchesInFlight()) {
            return;
        }
        List<Journal.Entry> entries = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            entries.add(new Journal.Entry(p.input(), p.decision()));
        }
        boolean behind = !inFlight.isEmpty();
        long t0 = System.nanoTime();
        CompletionStage<Void> sent;
        if (behind) {
            Optional<CompletionStage<Void>> taken = journal.appendBehind(entries);
            if (taken.isEmpty()) {
                return; // sent once the batches in flight are acknowledged
            }
            sent = taken.get();
        } else {
            sent = journal.append(entries);
        }
        InFlight batch = new InFlight(List.copyOf(pending), t0, behind);
        if (behind) {
            observer.sentBehind(batch.pendings.size());
        }
        pending.clear();
        inFlight.addLast(batch);
        sent.whenComplete((ok, error) -> engineThread.execute(() -> settled(batch, error)));
    }

    /**
     * A batch's append completed. Batches are released strictly in order: a batch acknowledged before the one ahead
     * of it waits for it. A failure holds everything behind it until every batch in flight has settled; then the
     * failed batch and all behind it are appended again in order, with the same ids.
     */
    private void settled(InFlight batch, Throwable error) {
        if (deposed) {
            inFlight.remove(batch);
            fail(batch.pendings);
            return;
        }
        batch.done = true;
        batch.error = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (batch.error != null) {
            settling = true;
        }
        while (!inFlight.isEmpty() && inFlight.peekFirst().done && inFlight.peekFirst().error == null) {
            InFlight head = inFlight.removeFirst();
            observer.committed(head.pendings.size(), System.nanoTime() - head.t0);
            for (Pending p : head.pendings) {
                sink.committed(p.input(), p.decision());
                p.reply().complete(p.decision());
            }
        }
        if (settling) {
            retryAfterFailure();
            return;
        }
        if (pending.isEmpty() && inFlight.isEmpty() && !barriers.isEmpty()) {
            barriers.forEach(b -> b.complete(null));
            barriers.clear();
        }
        queueFlush();
    }

    /** Once every batch in flight has settled: steps down if fenced, else queues them all again, in order. */
    private void retryAfterFailure() {
        for (InFlight f : inFlight) {
            if (!f.done) {
                return; // the failed batch waits for those sent behind it
            }
        }
        InFlight failed = inFlight.getFirst();
        if (failed.error instanceof Journal.FencedException && !failed.behind) {
            stepDown("fenced: " + failed.error.getMessage()); // deposed before any caller hears of it
            for (InFlight f : inFlight) {
                fail(f.pendings);
            }
            inFlight.clear();
            return;
        }
        List<Pending> again = new ArrayList<>();
        for (InFlight f : inFlight) {
            again.addAll(f.pendings);
        }
        inFlight.clear();
        settling = false;
        pending.addAll(0, again); // same ids again: the journal's append is idempotent per id
        if (failed.behind) {
            // Sent behind a batch that was not written (or overtook it): not the journal's failure, so at once, alone.
            queueFlush();
            return;
        }
        observer.journalFailed(failed.error);
        if (!retryQueued) {
            retryQueued = true;
            scheduler.at(
                    clock.millis() + options.appendRetryDelay().toMillis(),
                    () -> engineThread.execute(() -> {
                        retryQueued = false;
                        flush();
                    }));
        }
    }

    private void rearm(long next) {
        if (!deadlinesOn || next == timerAt) {
            return;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        timerAt = next;
        if (next != Decision.NO_DEADLINE) {
            timer = scheduler.at(next, () -> engineThread.execute(() -> fire(next)));
        }
    }

    private void fire(long due) {
        if (timerAt != due || deposed) {
            return; // moved or cancelled meanwhile
        }
        timer = null;
        timerAt = Decision.NO_DEADLINE;
        apply("timer", null, new Command.DeadlinesDue(), new CompletableFuture<>(), due);
    }

    private void stepDown(String reason) {
        if (deposed) {
            return;
        }
        deposed = true;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        observer.deposed(reason);
        fail(List.copyOf(pending));
        pending.clear();
        barriers.forEach(b -> b.completeExceptionally(new DeposedException("stepped down: " + reason)));
        barriers.clear();
    }

    private static void fail(List<Pending> batch) {
        for (Pending p : batch) {
            p.reply().completeExceptionally(new DeposedException("not committed: this node no longer leads routing"));
        }
    }
}
