package io.firstcontact.channels.chat;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Token buckets by key (a client's address, a chat): each holds up to {@code burst} tokens and gains {@code perMinute}
 * a minute, worked out from the clock when asked (no timer). The most recently used {@code maxKeys} keys are
 * remembered, so a flood of addresses costs bounded memory. Thread-safe.
 */
final class RateLimit {
    private final InstantSource clock;
    private final double perMilli;
    private final double burst;
    private final Map<String, double[]> buckets;

    RateLimit(InstantSource clock, int perMinute, int burst, int maxKeys) {
        this.clock = clock;
        this.perMilli = perMinute / 60_000.0;
        this.burst = Math.max(1, burst);
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Takes a token for {@code key}; false (and nothing taken) when its bucket is empty. */
    synchronized boolean take(String key) {
        long now = clock.millis();
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        b[0] = Math.min(burst, b[0] + (now - (long) b[1]) * perMilli);
        b[1] = now;
        if (b[0] < 1) {
            return false;
        }
        b[0] -= 1;
        return true;
    }

    /** Seconds until {@code key} has a token again (at least 1). */
    synchronized long retryAfterSeconds(String key) {
        double[] b = buckets.get(key);
        if (b == null || b[0] >= 1) {
            return 1;
        }
        return Math.max(1, (long) Math.ceil((1 - b[0]) / perMilli / 1000));
    }

    synchronized void forget(String key) {
        buckets.remove(key);
    }
}
