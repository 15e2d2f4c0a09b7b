package io.firstcontact.benchmarks.load;

import java.util.List;
import java.util.Objects;

/**
 * One of the server's end-to-end targets, judged as a ratio to the floor measured in the same run
 * (docs/routing-contract.md §10): on a shared machine the absolute tail moves with the day (a p99 of 4.8 ms one week,
 * 72 ms another, with the floor's own p99 moving with it), the ratio to a server of the same shape measured beside it
 * much less.
 *
 * @param name what is compared, in the report's words
 * @param server the server's figure
 * @param floor the floor's figure, same unit, same run
 * @param unit the unit of both figures
 * @param maxRatio the target: server ÷ floor at most this
 */
record RatioTarget(String name, double server, double floor, String unit, double maxRatio) {
    /** The server's CPU per request (JVM and its redis-server) at most this many times the floor's. */
    static final double MAX_CPU_PER_REQUEST = 1.3;

    /** The server's L1 and L2 p99 at most this many times the floor's p99. */
    static final double MAX_P99 = 1.2;

    RatioTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!(maxRatio > 0)) {
            throw new IllegalArgumentException("maxRatio must be positive");
        }
    }

    /** The steady run's targets: CPU per request, L1 p99 and L2 p99, each against the floor. */
    static List<RatioTarget> steady(
            double serverCpuPerRequestMicros,
            double floorCpuPerRequestMicros,
            double l1P99Millis,
            double l2P99Millis,
            double floorP99Millis) {
        return List.of(
                new RatioTarget(
                        "CPU per request, JVM + redis-server",
                        serverCpuPerRequestMicros,
                        floorCpuPerRequestMicros,
                        "µs",
                        MAX_CPU_PER_REQUEST),
                new RatioTarget("L1 p99 (floor: its p99)", l1P99Millis, floorP99Millis, "ms", MAX_P99),
                new RatioTarget("L2 p99 (floor: its p99)", l2P99Millis, floorP99Millis, "ms", MAX_P99));
    }

    /** server ÷ floor; NaN when either is missing. */
    double ratio() {
        return server / floor;
    }

    /** Met only when both figures exist and the ratio is within the target. */
    boolean met() {
        return ratio() <= maxRatio;
    }
}
