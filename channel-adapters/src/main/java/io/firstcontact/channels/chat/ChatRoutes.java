package io.firstcontact.channels.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's public endpoints, the only ones of the server a visitor reaches without signing in:
 *
 * <ul>
 *   <li>{@code GET /chat/widget.js} — the widget a council page embeds ({@code <script src=…/chat/widget.js defer>});
 *   <li>{@code GET /chat/} — a demo council page that embeds it;
 *   <li>{@code GET /chat/api/setup} — the pre-chat form's topics and the limits;
 *   <li>{@code POST /chat/api/sessions} — the pre-chat form: opens a chat, answers its id and secret token;
 *   <li>{@code POST /chat/api/files} — a file the resident sends (headers {@code X-Chat-Session}, {@code
 *       X-Chat-Token}, {@code X-Filename}; the body is the file);
 *   <li>{@code GET /chat/socket} — the chat's WebSocket (frames: {@link Frames}).
 * </ul>
 *
 * <p>Every request must come from an allowed origin (the configured council sites, or this server's own pages), and
 * is rate-limited by client address; bodies and messages are size-limited; every text is screened for card numbers.
 */
final class ChatRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ChatRoutes.class);
    private static final int MAX_FORM_BYTES = 4 * 1024;
    private static final int MAX_NAME = 80;
    private static final int MAX_CONTACT = 120;
    private static final String RESOURCES = "/firstcontact-chat/";

    private final Vertx vertx;
    private final ChatOptions options;
    private final Chats chats;
    private final RateLimit openings;
    private final Set<String> allowed;
    private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    ChatRoutes(Vertx vertx, ChatOptions options, Chats chats, InstantSource clock) {
        this.vertx = vertx;
        this.options = options;
        this.chats = chats;
        int perMinute = options.sessionsPerMinute();
        this.openings = new RateLimit(clock, perMinute, perMinute, 100_000);
        this.allowed = Set.copyOf(options.allowedOrigins());
    }

    /** Chat connections open now. */
    int connections() {
        return open.get();
    }

    void mount(Router router) {
        router.get("/chat/widget.js").handler(resource("widget.js", "text/javascript; charset=utf-8"));
        router.get("/chat/").handler(resource("demo.html", "text/html; charset=utf-8"));
        router.get("/chat")
                .handler(ctx -> ctx.response()
                        .setStatusCode(301)
                        .putHeader("Location", "/chat/")
                        .end());
        CorsHandler cors = CorsHandler.create()
                .addOrigins(java.util.List.copyOf(allowed))
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
                .allowedHeaders(Set.of("Content-Type", "X-Chat-Session", "X-Chat-Token", "X-Filename"))
                .maxAgeSeconds(600);
        Handler<RoutingContext> origins = ctx -> {
            // A browser names the page's origin on every cross-site request and every POST, but not on a same-site
            // GET: a GET without one is this server's own page (or no browser at all), and reads only the setup.
            boolean sameSiteRead =
                    ctx.request().method() == HttpMethod.GET && ctx.request().getHeader("Origin") == null;
            if (sameOrigin(ctx) || sameSiteRead) {
                ctx.next();
            } else if (allowed.isEmpty()) {
                problem(ctx, 403, "origin-not-allowed", "this site may not use the chat");
            } else {
                cors.handle(ctx);
            }
        };
        router.route("/chat/api/*").handler(origins);
        router.get("/chat/api/setup").handler(this::setup);
        // The origin is checked before the body is read (a route of its own: a body handler comes first in its route).
        router.post("/chat/api/sessions").handler(this::fromAllowedOrigin);
        router.post("/chat/api/sessions")
                .handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES))
                .handler(this::openChat);
        router.post("/chat/api/files").handler(this::fromAllowedOrigin);
        router.post("/chat/api/files")
                .handler(BodyHandler.create(false).setBodyLimit(options.maxUploadBytes()))
                .handler(this::upload);
        router.get("/chat/socket").handler(this::upgrade);
        router.route("/chat/*").failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (status == 413) {
                problem(ctx, 413, "too-large", "at most " + options.maxUploadBytes() + " bytes");
            } else if (status >= 500) {
                LOG.error("chat: a request failed", ctx.failure());
                problem(ctx, 500, "error", "the chat failed; try again");
            } else {
                problem(ctx, status, "invalid", "the request cannot be read");
            }
        });
    }

    // ------------------------------------------------------------------ the page's requests

    private void setup(RoutingContext ctx) {
        ObjectNode body = Frames.JSON.createObjectNode();
        ArrayNode topics = body.putArray("topics");
        for (ChatOptions.Topic t : options.topics()) {
            topics.addObject().put("id", t.id()).put("label", t.label());
        }
        body.put("maxMessageChars", options.maxMessageChars());
        body.put("maxUploadBytes", options.maxUploadBytes());
        ArrayNode types = body.putArray("uploadTypes");
        options.uploadTypes().forEach(types::add);
        json(ctx, 200, body);
    }

    private void openChat(RoutingContext ctx) {
        String client = clientAddress(ctx);
        if (!openings.take(client)) {
            ctx.response().putHeader("Retry-After", String.valueOf(openings.retryAfterSeconds(client)));
            problem(ctx, 429, "rate-limited", "too many chats opened from here: try again in a minute");
            return;
        }
        JsonNode form;
        try {
            form = Frames.JSON.readTree(
                    ctx.body().buffer() == null
                            ? new byte[0]
                            : ctx.body().buffer().getBytes());
        } catch (IOException e) {
            form = null;
        }
        if (form == null || !form.isObject()) {
            problem(ctx, 400, "invalid", "send the form as a JSON object: name, contact, topic");
            return;
        }
        String name = text(form, "name");
        String contact = text(form, "contact");
        String topic = text(form, "topic");
        String wrong = null;
        if (name == null || name.length() > MAX_NAME) {
            wrong = "name: give your name (at most " + MAX_NAME + " characters)";
        } else if (contact == null
                || contact.length() > MAX_CONTACT
                || (Chats.emailOf(contact) == null && Chats.phoneOf(contact) == null)) {
            wrong = "contact: give an email address or a UK phone number";
        } else if (topic == null || options.topic(topic) == null) {
            wrong = "topic: choose one of the topics";
        }
        if (wrong == null
                && (CardNumberTripwire.containsCardNumber(name) || CardNumberTripwire.containsCardNumber(contact))) {
            problem(ctx, 422, "card-number", "the form holds what looks like a card number: please do not share it");
            return;
        }
        if (wrong != null) {
            problem(ctx, 422, "invalid", wrong);
            return;
        }
        chats.open(new Chats.Form(name, contact.strip(), topic), client).whenComplete((opened, e) -> {
            if (e != null) {
                problem(ctx, 503, "unavailable", "the chat is not available just now: try again shortly");
                return;
            }
            json(
                    ctx,
                    201,
                    Frames.JSON
                            .createObjectNode()
                            .put("sessionId", opened.sessionId())
                            .put("token", opened.token()));
        });
    }

    private void upload(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        String bare = type == null ? "" : type.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!options.uploadTypes().contains(bare)) {
            problem(ctx, 415, "unsupported-type", "send one of: " + String.join(", ", options.uploadTypes()));
            return;
        }
        String raw = ctx.request().getHeader("X-Filename");
        String filename;
        try {
            filename = Attachment.safeName(raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            filename = "attachment";
        }
        if (CardNumberTripwire.containsCardNumber(filename)) {
            filename = CardNumberTripwire.mask(filename);
        }
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            problem(ctx, 400, "invalid", "the file is empty");
            return;
        }
        chats.upload(
                        ctx.request().getHeader("X-Chat-Session"),
                        ctx.request().getHeader("X-Chat-Token"),
                        filename,
                        bare,
                        body.getBytes())
                .whenComplete((entry, e) -> {
                    Throwable cause = e instanceof java.util.concurrent.CompletionException c ? c.getCause() : e;
                    if (cause == null) {
                        json(ctx, 201, Frames.JSON.createObjectNode().put("seq", entry.seq()));
                    } else if (cause instanceof Chats.UnknownChatException) {
                        problem(ctx, 404, "unknown", "this chat has ended or is unknown");
                    } else if (cause instanceof Chats.RateLimitedException) {
                        problem(ctx, 429, "rate-limited", cause.getMessage());
                    } else if (cause instanceof IllegalStateException) {
                        problem(ctx, 409, "ended", cause.getMessage());
                    } else {
                        LOG.error("chat: a file could not be kept", cause);
                        problem(ctx, 500, "error", "the file could not be kept");
                    }
                });
    }

    // ------------------------------------------------------------------ the socket

    private void upgrade(RoutingContext ctx) {
        if (!sameOrigin(ctx) && !allowed.contains(ctx.request().getHeader("Origin"))) {
            problem(ctx, 403, "origin-not-allowed", "this site may not use the chat");
            return;
        }
        String client = clientAddress(ctx);
        AtomicInteger mine = connections.computeIfAbsent(client, c -> new AtomicInteger());
        if (mine.incrementAndGet() > options.connectionsPerClient()) {
            release(client, mine);
            problem(ctx, 429, "rate-limited", "too many chat connections from here");
            return;
        }
        ctx.request().toWebSocket().onComplete(r -> {
            if (r.failed()) {
                release(client, mine);
                if (!ctx.response().ended()) {
                    problem(ctx, 400, "invalid", "a WebSocket upgrade was expected");
                }
                return;
            }
            accept(r.result(), client, mine);
        });
    }

    private void accept(ServerWebSocket ws, String client, AtomicInteger mine) {
        open.incrementAndGet();
        ResidentSocket socket = new ResidentSocket(ws, client);
        socket.ping = vertx.setPeriodic(options.pingInterval().toMillis(), t -> socket.ping());
        ws.textMessageHandler(text -> onFrame(socket, text));
        ws.binaryMessageHandler(b -> socket.close(1003, "text frames only"));
        ws.exceptionHandler(e -> socket.close(1011, "connection error"));
        ws.closeHandler(v -> {
            socket.markClosed();
            vertx.cancelTimer(socket.ping);
            open.decrementAndGet();
            release(client, mine);
            chats.closed(socket);
        });
    }

    private void onFrame(ResidentSocket socket, String text) {
        // A frame is at most a message and its JSON: anything far larger is not the widget's.
        if (text.length() > options.maxMessageChars() * 2 + 1024) {
            socket.send(Frames.error(
                    null, "too-long", "A message is at most " + options.maxMessageChars() + " characters."));
            return;
        }
        JsonNode frame;
        try {
            frame = Frames.JSON.readTree(text);
        } catch (IOException e) {
            frame = null;
        }
        if (!(frame instanceof ObjectNode f)) {
            socket.send(Frames.error(null, "invalid", "Frames are JSON objects."));
            return;
        }
        if ("hello".equals(f.path("type").asText())) {
            chats.hello(
                    socket,
                    text(f, "sessionId"),
                    text(f, "token"),
                    Math.max(0, f.path("after").asLong(0)));
            return;
        }
        chats.frame(socket, f);
    }

    private void release(String client, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            connections.remove(client, mine);
        }
    }

    // ------------------------------------------------------------------ helpers

    private void fromAllowedOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (sameOrigin(ctx) || (origin != null && allowed.contains(origin))) {
            ctx.next();
        } else {
            problem(ctx, 403, "origin-not-allowed", "this site may not use the chat");
        }
    }

    /** The request comes from this server's own pages: its Origin names the host it was sent to. */
    static boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String host = ctx.request().getHeader("Host");
        if (origin == null || host == null) {
            return false;
        }
        try {
            URI u = URI.create(origin);
            String authority = u.getPort() < 0 ? u.getHost() : u.getHost() + ":" + u.getPort();
            return host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private String clientAddress(RoutingContext ctx) {
        if (options.trustForwardedFor()) {
            String forwarded = ctx.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        return v.asText().strip();
    }

    private static void json(RoutingContext ctx, int status, ObjectNode body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.toString());
    }

    static void problem(RoutingContext ctx, int status, String type, String detail) {
        if (ctx.response().ended()) {
            return;
        }
        ObjectNode p = Frames.JSON
                .createObjectNode()
                .put("type", "/problems/" + type)
                .put("status", status)
                .put("detail", detail);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store")
                .end(p.toString());
    }

    private static Handler<RoutingContext> resource(String name, String type) {
        byte[] bytes;
        try (InputStream in = ChatRoutes.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the chat's " + name + " is missing");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Buffer buffer = Buffer.buffer(bytes);
        return ctx -> ctx.response()
                .putHeader("Content-Type", type)
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(buffer);
    }
}
