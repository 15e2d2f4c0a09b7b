package io.firstcontact.benchmarks.load;

import java.util.SplittableRandom;

/**
 * The intended send times of a Poisson process: exponential gaps of mean {@code 1 / ratePerSecond}, drawn from a seeded
 * generator, so the same seed and rate always give the same schedule. Times are nanoseconds from the schedule's start;
 * the driver sends each event at its intended time and never waits for an answer (open loop).
 */
public final class PoissonSchedule {
    private final SplittableRandom random;
    private final double meanGapNanos;
    private double next;

    /** A rate of 0 gives a schedule whose next event never comes. */
    public PoissonSchedule(long seed, double ratePerSecond) {
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be >= 0");
        }
        this.random = new SplittableRandom(seed);
        this.meanGapNanos = ratePerSecond == 0 ? Double.POSITIVE_INFINITY : 1e9 / ratePerSecond;
        this.next = gap();
    }

    /** The intended time of the next event, in nanoseconds from the start; {@link Long#MAX_VALUE} if none. */
    public long peek() {
        return next >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) next;
    }

    /** Returns the next event's intended time and moves past it. */
    public long take() {
        long t = peek();
        next += gap();
        return t;
    }

    private double gap() {
        // 1 - nextDouble() is in (0, 1]: the logarithm is finite.
        return -Math.log(1.0 - random.nextDouble()) * meanGapNanos;
    }
}
