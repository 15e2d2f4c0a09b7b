package io.firstcontact.benchmarks.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Staff pages for the load generator — advisors' desktops, supervisors' wallboards: each signs in as a member of staff
 * (session cookie, CSRF token, Argon2id check on the server) and holds its page's push connection open, counting what
 * it is sent and handing each message to an observer. On Vert.x's event loops, so hundreds of pages cost the generator
 * little.
 */
final class StaffClients implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final String host;
    private final int port;
    private final String pushPath;
    private final Observer observer;
    private final HttpClient http;
    private final WebSocketClient sockets;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    final LongAdder messages = new LongAdder();
    final LongAdder bytes = new LongAdder();
    final AtomicInteger closedByServer = new AtomicInteger();

    /** Hears what a page is sent (on an event loop: record, never block). */
    interface Observer {
        /** @param page the index of the page's username in {@link #signIn}'s list */
        void received(int page, String message);
    }

    /** A signed-in page: its session cookie and the CSRF token its requests carry. */
    private record Session(String cookie, String csrf) {}

    /**
     * @param pushPath the push connection each page holds ({@code /desk/push}, {@code /supervisor/push})
     * @param observer hears every message received (on an event loop: record, never block)
     */
    StaffClients(String host, int port, String pushPath, java.util.function.Consumer<String> observer) {
        this(host, port, pushPath, (page, message) -> observer.accept(message));
    }

    StaffClients(String host, int port, String pushPath, Observer observer) {
        this.host = host;
        this.port = port;
        this.pushPath = pushPath;
        this.observer = observer;
        this.http = vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(host).setDefaultPort(port));
        this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(10_000));
    }

    /** Signs each username in with {@code password}, a few at a time; returns when all are signed in. */
    void signIn(List<String> usernames, String password, Duration timeout) throws Exception {
        List<Future<Session>> all = new ArrayList<>();
        int parallel = 8;
        for (int i = 0; i < usernames.size(); i += parallel) {
            List<Future<Session>> batch = new ArrayList<>();
            for (String u : usernames.subList(i, Math.min(usernames.size(), i + parallel))) {
                batch.add(signIn(u, password));
            }
            Future.all(batch).toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            all.addAll(batch);
        }
        for (Future<Session> f : all) {
            sessions.add(f.result());
        }
    }

    /** Signs in, trying again twice when the server's answer is not the expected one (a busy machine's blips). */
    private Future<Session> signIn(String username, String password) {
        return attempt(username, password)
                .recover(e -> attempt(username, password))
                .recover(e -> attempt(username, password));
    }

    private Future<Session> attempt(String username, String password) {
        return request(HttpMethod.GET, "/auth/session", null, null, null).compose(first -> {
            if (first.status != 200 || first.body.isEmpty()) {
                return Future.failedFuture("GET /auth/session answered " + first.status + ": " + first.body);
            }
            String cookie = first.cookie;
            String csrf = new JsonObject(first.body).getString("csrfToken");
            String body = new JsonObject()
                    .put("username", username)
                    .put("password", password)
                    .encode();
            return request(HttpMethod.POST, "/auth/password", cookie, csrf, body)
                    .compose(r -> {
                        if (r.status != 200) {
                            throw new IllegalStateException(
                                    "sign-in of " + username + " answered " + r.status + ": " + r.body);
                        }
                        // Signing in gives the session a new CSRF token: the page reads it as the desk does.
                        return request(HttpMethod.GET, "/auth/session", r.cookie, null, null);
                    })
                    .map(signedIn ->
                            new Session(signedIn.cookie, new JsonObject(signedIn.body).getString("csrfToken")));
        });
    }

    /** Sends {@code body} (JSON) as page {@code page} would, with its cookie and CSRF token; answers the status. */
    Future<Integer> post(int page, String path, String body) {
        Session s = sessions.get(page);
        return request(HttpMethod.POST, path, s.cookie(), s.csrf(), body).map(Answer::status);
    }

    private record Answer(int status, String body, String cookie) {}

    private Future<Answer> request(HttpMethod method, String path, String cookie, String csrf, String body) {
        RequestOptions o = new RequestOptions().setMethod(method).setURI(path);
        if (cookie != null) {
            o.putHeader("Cookie", cookie);
        }
        if (csrf != null) {
            o.putHeader("X-CSRF-Token", csrf).putHeader("Content-Type", "application/json");
        }
        return http.request(o)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> {
                    String set = resp.cookies().stream()
                            .filter(c -> c.startsWith("fc_session="))
                            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                            .findFirst()
                            .orElse(cookie);
                    return new Answer(resp.statusCode(), b.toString(), set);
                }));
    }

    /** Opens every signed-in page's push connection; returns when all are open. */
    void connect(Duration timeout) throws Exception {
        List<Future<WebSocket>> all = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            int page = i;
            WebSocketConnectOptions o = new WebSocketConnectOptions()
                    .setHost(host)
                    .setPort(port)
                    .setURI(pushPath)
                    .addHeader("Cookie", sessions.get(i).cookie());
            all.add(sockets.connect(o).onSuccess(ws -> {
                open.add(ws);
                ws.textMessageHandler(text -> {
                    messages.increment();
                    bytes.add(text.length());
                    observer.received(page, text);
                });
                ws.closeHandler(v -> {
                    if (open.remove(ws)) {
                        closedByServer.incrementAndGet();
                    }
                });
            }));
        }
        Future.all(all).toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int openConnections() {
        return open.size();
    }

    @Override
    public void close() {
        List<WebSocket> all = new ArrayList<>(open);
        open.clear();
        all.forEach(WebSocket::close);
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
    }
}
