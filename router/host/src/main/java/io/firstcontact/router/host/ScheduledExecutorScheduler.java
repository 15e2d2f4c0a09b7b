package io.firstcontact.router.host;

import io.firstcontact.router.api.port.Scheduler;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Deadlines on a {@link ScheduledExecutorService}, measured on the host's clock. */
public final class ScheduledExecutorScheduler implements Scheduler {
    private final ScheduledExecutorService executor;
    private final InstantSource clock;

    public ScheduledExecutorScheduler(ScheduledExecutorService executor, InstantSource clock) {
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public Cancellable at(long atMillis, Runnable task) {
        long delay = Math.max(0, atMillis - clock.millis());
        ScheduledFuture<?> f = executor.schedule(task, delay, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
