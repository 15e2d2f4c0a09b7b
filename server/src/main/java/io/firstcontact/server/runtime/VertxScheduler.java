package io.firstcontact.server.runtime;

import io.firstcontact.router.api.port.Scheduler;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/** Deadlines on Vert.x timers: one timer per armed instant, cancelled when the engine moves its next deadline. */
final class VertxScheduler implements Scheduler {
    private final Vertx vertx;
    private final InstantSource clock;

    VertxScheduler(Vertx vertx, InstantSource clock) {
        this.vertx = vertx;
        this.clock = clock;
    }

    @Override
    public Cancellable at(long atMillis, Runnable task) {
        long delay = Math.max(1, atMillis - clock.millis()); // Vert.x timers need at least 1 ms
        long id = vertx.setTimer(delay, ignored -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
