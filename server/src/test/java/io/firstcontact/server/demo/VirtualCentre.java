package io.firstcontact.server.demo;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A real routing engine behind a gateway in virtual time: a discrete-event loop of timers, commands applied at once
 * with an increasing sequence and the virtual clock as their time, the engine's next deadline fired as
 * {@code DeadlinesDue} at its instant, and subscribers told after each input. Nothing sleeps.
 */
final class VirtualCentre implements RoutingPort, DemoTimers {
    /** Monday 3 March 2025, 08:00 in London. */
    static final long MONDAY_8AM = 1_740_988_800_000L;

    private static final class Timer {
        final long at;
        final long order;
        final Runnable task;
        boolean cancelled;

        Timer(long at, long order, Runnable task) {
            this.at = at;
            this.order = order;
            this.task = task;
        }
    }

    private final RoutingEngine engine = RoutingEngine.create();
    private final PriorityQueue<Timer> timers =
            new PriorityQueue<>(Comparator.comparingLong((Timer t) -> t.at).thenComparingLong(t -> t.order));
    private final List<EffectSink> listeners = new ArrayList<>();
    private final List<EngineInput> inputs = new ArrayList<>();
    private final List<Decision> decisions = new ArrayList<>();
    private long now;
    private long seq;
    private long order;
    private boolean open = true;

    VirtualCentre(long startAt) {
        this.now = startAt;
    }

    /** A centre with the demo's configuration and advisors applied, at 08:00 on a Monday. */
    static VirtualCentre seeded(DemoCentre centre) {
        VirtualCentre v = new VirtualCentre(MONDAY_8AM);
        for (Command c : centre.seedCommands()) {
            v.apply("seed", c);
        }
        return v;
    }

    // ---- the gateway

    @Override
    public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        if (!open) {
            return CompletableFuture.failedFuture(new IllegalStateException("routing is not open (recovering)"));
        }
        return CompletableFuture.completedFuture(apply(source, command));
    }

    @Override
    public Subscription subscribe(EffectSink listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private Decision apply(String source, Command command) {
        EngineInput input = new EngineInput(1, ++seq, now, source, null, command);
        Decision decision = engine.apply(input);
        inputs.add(input);
        decisions.add(decision);
        for (EffectSink l : List.copyOf(listeners)) {
            l.committed(input, decision);
        }
        return decision;
    }

    // ---- the timers

    @Override
    public long now() {
        return now;
    }

    @Override
    public Cancellable after(long delayMillis, Runnable task) {
        Timer t = new Timer(now + Math.max(0, delayMillis), ++order, task);
        timers.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public void execute(Runnable task) {
        after(0, task);
    }

    // ---- the loop

    /** Runs every timer and deadline due up to {@code until}, in time order (deadlines first at an instant). */
    void runUntil(long until) {
        while (true) {
            while (!timers.isEmpty() && timers.peek().cancelled) {
                timers.poll();
            }
            long timerAt = timers.isEmpty() ? Long.MAX_VALUE : timers.peek().at;
            long deadline = engine.nextDeadline();
            long next = Math.min(timerAt, deadline);
            if (next > until) {
                break;
            }
            now = Math.max(now, next);
            if (deadline <= next) {
                apply("timer", new Command.DeadlinesDue());
            } else {
                timers.poll().task.run();
            }
        }
        now = until;
    }

    void runFor(long millis) {
        runUntil(now + millis);
    }

    /** While closed, every submit fails as it does while routing recovers; deadlines still fire. */
    void setOpen(boolean open) {
        this.open = open;
    }

    List<EngineInput> inputs() {
        return inputs;
    }

    List<Decision> decisions() {
        return decisions;
    }

    int listeners() {
        return listeners.size();
    }

    int pendingTimers() {
        return (int) timers.stream().filter(t -> !t.cancelled).count();
    }

    RoutingEngine engine() {
        return engine;
    }
}
