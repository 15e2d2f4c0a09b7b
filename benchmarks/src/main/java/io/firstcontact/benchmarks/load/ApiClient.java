package io.firstcontact.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The API as the generator uses it: asynchronous POSTs (the caller never waits), every answer counted by route and
 * status, failures (no answer) counted by route and exception. HTTP/1.1 on loopback, a small pool of its own threads.
 */
public final class ApiClient implements AutoCloseable {
    private final String base;
    private final String bearer;
    private final ExecutorService executor;
    private final HttpClient[] clients;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private volatile boolean counting = true;

    /**
     * @param threads 0: each client's selector thread completes its exchanges itself (no hand-off per response)
     * @param clients independent HTTP clients used in turn: the JDK client keeps its idle connections in a list whose
     *     add and remove are linear in its size, which under a few hundred concurrent requests costs more CPU than the
     *     requests; several small pools keep that cost down
     */
    public ApiClient(String base, String token, int threads, int clients) {
        this.base = base;
        this.bearer = "Bearer " + token;
        this.executor = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "api-client");
            t.setDaemon(true);
            return t;
        });
        this.clients = new HttpClient[Math.max(1, clients)];
        for (int i = 0; i < this.clients.length; i++) {
            this.clients[i] = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .executor(threads == 0 ? Runnable::run : executor)
                    .build();
        }
    }

    /**
     * POSTs {@code json} (null for no body) to {@code path}; {@code route} names the request kind in the counts. The
     * future completes with the response, or exceptionally when nothing answered (also counted).
     */
    public CompletableFuture<HttpResponse<String>> post(String route, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer);
        if (json == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        CompletableFuture<HttpResponse<String>> f;
        try {
            HttpClient http = clients[Math.floorMod(next.getAndIncrement(), clients.length)];
            f = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            count(route + " " + e.getClass().getSimpleName());
            return CompletableFuture.failedFuture(e);
        }
        return f.whenComplete((r, e) -> {
            if (e != null) {
                Throwable c = e.getCause() != null ? e.getCause() : e;
                count(route + " " + c.getClass().getSimpleName());
            } else {
                count(route + " " + r.statusCode());
            }
        });
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

    @Override
    public void close() {
        for (HttpClient c : clients) {
            c.shutdownNow();
        }
        executor.shutdownNow();
    }
}
