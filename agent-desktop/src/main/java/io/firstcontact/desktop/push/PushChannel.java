package io.firstcontact.desktop.push;

import io.firstcontact.desktop.staff.StaffGuard;
import io.firstcontact.desktop.staff.StaffPrincipal;
import io.firstcontact.desktop.staff.StaffSessions;
import io.firstcontact.desktop.web.Problem;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server push to staff pages over WebSocket, shared by the desk and (later) the wallboard. The upgrade is a route
 * behind a {@link StaffGuard} (session and role checked), and is refused when its {@code Origin} is another site (a
 * cross-site page cannot open a staff socket with the staff's cookie). The server pings every connection and closes
 * one that stops answering; a slow connection is closed rather than buffered without bound; signing out everywhere
 * closes the user's connections at once. Pages reconnect by themselves and resume after the last entry id they saw.
 */
public final class PushChannel {
    private static final Logger LOG = LoggerFactory.getLogger(PushChannel.class);
    private static final Pattern ENTRY_ID = Pattern.compile("\\d{1,18}-\\d{1,18}");

    private final Vertx vertx;
    private final PushOptions options;
    private final ConcurrentMap<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public PushChannel(Vertx vertx, StaffSessions sessions, PushOptions options) {
        this.vertx = vertx;
        this.options = options;
        sessions.onSignedOutEverywhere(this::closeAll);
    }

    /** Connections open now. */
    public int connections() {
        return open.get();
    }

    /** The upgrade handler; put it behind the guard of the role the feed needs. */
    public Handler<RoutingContext> endpoint(Feed feed) {
        return ctx -> {
            if (!StaffSessions.sameOrigin(ctx)) {
                Problem.forbidden("a push connection from another site").write(ctx);
                return;
            }
            String after = ctx.request().getParam("after");
            if (after != null && !ENTRY_ID.matcher(after).matches()) {
                Problem.invalid("after must be a journal entry id such as 3-1042")
                        .write(ctx);
                return;
            }
            StaffPrincipal principal = StaffGuard.principal(ctx);
            ctx.request()
                    .toWebSocket()
                    .onSuccess(ws -> accept(ws, principal, feed, after))
                    .onFailure(e -> {
                        LOG.debug("push upgrade failed: {}", e.getMessage());
                        if (!ctx.response().ended()) {
                            Problem.malformed("a WebSocket upgrade was expected")
                                    .write(ctx);
                        }
                    });
        };
    }

    private void accept(ServerWebSocket ws, StaffPrincipal principal, Feed feed, String after) {
        ws.setWriteQueueMaxSize(options.maxQueuedBytes());
        Connection c = new Connection(vertx.getOrCreateContext(), ws, principal);
        byUser.computeIfAbsent(principal.username(), u -> ConcurrentHashMap.newKeySet())
                .add(c);
        open.incrementAndGet();
        ws.pongHandler(b -> c.missedPings = 0);
        ws.textMessageHandler(text -> {}); // the page speaks over HTTP; anything sent here is ignored
        ws.exceptionHandler(e -> c.close("connection error"));
        ws.closeHandler(v -> c.release());
        c.ping = vertx.setPeriodic(options.pingInterval().toMillis(), t -> c.ping());
        try {
            c.subscription = feed.open(c, after);
        } catch (RuntimeException e) {
            LOG.error("push feed failed to open", e);
            c.close("server error");
        }
    }

    private void closeAll(String username) {
        disconnect(username, "signed out");
    }

    /** Closes every connection of {@code username} with {@code reason} (the pages reconnect unless signed out). */
    public void disconnect(String username, String reason) {
        Set<Connection> cs = byUser.get(username);
        if (cs != null) {
            cs.forEach(c -> c.close(reason));
        }
    }

    private final class Connection implements PushConnection {
        private final Context context;
        private final ServerWebSocket ws;
        private final StaffPrincipal principal;
        private volatile boolean closed;
        private long ping = -1;
        private int missedPings;
        private AutoCloseable subscription;

        Connection(Context context, ServerWebSocket ws, StaffPrincipal principal) {
            this.context = context;
            this.ws = ws;
            this.principal = principal;
        }

        @Override
        public StaffPrincipal principal() {
            return principal;
        }

        @Override
        public Context context() {
            return context;
        }

        /** Thread-safe: Vert.x carries the write to the socket's own event loop, in the order of the calls. */
        @Override
        public void send(String json) {
            if (closed) {
                return;
            }
            if (ws.writeQueueFull()) {
                close("too slow");
                return;
            }
            ws.writeTextMessage(json);
        }

        void ping() {
            if (closed) {
                return;
            }
            if (++missedPings > 2) {
                close("no answer to pings");
                return;
            }
            ws.writePing(Buffer.buffer("fc"));
        }

        @Override
        public void close(String reason) {
            if (Vertx.currentContext() != context) {
                context.runOnContext(v -> close(reason));
                return;
            }
            if (!closed) {
                ws.close((short) 1000, reason);
                release();
            }
        }

        /** The socket is gone, by either side: stop everything it held. */
        void release() {
            if (closed) {
                return;
            }
            closed = true;
            open.decrementAndGet();
            vertx.cancelTimer(ping);
            Set<Connection> cs = byUser.get(principal.username());
            if (cs != null) {
                cs.remove(this);
            }
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception e) {
                    LOG.warn("push feed failed to close: {}", e.toString());
                }
            }
        }

        @Override
        public boolean closed() {
            return closed;
        }
    }
}
