package io.firstcontact.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A test client of the event stream: parses Server-Sent Events into (id, event, data) as they arrive. */
final class Sse implements AutoCloseable {
    record Event(String id, String event, JsonNode data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** Completes at the server's {@code : connected} comment: from then on every new entry reaches this stream. */
    final CompletableFuture<Void> connected = new CompletableFuture<>();

    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    volatile int status;

    Sse(HttpClient client, String url, String token, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        response = client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            status = r.statusCode();
            Thread.ofVirtual().start(() -> parse(r.body()));
        });
    }

    private void parse(Stream<String> lines) {
        String id = null;
        String event = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, event, TestServer.JSON.readTree(data.toString())));
                    }
                    id = null;
                    event = null;
                    data.setLength(0);
                } else if (line.equals(": connected")) {
                    connected.complete(null);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (Exception e) {
            // the stream was closed
        }
    }

    /** Waits until the stream is attached. */
    Sse awaitConnected() throws Exception {
        connected.get(10, TimeUnit.SECONDS);
        return this;
    }

    /** The next event, waiting up to {@code timeout}; null if none came. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events until one satisfies {@code last} (inclusive), or fails after {@code timeout}. */
    List<Event> until(java.util.function.Predicate<Event> last, Duration timeout) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Event e = next(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            if (e == null) {
                break;
            }
            seen.add(e);
            if (last.test(e)) {
                return seen;
            }
        }
        throw new AssertionError("the awaited event did not come within " + timeout + "; saw " + seen);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
