package io.firstcontact.server.demo;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The demo's timers on a Vert.x context: Vert.x timers (at least 1 ms) whose tasks run on that one context, and
 * {@link Context#runOnContext} for work handed over from other threads.
 */
public final class VertxDemoTimers implements DemoTimers {
    private final Context context;
    private final InstantSource clock;

    /**
     * @param context where every task runs (e.g. the context of the verticle that starts the demo)
     * @param clock the time {@link #now()} reads
     */
    public VertxDemoTimers(Context context, InstantSource clock) {
        this.context = Objects.requireNonNull(context, "context");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long now() {
        return clock.millis();
    }

    @Override
    public Cancellable after(long delayMillis, Runnable task) {
        Objects.requireNonNull(task, "task");
        Vertx vertx = context.owner();
        Scheduled scheduled = new Scheduled(vertx, task);
        scheduled.timerId = vertx.setTimer(Math.max(1, delayMillis), id -> onContext(scheduled));
        return scheduled;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        context.runOnContext(v -> task.run());
    }

    /** A timer set off this context fires on another one: hop over before running. */
    private void onContext(Runnable task) {
        if (Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    private static final class Scheduled implements Cancellable, Runnable {
        private final Vertx vertx;
        private final Runnable task;
        private volatile long timerId;
        private volatile boolean cancelled;

        Scheduled(Vertx vertx, Runnable task) {
            this.vertx = vertx;
            this.task = task;
        }

        @Override
        public void run() {
            if (!cancelled) {
                cancelled = true;
                task.run();
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            vertx.cancelTimer(timerId);
        }
    }
}
