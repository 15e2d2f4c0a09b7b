package io.firstcontact.router.api.port;

/** Timers for deadlines: one task at an exact instant of the host's clock. */
public interface Scheduler {

    /** Runs {@code task} at {@code atMillis} (at once if it has passed); the handle cancels it. */
    Cancellable at(long atMillis, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
