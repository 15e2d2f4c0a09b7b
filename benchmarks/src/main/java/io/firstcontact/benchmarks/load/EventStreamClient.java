package io.firstcontact.benchmarks.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event stream ({@code GET /api/v1/events}) read on an event loop of its own: each event is handed over with the {@link System#nanoTime()}
 * at which its {@code data:} line was read (before any parsing). On a lost connection it reconnects with
 * {@code Last-Event-ID} (every {@code retryMillis}) until closed, so nothing is missed or repeated.
 */
public final class EventStreamClient implements AutoCloseable {
    /** Called on the stream's event loop; must be quick. */
    public interface Handler {
        void event(String id, String type, String data, long receivedNanos);
    }

    private final String path;
    private final String bearer;
    private final Handler handler;
    private final long retryMillis;
    private final Vertx vertx;
    private final HttpClientAgent http;
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private final AtomicLong connects = new AtomicLong();
    private volatile String lastId;
    private volatile boolean closed;
    private volatile long connectedNanos;

    // Event loop only: the connection being read (a later one makes an earlier one's end moot), a reconnection
    // pending, the event being read.
    private int generation;
    private boolean retrying;
    private String id;
    private String type = "message";
    private StringBuilder data;
    private long received;

    /**
     * @param url the stream, e.g. {@code http://127.0.0.1:8080/api/v1/events}
     * @param bearer the {@code Authorization} header's value, null for none
     */
    public EventStreamClient(String url, String bearer, String lastEventId, long retryMillis, Handler handler) {
        URI uri = URI.create(url);
        this.path = uri.getRawPath();
        this.bearer = bearer;
        this.handler = handler;
        this.retryMillis = retryMillis;
        this.lastId = lastEventId;
        this.vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        this.http = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setDefaultHost(uri.getHost())
                        .setDefaultPort(uri.getPort())
                        .setConnectTimeout(2_000))
                .withConnectHandler(connection -> connection.exceptionHandler(e -> {})) // a lost stream reconnects
                .build();
    }

    public EventStreamClient start() {
        vertx.runOnContext(v -> connect());
        return this;
    }

    /** Waits for the first connection (the stream's headers). */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        return firstConnect.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String lastId() {
        return lastId;
    }

    public long connects() {
        return connects.get();
    }

    /** {@link System#nanoTime()} of the latest successful connection. */
    public long connectedNanos() {
        return connectedNanos;
    }

    private void connect() {
        if (closed) {
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(path)
                .putHeader(HttpHeaders.ACCEPT, "text/event-stream");
        if (bearer != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, bearer);
        }
        String last = lastId;
        if (last != null) {
            options.putHeader("Last-Event-ID", last);
        }
        http.request(options).compose(r -> r.send()).onComplete(r -> {
            if (r.failed()) {
                retry();
            } else if (r.result().statusCode() != 200) {
                r.result().request().connection().close();
                retry();
            } else {
                read(r.result());
            }
        });
    }

    private void read(HttpClientResponse response) {
        connectedNanos = System.nanoTime();
        connects.incrementAndGet();
        firstConnect.countDown();
        resetEvent();
        int current = ++generation;
        response.handler(RecordParser.newDelimited("\n", this::line));
        response.exceptionHandler(e -> {});
        response.endHandler(v -> lost(current));
        response.request().connection().closeHandler(v -> lost(current));
    }

    private void lost(int connection) {
        if (connection == generation) {
            retry();
        }
    }

    private void retry() {
        if (closed || retrying) {
            return;
        }
        retrying = true;
        vertx.setTimer(Math.max(1, retryMillis), t -> {
            retrying = false;
            connect();
        });
    }

    private void line(Buffer buffer) {
        int length = buffer.length();
        if (length > 0 && buffer.getByte(length - 1) == '\r') {
            length--;
        }
        String line = buffer.getString(0, length, StandardCharsets.UTF_8.name());
        if (line.isEmpty()) {
            if (data != null) {
                if (id != null) {
                    lastId = id;
                }
                handler.event(id, type, data.toString(), received);
            }
            resetEvent();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> id = value;
            case "event" -> type = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                    received = System.nanoTime();
                } else {
                    data.append('\n').append(value);
                }
            }
            default -> {}
        }
    }

    private void resetEvent() {
        id = null;
        type = "message";
        data = null;
    }

    /** Stops reading and reconnecting: the client is closed on its own loop, after a connection attempt under way. */
    @Override
    public void close() {
        closed = true;
        CompletableFuture<Void> connectionsClosed = new CompletableFuture<>();
        vertx.runOnContext(v -> http.close().onComplete(r -> connectionsClosed.complete(null)));
        try {
            connectionsClosed.get(5, TimeUnit.SECONDS);
            vertx.close().await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // stopping anyway
        }
    }
}
