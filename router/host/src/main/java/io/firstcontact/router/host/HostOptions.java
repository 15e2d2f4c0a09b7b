package io.firstcontact.router.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link RoutingHost}, each with a named default; {@link #DEFAULT} holds them all.
 *
 * @param appendRetryDelay how long the host waits before appending a batch again after the journal failed it (with
 *     the same entry ids; effects are held back meanwhile)
 * @param maxBatchesInFlight how many group commits may be in flight at once: with more than one, what was decided
 *     while a batch is being written is sent behind it at once, when the journal can keep the two in order
 *     ({@link io.firstcontact.router.api.port.Journal#appendBehind}), instead of waiting for the first to be
 *     acknowledged; 1 writes one batch at a time
 */
public record HostOptions(Duration appendRetryDelay, int maxBatchesInFlight) {
    public static final Duration DEFAULT_APPEND_RETRY_DELAY = Duration.ofMillis(200);
    public static final int DEFAULT_MAX_BATCHES_IN_FLIGHT = 2;
    /** More batches in flight than this would only queue in Redis' socket. */
    public static final int MAX_BATCHES_IN_FLIGHT = 8;

    public static final HostOptions DEFAULT =
            new HostOptions(DEFAULT_APPEND_RETRY_DELAY, DEFAULT_MAX_BATCHES_IN_FLIGHT);

    public HostOptions {
        Objects.requireNonNull(appendRetryDelay, "appendRetryDelay");
        if (appendRetryDelay.isNegative() || appendRetryDelay.isZero()) {
            throw new IllegalArgumentException("appendRetryDelay must be positive");
        }
        if (maxBatchesInFlight < 1 || maxBatchesInFlight > MAX_BATCHES_IN_FLIGHT) {
            throw new IllegalArgumentException(
                    "maxBatchesInFlight must be between 1 and " + MAX_BATCHES_IN_FLIGHT + ": " + maxBatchesInFlight);
        }
    }

    public HostOptions withAppendRetryDelay(Duration delay) {
        return new HostOptions(delay, maxBatchesInFlight);
    }

    public HostOptions withMaxBatchesInFlight(int batches) {
        return new HostOptions(appendRetryDelay, batches);
    }
}
