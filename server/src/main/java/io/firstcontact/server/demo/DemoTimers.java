package io.firstcontact.server.demo;

/**
 * The demo's clock and timers: the one seam through which simulated time passes, so that tests run the demo in
 * virtual time. Every task runs on one context, one at a time, in the order it fell due, never before {@link #after}
 * or {@link #execute} has returned; the demo's state lives on that context and needs no locks.
 */
public interface DemoTimers {

    /** The time now, in milliseconds. */
    long now();

    /** Runs {@code task} on the context once {@code delayMillis} have passed; the handle cancels it. */
    Cancellable after(long delayMillis, Runnable task);

    /**
     * Runs {@code task} on the context as soon as possible, after the tasks already handed over this way. Safe to
     * call from any thread: this is how work arriving on another thread (the engine's) reaches the demo.
     */
    void execute(Runnable task);

    /** A scheduled task that may still be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** The task will not run, unless it already has. */
        void cancel();
    }
}
