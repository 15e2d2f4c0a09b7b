package io.firstcontact.metrics.statistics;

import java.util.Objects;

/**
 * A condition that holds now.
 *
 * @param queue the queue it is about, or null (an advisor's)
 * @param agentId the advisor it is about, or null (a queue's)
 * @param reason the not-ready reason of {@link AlertKind#NOT_READY_TOO_LONG}, else null
 * @param holdsSince when the condition began to hold (epoch millis): for a timed condition, its exact deadline
 * @param threshold what was passed: milliseconds for waits and not-ready time, a ratio for the service level, 0 for
 *     staffing
 */
public record Alert(AlertKind kind, String queue, String agentId, String reason, long holdsSince, double threshold) {
    public Alert {
        Objects.requireNonNull(kind, "kind");
    }

    /** One alert per kind and subject: {@code LONGEST_WAIT_OVER_THRESHOLD:billing}, {@code NOT_READY_TOO_LONG:a7}. */
    public String key() {
        return kind + ":" + (queue != null ? queue : agentId);
    }
}
