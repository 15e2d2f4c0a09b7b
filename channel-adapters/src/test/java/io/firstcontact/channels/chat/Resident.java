package io.firstcontact.channels.chat;

import static io.firstcontact.channels.TestRouting.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.channels.TestRouting;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A resident's page, as the widget speaks to the server: the pre-chat form over HTTP, then the chat's WebSocket. It
 * keeps every frame it received, and can drop its connection and come back as the widget does.
 */
final class Resident implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final int port;
    private final String origin;
    private final HttpClient http;
    private final WebSocketClient sockets;
    final List<ObjectNode> frames = new CopyOnWriteArrayList<>();
    String sessionId;
    String token;
    private volatile WebSocket ws;

    Resident(Vertx vertx, int port) {
        this(vertx, port, "http://127.0.0.1:" + port);
    }

    Resident(Vertx vertx, int port, String origin) {
        this.vertx = vertx;
        this.port = port;
        this.origin = origin;
        this.http = vertx.createHttpClient();
        this.sockets = vertx.createWebSocketClient();
    }

    /** Posts the pre-chat form; returns the status and body. */
    Reply open(String name, String contact, String topic) {
        ObjectNode form = JSON.createObjectNode()
                .put("name", name)
                .put("contact", contact)
                .put("topic", topic);
        Reply r = post("/chat/api/sessions", "application/json", Buffer.buffer(form.toString()), null);
        if (r.status() == 201) {
            sessionId = r.body().path("sessionId").asText();
            token = r.body().path("token").asText();
        }
        return r;
    }

    /** Opens the chat and connects its page. */
    Resident start(String name, String contact, String topic) {
        Reply r = open(name, contact, topic);
        if (r.status() != 201) {
            throw new AssertionError("the chat did not open: " + r);
        }
        connect(0);
        return this;
    }

    record Reply(int status, JsonNode body) {}

    Reply post(String path, String type, Buffer body, java.util.Map<String, String> headers) {
        return join(http.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI(path)
                        .putHeader("Origin", origin)
                        .putHeader("Content-Type", type))
                .compose(req -> {
                    if (headers != null) {
                        headers.forEach(req::putHeader);
                    }
                    return req.send(body);
                })
                .compose(resp -> resp.body().map(b -> {
                    JsonNode n;
                    try {
                        n = b.length() == 0 ? JSON.createObjectNode() : JSON.readTree(b.getBytes());
                    } catch (java.io.IOException e) {
                        n = JSON.createObjectNode().put("raw", b.toString());
                    }
                    return new Reply(resp.statusCode(), n);
                }))
                .toCompletionStage());
    }

    /** Connects the page and says hello, resuming after {@code after}; returns once welcomed. */
    void connect(long after) {
        hello(after);
        await("welcome", f -> f.path("type").asText().equals("welcome"));
    }

    /** Connects the page and says hello, without waiting for the answer. */
    void hello(long after) {
        ws = join(sockets.connect(new WebSocketConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setURI("/chat/socket")
                        .addHeader("Origin", origin))
                .toCompletionStage());
        ws.textMessageHandler(t -> {
            try {
                frames.add((ObjectNode) JSON.readTree(t));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        send(JSON.createObjectNode()
                .put("type", "hello")
                .put("sessionId", sessionId)
                .put("token", token)
                .put("after", after));
    }

    void send(ObjectNode frame) {
        join(ws.writeTextMessage(frame.toString()).toCompletionStage());
    }

    void say(String id, String text) {
        send(JSON.createObjectNode().put("type", "say").put("id", id).put("text", text));
    }

    /** The connection drops (the page's network goes); frames already sent may or may not have arrived. */
    void drop() {
        WebSocket w = ws;
        frames.add(JSON.createObjectNode().put("type", "dropped"));
        join(w.close().toCompletionStage());
    }

    /** The last seq of the entries received so far. */
    long lastSeq() {
        return frames.stream()
                .filter(f -> f.path("type").asText().equals("entry"))
                .mapToLong(f -> f.path("seq").asLong())
                .max()
                .orElse(0);
    }

    List<ObjectNode> entries() {
        return frames.stream()
                .filter(f -> f.path("type").asText().equals("entry"))
                .toList();
    }

    /** The texts of the entries received so far, in order. */
    List<String> texts() {
        return entries().stream().map(f -> f.path("text").asText()).toList();
    }

    ObjectNode await(String what, Predicate<ObjectNode> match) {
        TestRouting.await(what, () -> frames.stream().anyMatch(match));
        return frames.stream().filter(match).findFirst().orElseThrow();
    }

    /** Where the frames received so far end: what comes after it answers what is done next. */
    int mark() {
        return frames.size();
    }

    /** Waits for a frame matching among those received since {@code mark} (taken before the action it answers). */
    ObjectNode awaitSince(int mark, String what, Predicate<ObjectNode> match) {
        TestRouting.await(what, () -> frames.stream().skip(mark).anyMatch(match));
        return frames.stream().skip(mark).filter(match).findFirst().orElseThrow();
    }

    static Predicate<ObjectNode> type(String type) {
        return f -> f.path("type").asText().equals(type);
    }

    static Predicate<ObjectNode> entryWith(String text) {
        return f -> f.path("type").asText().equals("entry")
                && f.path("text").asText().contains(text);
    }

    static Predicate<ObjectNode> phase(String phase) {
        return f -> f.path("type").asText().equals("state")
                && f.path("phase").asText().equals(phase);
    }

    @Override
    public void close() {
        WebSocket w = ws;
        if (w != null && !w.isClosed()) {
            w.close();
        }
        http.close();
        sockets.close();
    }
}
