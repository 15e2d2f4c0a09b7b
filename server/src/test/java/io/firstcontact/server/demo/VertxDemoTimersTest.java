package io.firstcontact.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VertxDemoTimersTest {
    private final Vertx vertx = Vertx.vertx();
    private final Context context = vertx.getOrCreateContext();
    private final VertxDemoTimers timers =
            new VertxDemoTimers(context, InstantSource.fixed(Instant.parse("2025-03-03T08:00:00Z")));

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void tasksRunOnTheContextInOrderAndCancelledOnesNever() throws Exception {
        List<String> ran = new ArrayList<>();
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            timers.after(1, () -> ran.add("cancelled")).cancel();
            timers.after(20, () -> {
                ran.add("timer on the context: " + (Vertx.currentContext() == context));
                done.complete(ran);
            });
            timers.execute(() -> ran.add("first"));
            timers.execute(() -> ran.add("second"));
        });

        assertThat(done.get(10, TimeUnit.SECONDS)).containsExactly("first", "second", "timer on the context: true");
    }

    @Test
    void workFromAnotherThreadRunsOnTheContext() throws Exception {
        CompletableFuture<Boolean> handedOver = new CompletableFuture<>();
        CompletableFuture<Boolean> timer = new CompletableFuture<>();

        timers.execute(() -> handedOver.complete(Vertx.currentContext() == context));
        timers.after(0, () -> timer.complete(Vertx.currentContext() == context));

        assertThat(handedOver.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(timer.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(timers.now()).isEqualTo(Instant.parse("2025-03-03T08:00:00Z").toEpochMilli());
    }
}
