package io.firstcontact.router.api.config;

/**
 * The values a number of the routing configuration may take, both ends included. Every number has one, so that no
 * configuration holds a value the engine would overflow on (an offer timeout of 2<sup>63</sup>−1 ms would never
 * expire) or that makes no sense in a contact centre (a wrap-up of a year).
 *
 * @param min the smallest value accepted
 * @param max the largest value accepted
 * @param millis whether the value is a duration in milliseconds (messages then say "30 s", "1 h")
 */
public record Range(long min, long max, boolean millis) {
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** The longest time any deadline of the configuration may lie ahead of its start. */
    public static final long MAX_PERIOD_MILLIS = 30 * DAY;

    public Range {
        if (min > max) {
            throw new IllegalArgumentException("a range's min " + min + " is above its max " + max);
        }
    }

    /** Durations in milliseconds, from {@code min} to {@code max}. */
    public static Range millis(long min, long max) {
        return new Range(min, max, true);
    }

    /** Counts (a size, a tier, a capacity), from {@code min} to {@code max}. */
    public static Range count(long min, long max) {
        return new Range(min, max, false);
    }

    public boolean contains(long value) {
        return value >= min && value <= max;
    }

    /**
     * Returns {@code value} if it is in the range, else throws with a message that starts with {@code field}: {@code
     * offerTimeoutMillis must be 1000–3600000 (1 s to 1 h), was 9223372036854775807}.
     */
    public long require(long value, String field) {
        if (!contains(value)) {
            throw new IllegalArgumentException(field + " must be " + this + ", was " + value);
        }
        return value;
    }

    /** As {@link #require(long, String)}, for an int field. */
    public int require(int value, String field) {
        require((long) value, field);
        return value;
    }

    /** {@code 1000–3600000 (1 s to 1 h)}, or {@code 1–99}. */
    @Override
    public String toString() {
        String numbers = min + "–" + max;
        return millis ? numbers + " (" + readable(min) + " to " + readable(max) + ")" : numbers;
    }

    /** A duration in its largest whole unit: {@code 0}, {@code 250 ms}, {@code 30 s}, {@code 5 min}, {@code 30 d}. */
    static String readable(long millis) {
        if (millis == 0) {
            return "0";
        }
        if (millis % DAY == 0) {
            return millis / DAY + " d";
        }
        if (millis % HOUR == 0) {
            return millis / HOUR + " h";
        }
        if (millis % MINUTE == 0) {
            return millis / MINUTE + " min";
        }
        if (millis % SECOND == 0) {
            return millis / SECOND + " s";
        }
        return millis + " ms";
    }
}
