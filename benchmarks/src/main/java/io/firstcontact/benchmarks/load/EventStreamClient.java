package io.firstcontact.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /api/v1/events} on a thread of its own: each event is handed over with the {@link System#nanoTime()} at
 * which its {@code data:} line was read (before any parsing). On a lost connection it reconnects with
 * {@code Last-Event-ID} (every {@code retryMillis}) until closed, so nothing is missed or repeated.
 */
public final class EventStreamClient implements AutoCloseable {
    /** Called on the stream's thread; must be quick. */
    public interface Handler {
        void event(String id, String type, String data, long receivedNanos);
    }

    private final String url;
    private final String bearer;
    private final Handler handler;
    private final long retryMillis;
    private final HttpClient http;
    private final Thread thread;
    private final CountDownLatch firstConnect = new CountDownLatch(1);
    private final AtomicLong connects = new AtomicLong();
    private volatile String lastId;
    private volatile boolean closed;
    private volatile InputStream body;
    private volatile long connectedNanos;

    public EventStreamClient(String apiBase, String bearer, String lastEventId, long retryMillis, Handler handler) {
        this.url = apiBase + "/api/v1/events";
        this.bearer = bearer;
        this.handler = handler;
        this.retryMillis = retryMillis;
        this.lastId = lastEventId;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.thread = new Thread(this::run, "event-stream");
        this.thread.setDaemon(true);
    }

    public EventStreamClient start() {
        thread.start();
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

    private void run() {
        while (!closed) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", bearer)
                        .GET();
                String last = lastId;
                if (last != null) {
                    b.header("Last-Event-ID", last);
                }
                HttpResponse<InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    throw new IOException("the event stream answered " + r.statusCode());
                }
                body = r.body();
                connectedNanos = System.nanoTime();
                connects.incrementAndGet();
                firstConnect.countDown();
                read(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16));
            } catch (IOException e) {
                // fall through: reconnect
            } catch (InterruptedException e) {
                return;
            }
            if (!closed) {
                try {
                    Thread.sleep(retryMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void read(BufferedReader in) throws IOException {
        String id = null;
        String type = "message";
        StringBuilder data = null;
        long received = 0;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    if (id != null) {
                        lastId = id;
                    }
                    handler.event(id, type, data.toString(), received);
                }
                id = null;
                type = "message";
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
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
    }

    @Override
    public void close() {
        closed = true;
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        thread.interrupt();
        http.shutdownNow();
    }
}
