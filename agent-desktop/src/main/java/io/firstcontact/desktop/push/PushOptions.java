package io.firstcontact.desktop.push;

import java.time.Duration;
import java.util.Objects;

/**
 * How the push channel keeps its connections.
 *
 * @param pingInterval the server pings each connection this often, so that proxies keep it open, a browser tab in
 *     the background keeps receiving (no client timer is relied on) and a dead peer is found: a connection that has
 *     not answered two pings is closed, and the page reconnects and resumes
 * @param maxQueuedBytes a connection whose unsent data grows past this is closed (the page resumes from its last
 *     entry id): the server never buffers without bound for a slow client
 */
public record PushOptions(Duration pingInterval, int maxQueuedBytes) {
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_QUEUED_BYTES = 1 << 20;
    public static final PushOptions DEFAULT = new PushOptions(null, 0);

    public PushOptions {
        pingInterval = Objects.requireNonNullElse(pingInterval, DEFAULT_PING_INTERVAL);
        maxQueuedBytes = maxQueuedBytes == 0 ? DEFAULT_MAX_QUEUED_BYTES : maxQueuedBytes;
        if (pingInterval.toMillis() < 100 || maxQueuedBytes < 1024) {
            throw new IllegalArgumentException("push.pingInterval ≥ 100ms and push.maxQueuedBytes ≥ 1024");
        }
    }
}
