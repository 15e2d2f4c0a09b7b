package io.firstcontact.benchmarks.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The API as the generator uses it: asynchronous POSTs (the caller never waits), every answer counted by route and
 * status, failures (no answer) counted by route and exception.
 *
 * <p>HTTP/1.1 keep-alive on loopback through a Vert.x client on event loops of its own. The generator shares the
 * machine with the server, so what it spends per request is taken from the server: a Netty client costs a fraction of
 * the JDK's {@code java.net.http} client, whose selector thread hands every exchange over to other threads.
 */
public final class ApiClient implements AutoCloseable {
    /** Connections kept open at most; beyond it requests wait for a free one (counted in their latency). */
    public static final int DEFAULT_CONNECTIONS = 256;

    /** The answer to one request: its status (the body is read and dropped). */
    public record Answer(int status) {}

    /** A request made after {@link #close()}: it was never sent. */
    public static final class ClosedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        ClosedException() {
            super("the API client is closed: the request was not sent");
        }
    }

    private final String base;
    private final String bearer;
    private final Vertx vertx;
    private final Context context;
    private final HttpClientAgent http;
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private volatile boolean counting = true;
    private volatile boolean closed;

    /**
     * @param threads event loops for the connections (at least one)
     * @param connections connections kept open at most
     */
    public ApiClient(String base, String token, int threads, int connections) {
        URI uri = URI.create(base);
        this.base = base;
        this.bearer = "Bearer " + token;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.max(1, threads))
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.context = vertx.getOrCreateContext();
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setDefaultHost(uri.getHost())
                        .setDefaultPort(uri.getPort())
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(5_000))
                .with(new PoolOptions()
                        .setHttp1MaxSize(Math.max(1, connections))
                        .setEventLoopSize(Math.max(1, threads)))
                // A reset connection (a server killed on purpose) fails its request, which is counted; the
                // connection's own report of it would only be noise in the run's output.
                .withConnectHandler(connection -> connection.exceptionHandler(e -> {}))
                .build();
    }

    /**
     * POSTs {@code json} (null for no body) to {@code path}; {@code route} names the request kind in the counts. The
     * future completes, on the client's event loop, with the answer, or exceptionally when nothing answered (also
     * counted). After {@link #close()} it fails at once: whatever still sends (a schedule being stopped) never
     * reaches the closed client.
     */
    public CompletableFuture<Answer> post(String route, String path, String json) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new ClosedException());
            return answer;
        }
        context.runOnContext(v -> send(path, json, answer));
        return answer.whenComplete((r, e) -> {
            if (e != null) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                count(route + " " + c.getClass().getSimpleName());
            } else {
                count(route + " " + r.status());
            }
        });
    }

    private void send(String path, String json, CompletableFuture<Answer> answer) {
        if (closed) { // closed while this request waited for the loop
            answer.completeExceptionally(new ClosedException());
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI(path)
                .setIdleTimeout(30_000)
                .putHeader(HttpHeaders.AUTHORIZATION, bearer);
        if (json != null) {
            options.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        }
        http.request(options)
                .compose(request -> sendBody(request, json))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode())))
                .onComplete(r -> {
                    if (r.succeeded()) {
                        answer.complete(r.result());
                    } else {
                        answer.completeExceptionally(r.cause());
                    }
                });
    }

    private static Future<HttpClientResponse> sendBody(HttpClientRequest request, String json) {
        return json == null ? request.send() : request.send(Buffer.buffer(json));
    }

    private void count(String key) {
        if (counting) {
            outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
        }
    }

    /** Forgets the counts so far (the end of a warm-up). */
    public void resetCounts() {
        outcomes.clear();
    }

    /** Stops counting (the end of a measurement). */
    public void stopCounting() {
        counting = false;
    }

    /** "route status" → count, sorted. */
    public Map<String, Long> outcomes() {
        Map<String, Long> out = new TreeMap<>();
        outcomes.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public String base() {
        return base;
    }

    public String bearer() {
        return bearer;
    }

    /**
     * Closes the connections, then the event loops; requests still unanswered fail. Stop their senders first: a request
     * made from now on fails without being sent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Closed on the loop that sends, after whatever it was already given: no request meets a closed client there.
        CompletableFuture<Void> connectionsClosed = new CompletableFuture<>();
        context.runOnContext(v -> http.close().onComplete(r -> connectionsClosed.complete(null)));
        try {
            connectionsClosed.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the loops are closed below anyway
        }
        try {
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // stopping anyway
        }
    }
}
