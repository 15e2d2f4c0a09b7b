package io.firstcontact.server.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that holds the listener without sending a request, however slowly it trickles bytes (the idle
 * timeout alone is reset by every byte): a new connection must deliver a request's line and headers in full within
 * {@code headerReadTimeout}, and a kept-alive one its next request within {@code idleTimeout} of the last response.
 *
 * <p>One timer per connection at a time. A request and its response only move the connection's deadline; a timer
 * that fires before the deadline it finds re-arms itself for that exact instant, and one that finds a request in
 * progress lets the response arm the next. Arming and cancelling a timer for every request cost about 3 % of the
 * event loop at the load targets' 4,000 requests/s.
 */
final class ConnectionDeadlines {
    /** The deadline of a connection whose request is in progress: none until its response ends. */
    private static final long IN_PROGRESS = Long.MAX_VALUE;

    private final Vertx vertx;
    private final long headerNanos;
    private final long nextRequestNanos;
    private final Map<HttpConnection, Watch> watched = new ConcurrentHashMap<>();

    /** One connection's deadline and whether a timer is armed for it; touched on the connection's event loop. */
    private static final class Watch {
        long dueNanos;
        long timer = -1;
    }

    ConnectionDeadlines(Vertx vertx, Duration headerReadTimeout, Duration idleTimeout) {
        this.vertx = vertx;
        this.headerNanos = headerReadTimeout.toNanos();
        this.nextRequestNanos = idleTimeout.toNanos();
    }

    /** A connection was accepted: its first request's head is due. */
    void opened(HttpConnection connection) {
        Watch watch = new Watch();
        watched.put(connection, watch);
        connection.closeHandler(v -> {
            Watch closed = watched.remove(connection);
            if (closed != null && closed.timer >= 0) {
                vertx.cancelTimer(closed.timer);
            }
        });
        due(connection, watch, System.nanoTime() + headerNanos);
    }

    /** A request's head arrived in full. */
    void requested(HttpConnection connection) {
        Watch watch = watched.get(connection);
        if (watch != null) {
            watch.dueNanos = IN_PROGRESS;
        }
    }

    /** A response ended on a connection kept alive: the next request is due. */
    void responded(HttpConnection connection) {
        Watch watch = watched.get(connection);
        if (watch != null) {
            due(connection, watch, System.nanoTime() + nextRequestNanos);
        }
    }

    private void due(HttpConnection connection, Watch watch, long dueNanos) {
        watch.dueNanos = dueNanos;
        if (watch.timer < 0) {
            arm(connection, watch, dueNanos - System.nanoTime());
        }
    }

    private void arm(HttpConnection connection, Watch watch, long inNanos) {
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(inNanos + 999_999)); // never before the deadline
        watch.timer = vertx.setTimer(millis, t -> fired(connection, watch));
    }

    private void fired(HttpConnection connection, Watch watch) {
        watch.timer = -1;
        if (watch.dueNanos == IN_PROGRESS || watched.get(connection) != watch) {
            return; // a request is in progress (its response sets the next deadline), or the connection is gone
        }
        long left = watch.dueNanos - System.nanoTime();
        if (left > 0) {
            arm(connection, watch, left); // moved by a request since this timer was armed
        } else {
            connection.close();
        }
    }
}
