package io.firstcontact.router.account.demo;

import io.firstcontact.router.account.AccountJson;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeRefusedException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.Payment;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A back office speaking the HTTP format of docs/back-office.md, in front of any {@link AccountDirectory} (the demo
 * residents by default): to try the HTTP connector without a council's systems, and to test and measure it against a
 * real server that can be made slow. It answers after {@link #answerDelay(Duration) a delay} and counts the lookups
 * it served.
 */
public final class DemoBackOfficeServer implements AutoCloseable {
    private final Vertx vertx;
    private final AccountDirectory directory;
    private final String token;
    private final AtomicLong lookups = new AtomicLong();
    private volatile long delayMillis;
    private HttpServer server;

    /** @param token the bearer token every request must carry, or null to accept any */
    public DemoBackOfficeServer(Vertx vertx, AccountDirectory directory, String token) {
        this.vertx = vertx;
        this.directory = directory;
        this.token = token;
    }

    /** Starts listening on {@code port} (0: any free one) of 127.0.0.1; completes with the port. */
    public Future<Integer> start(int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
        router.route().handler(this::authorised);
        router.get("/accounts/:kind/:value").handler(this::lookup);
        router.post("/payments").handler(rc -> record(rc, Payment.class, directory::recordPayment));
        router.post("/forms").handler(rc -> record(rc, FormAnswers.class, directory::recordFormAnswers));
        router.post("/contacts").handler(rc -> record(rc, ContactSummary.class, directory::recordContact));
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, "127.0.0.1")
                .map(s -> {
                    server = s;
                    return s.actualPort();
                });
    }

    /** Every answer from now on waits this long first (a slow back office). */
    public void answerDelay(Duration delay) {
        this.delayMillis = delay.toMillis();
    }

    /** The lookups served so far (answered or not yet). */
    public long lookups() {
        return lookups.get();
    }

    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void authorised(RoutingContext rc) {
        if (token != null && !("Bearer " + token).equals(rc.request().getHeader("Authorization"))) {
            problem(rc, 401, "a valid bearer token is required");
        } else {
            rc.next();
        }
    }

    private void lookup(RoutingContext rc) {
        lookups.incrementAndGet();
        AccountKey key;
        try {
            key = new AccountKey(AccountKey.Kind.ofPrefix(rc.pathParam("kind")), rc.pathParam("value"));
        } catch (IllegalArgumentException e) {
            problem(rc, 400, "not an account key: " + e.getMessage());
            return;
        }
        later(() -> directory.find(key).whenComplete((found, failure) -> {
            if (failure != null) {
                problem(rc, 503, "the directory failed");
            } else if (found.isEmpty()) {
                problem(rc, 404, "no customer is known by that key");
            } else {
                rc.response()
                        .putHeader("Content-Type", "application/json")
                        .end(io.vertx.core.buffer.Buffer.buffer(AccountJson.write(found.get())));
            }
        }));
    }

    private <T> void record(RoutingContext rc, Class<T> type, Function<T, CompletionStage<Void>> store) {
        T value;
        try {
            value = AccountJson.MAPPER.readValue(rc.body().buffer().getBytes(), type);
        } catch (IOException | RuntimeException e) {
            problem(rc, 400, "not a " + type.getSimpleName() + " as docs/back-office.md describes it");
            return;
        }
        later(() -> store.apply(value).whenComplete((ok, failure) -> {
            if (failure == null) {
                rc.response().setStatusCode(204).end();
            } else if (failure.getCause() instanceof BackOfficeRefusedException
                    || failure instanceof BackOfficeRefusedException) {
                Throwable why = failure instanceof BackOfficeRefusedException ? failure : failure.getCause();
                problem(rc, 422, why.getMessage());
            } else {
                problem(rc, 503, "the directory failed");
            }
        }));
    }

    private void later(Runnable answer) {
        long delay = delayMillis;
        if (delay <= 0) {
            answer.run();
        } else {
            vertx.setTimer(delay, id -> answer.run());
        }
    }

    private static void problem(RoutingContext rc, int status, String title) {
        if (rc.response().ended()) {
            return;
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .end(io.vertx.core.json.Json.encode(java.util.Map.of("status", status, "title", title)));
    }
}
