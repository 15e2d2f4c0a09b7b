package io.firstcontact.server.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes a connection that holds the listener without sending a request, however slowly it trickles bytes (the idle
 * timeout alone is reset by every byte): a new connection must deliver a request's line and headers in full within
 * {@code headerReadTimeout}, and a kept-alive one its next request within {@code idleTimeout} of the last response.
 * One timer per connection, armed for that exact deadline and cancelled when the request arrives.
 */
final class ConnectionDeadlines {
    private final Vertx vertx;
    private final long headerMillis;
    private final long nextRequestMillis;
    private final Map<HttpConnection, Long> timers = new ConcurrentHashMap<>();

    ConnectionDeadlines(Vertx vertx, Duration headerReadTimeout, Duration idleTimeout) {
        this.vertx = vertx;
        this.headerMillis = headerReadTimeout.toMillis();
        this.nextRequestMillis = idleTimeout.toMillis();
    }

    /** A connection was accepted: its first request's head is due. */
    void opened(HttpConnection connection) {
        connection.closeHandler(v -> cancel(connection));
        arm(connection, headerMillis);
    }

    /** A request's head arrived in full. */
    void requested(HttpConnection connection) {
        cancel(connection);
    }

    /** A response ended on a connection kept alive: the next request is due. */
    void responded(HttpConnection connection) {
        arm(connection, nextRequestMillis);
    }

    private void arm(HttpConnection connection, long millis) {
        long timer = vertx.setTimer(millis, t -> {
            if (timers.remove(connection, t)) {
                connection.close();
            }
        });
        Long previous = timers.put(connection, timer);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void cancel(HttpConnection connection) {
        Long timer = timers.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
