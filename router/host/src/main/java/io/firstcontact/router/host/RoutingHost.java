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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Hosts the routing engine: {@code sequencer (epoch, seq, at) → engine → committer → effects}.
 *
 * <ul>
 *   <li>Every command is stamped on the engine's own thread with the next sequence number and
 *       {@code at = max(last at, clock)}, so engine time never runs backwards.
 *   <li>Decisions are committed to the journal in <em>group commits</em>: whatever piled up while the previous write
 *       was in flight goes in the next one; there is no fixed interval.
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
    private boolean writing;
    private boolean flushQueued;
    private boolean retryQueued;
    private volatile boolean deposed;
    private long timerAt = Decision.NO_DEADLINE;
    /** Deadlines fire only once started: recovery's own commands come before the deadlines that fell due meanwhile. */
    private boolean deadlinesOn;

    private Scheduler.Cancellable timer;

    private record Pending(EngineInput input, Decision decision, CompletableFuture<Decision> reply) {}

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
            } else if (pending.isEmpty() && !writing) {
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
        if (!writing && !flushQueued) {
            flushQueued = true;
            engineThread.execute(this::flush);
        }
    }

    private void flush() {
        flushQueued = false;
        if (writing || pending.isEmpty() || deposed) {
            return;
        }
        List<Pending> batch = List.copyOf(pending);
        pending.clear();
        writing = true;
        List<Journal.Entry> entries = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            entries.add(new Journal.Entry(p.input(), p.decision()));
        }
        long t0 = System.nanoTime();
        journal.append(entries).whenComplete((ok, error) -> engineThread.execute(() -> committed(batch, error, t0)));
    }

    private void committed(List<Pending> batch, Throwable error, long t0) {
        writing = false;
        if (deposed) {
            fail(batch);
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause == null) {
            observer.committed(batch.size(), System.nanoTime() - t0);
            for (Pending p : batch) {
                sink.committed(p.input(), p.decision());
                p.reply().complete(p.decision());
            }
            if (pending.isEmpty() && !barriers.isEmpty()) {
                barriers.forEach(b -> b.complete(null));
                barriers.clear();
            }
            queueFlush();
        } else if (cause instanceof Journal.FencedException) {
            stepDown("fenced: " + cause.getMessage()); // deposed before any caller hears of it
            fail(batch);
        } else {
            observer.journalFailed(cause);
            pending.addAll(0, batch); // same ids again: the journal's append is idempotent per id
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
