package io.firstcontact.desktop.wallboard;

import java.time.Duration;
import java.util.Objects;

/**
 * How the wallboard pushes.
 *
 * @param minPushInterval changes are gathered for at least this long after a push before the next one goes out
 *     (default 100 ms): however busy the centre, each wallboard gets at most ten small messages a second, each within
 *     this of the change it carries; a quiet centre pushes nothing
 * @param momentsKept momentary alerts (a repeated RONA, an advisor paused for rejects) shown, newest first (default 10)
 */
public record WallboardOptions(Duration minPushInterval, int momentsKept) {
    public static final Duration DEFAULT_MIN_PUSH_INTERVAL = Duration.ofMillis(100);
    public static final int DEFAULT_MOMENTS_KEPT = 10;
    public static final WallboardOptions DEFAULT = new WallboardOptions(null, 0);

    public WallboardOptions {
        minPushInterval = Objects.requireNonNullElse(minPushInterval, DEFAULT_MIN_PUSH_INTERVAL);
        momentsKept = momentsKept == 0 ? DEFAULT_MOMENTS_KEPT : momentsKept;
        if (minPushInterval.isNegative() || minPushInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("desktop.wallboard.minPushInterval must be 0–1s");
        }
        if (momentsKept < 1 || momentsKept > 100) {
            throw new IllegalArgumentException("desktop.wallboard.momentsKept must be 1–100");
        }
    }
}
