package io.firstcontact.metrics.statistics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The one definition of service level, used by every figure that shows one (the statistics API, {@code /metrics},
 * the wallboard): {@link #ratio}. The threshold T is each queue's {@code serviceLevelThresholdMillis} in the routing
 * configuration — the same T that orders its waiting interactions — so it is never written twice; this record holds
 * the rest: how abandons count, what a short abandon is, and the target per queue.
 *
 * @param abandons how abandons count
 * @param shortAbandon a wait of at most this, ended by the customer, is a short abandon
 * @param target the target ratio (0–1) of a queue without its own
 * @param targets per-queue targets
 */
public record ServiceLevelDefinition(
        AbandonTreatment abandons, Duration shortAbandon, double target, Map<String, Double> targets) {

    public static final AbandonTreatment DEFAULT_ABANDONS = AbandonTreatment.SHORT_ABANDONS_EXCLUDED;
    public static final Duration DEFAULT_SHORT_ABANDON = Duration.ofSeconds(5);
    public static final double DEFAULT_TARGET = 0.8;

    public static final ServiceLevelDefinition DEFAULT =
            new ServiceLevelDefinition(DEFAULT_ABANDONS, DEFAULT_SHORT_ABANDON, DEFAULT_TARGET, Map.of());

    public ServiceLevelDefinition {
        Objects.requireNonNull(abandons, "abandons");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        if (shortAbandon.isNegative()) {
            throw new IllegalArgumentException("the short-abandon threshold must not be negative");
        }
        targets = Map.copyOf(targets);
        validTarget(target, "target");
        targets.forEach((q, t) -> validTarget(t, "target of queue " + q));
    }

    private static void validTarget(double t, String what) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException(what + " must be a ratio from 0 to 1, was " + t);
        }
    }

    /** The target of a queue. */
    public double target(String queue) {
        return targets.getOrDefault(queue, target);
    }

    /**
     * The service level of these counts: answered within T over the denominator {@link #abandons} names, or null
     * when the denominator is zero (nothing answered or abandoned yet: no figure rather than 100 %).
     */
    public Double ratio(Counts c) {
        long denominator = contacts(c);
        return denominator <= 0 ? null : (double) c.answeredWithinThreshold() / denominator;
    }

    /** The contacts the service level of these counts divides by (its denominator under {@link #abandons}). */
    public long contacts(Counts c) {
        return abandons.denominator(c);
    }

    /** Whether a wait ended by the customer is a short abandon. */
    public boolean shortAbandon(long waitMillis) {
        return waitMillis <= shortAbandon.toMillis();
    }
}
