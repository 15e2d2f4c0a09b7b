package io.firstcontact.benchmarks.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Residents chatting through the public widget's own protocol, as its page does: the pre-chat form ({@code POST
 * /chat/api/sessions} from the server's own origin), then the chat's WebSocket ({@code /chat/socket}: {@code hello},
 * then {@code say} frames). Once connected to an advisor, and while {@link #talking} is on, each resident says
 * something every {@code every} (first at a random point of that period, so the messages are spread evenly); what it
 * said and when is kept, so the advisors' side can time its arrival. On Vert.x's event loops.
 */
final class ChatResidents implements AutoCloseable {
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Vertx vertx = Vertx.vertx();
    private final String host;
    private final int port;
    private final String origin;
    private final long everyMillis;
    private final HttpClient http;
    private final WebSocketClient sockets;
    private final SplittableRandom random;
    private final List<Resident> residents = new CopyOnWriteArrayList<>();
    /** What a resident said and not yet seen at an advisor, by its text, with when it was sent (System.nanoTime). */
    private final Map<String, Long> unseen = new ConcurrentHashMap<>();

    /** Resident → advisor: from the send at the resident to the arrival at the advisor's desk connection. */
    final Recorder toAdvisor = new Recorder(MAX_MICROS, 3);
    /** Advisor → resident: from the advisor's answer sent to its arrival on the resident's socket. */
    final Recorder toResident = new Recorder(MAX_MICROS, 3);

    final AtomicLong said = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger closedByServer = new AtomicInteger();
    volatile boolean talking;

    ChatResidents(String host, int port, Duration every, long seed) {
        this.host = host;
        this.port = port;
        this.origin = "http://" + host + ":" + port;
        this.everyMillis = every.toMillis();
        this.random = new SplittableRandom(seed);
        this.http = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(host).setDefaultPort(port),
                new PoolOptions().setHttp1MaxSize(16));
        this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(10_000));
    }

    /** One resident's chat: its socket, and whether an advisor is with it. */
    private final class Resident {
        final int index;
        final String sessionId;
        final String token;
        WebSocket ws;
        volatile boolean withAdvisor;
        int next;

        Resident(int index, String sessionId, String token) {
            this.index = index;
            this.sessionId = sessionId;
            this.token = token;
        }

        void frame(String text) {
            JsonObject f = new JsonObject(text);
            switch (f.getString("type", "")) {
                case "state" -> {
                    boolean was = withAdvisor;
                    withAdvisor = "CONNECTED".equals(f.getString("phase"));
                    if (withAdvisor && !was) {
                        connected.incrementAndGet();
                    } else if (was && !withAdvisor) {
                        connected.decrementAndGet();
                    }
                }
                case "entry" -> {
                    if ("ADVISOR".equals(f.getString("role"))) {
                        Long sent = unseen.remove(f.getString("text"));
                        if (sent != null && talking) {
                            record(toResident, sent);
                        }
                    }
                }
                case "error" -> refused.incrementAndGet();
                default -> {}
            }
        }

        void say() {
            if (!talking || !withAdvisor || ws == null || ws.isClosed()) {
                return;
            }
            String text = "r" + index + " message " + (++next) + " about my bin";
            String id = "r" + index + "m" + next;
            unseen.put(text, System.nanoTime());
            ws.writeTextMessage(new JsonObject()
                    .put("type", "say")
                    .put("id", id)
                    .put("text", text)
                    .encode());
            said.incrementAndGet();
        }
    }

    /** Opens {@code n} chats (the form, then the socket and its hello), a few at a time; returns when all are open. */
    void open(int n, Duration timeout) throws Exception {
        int parallel = 16;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < n; i += parallel) {
            List<Future<Resident>> batch = new ArrayList<>();
            for (int k = i; k < Math.min(n, i + parallel); k++) {
                batch.add(open(k));
            }
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            Future.all(batch).toCompletionStage().toCompletableFuture().get(left, TimeUnit.MILLISECONDS);
            batch.forEach(f -> residents.add(f.result()));
        }
        for (Resident r : residents) {
            long first = 1 + random.nextLong(everyMillis);
            vertx.setTimer(first, t -> {
                r.say();
                vertx.setPeriodic(everyMillis, p -> r.say());
            });
        }
    }

    private Future<Resident> open(int index) {
        String form = new JsonObject()
                .put("name", "Resident " + index)
                .put("contact", "resident" + index + "@example.org")
                .put("topic", "waste")
                .encode();
        RequestOptions o = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI("/chat/api/sessions")
                .putHeader("Origin", origin)
                .putHeader("Content-Type", "application/json");
        return http.request(o)
                .compose(req -> req.send(Buffer.buffer(form)))
                .compose(resp -> resp.body().map(b -> {
                    if (resp.statusCode() != 201) {
                        throw new IllegalStateException(
                                "opening chat " + index + " answered " + resp.statusCode() + ": " + b);
                    }
                    JsonObject j = new JsonObject(b.toString());
                    return new Resident(index, j.getString("sessionId"), j.getString("token"));
                }))
                .compose(this::connect);
    }

    private Future<Resident> connect(Resident r) {
        WebSocketConnectOptions o = new WebSocketConnectOptions()
                .setHost(host)
                .setPort(port)
                .setURI("/chat/socket")
                .addHeader("Origin", origin);
        return sockets.connect(o).map(ws -> {
            r.ws = ws;
            ws.textMessageHandler(r::frame);
            ws.closeHandler(v -> {
                if (r.withAdvisor) {
                    connected.decrementAndGet();
                }
                r.withAdvisor = false;
                closedByServer.incrementAndGet();
            });
            ws.writeTextMessage(new JsonObject()
                    .put("type", "hello")
                    .put("sessionId", r.sessionId)
                    .put("token", r.token)
                    .put("after", 0)
                    .encode());
            return r;
        });
    }

    /** An advisor's desk was sent a resident's entry: times it if this generator sent it. */
    void arrivedAtAdvisor(String text) {
        Long sent = unseen.remove(text);
        if (sent != null && talking) {
            record(toAdvisor, sent);
        }
    }

    /** An advisor answers {@code text}: its answer is timed to its arrival at the resident. */
    String answering(String text) {
        String answer = "Thanks: " + text;
        unseen.put(answer, System.nanoTime());
        return answer;
    }

    int open() {
        return residents.size() - closedByServer.get();
    }

    private static void record(Recorder recorder, long sentNanos) {
        long micros = Math.max(0, (System.nanoTime() - sentNanos) / 1_000);
        recorder.recordValue(Math.min(micros, MAX_MICROS));
    }

    @Override
    public void close() {
        talking = false;
        residents.forEach(r -> {
            if (r.ws != null) {
                r.ws.close();
            }
        });
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }
}
