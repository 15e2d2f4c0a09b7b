package io.firstcontact.server.demo;

import java.util.random.RandomGenerator;

/**
 * The demo's random draws from one seeded generator. StrictMath keeps every draw bit-identical on every JVM, so a
 * seed always gives the same schedule.
 */
final class Draws {
    private final RandomGenerator random;

    Draws(RandomGenerator random) {
        this.random = random;
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Uniform in {@code [from, to]}. */
    long uniform(long from, long to) {
        return from + random.nextLong(to - from + 1);
    }

    /** Uniform in {@code [from, to)}. */
    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** Exponential with the given mean: the gap between arrivals of a Poisson process. */
    long exponential(double mean) {
        return Math.round(-mean * StrictMath.log(1 - random.nextDouble()));
    }

    /**
     * Lognormal with the given median and shape: handle times and patience, mostly near the median with a long tail.
     */
    long lognormal(double median, double sigma) {
        return Math.round(median * StrictMath.exp(sigma * gaussian()));
    }

    /** One index drawn with the given weights. */
    int pick(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    /** A standard normal draw (Box–Muller; the second value is dropped to keep draws independent of history). */
    private double gaussian() {
        double u = 1 - random.nextDouble(); // (0, 1]: log is finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }
}
