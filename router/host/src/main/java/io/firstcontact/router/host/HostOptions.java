package io.firstcontact.router.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link RoutingHost}, each with a named default; {@link #DEFAULT} holds them all.
 *
 * @param appendRetryDelay how long the host waits before appending a batch again after the journal failed it (with
 *     the same entry ids; effects are held back meanwhile)
 */
public record HostOptions(Duration appendRetryDelay) {
    public static final Duration DEFAULT_APPEND_RETRY_DELAY = Duration.ofMillis(200);

    public static final HostOptions DEFAULT = new HostOptions(DEFAULT_APPEND_RETRY_DELAY);

    public HostOptions {
        Objects.requireNonNull(appendRetryDelay, "appendRetryDelay");
        if (appendRetryDelay.isNegative() || appendRetryDelay.isZero()) {
            throw new IllegalArgumentException("appendRetryDelay must be positive");
        }
    }

    public HostOptions withAppendRetryDelay(Duration delay) {
        return new HostOptions(delay);
    }
}
