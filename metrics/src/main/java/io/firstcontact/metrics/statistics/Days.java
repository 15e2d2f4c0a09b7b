package io.firstcontact.metrics.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The statistics' calendar: local days in the centre's time zone, each cut into 15-minute intervals from its local
 * midnight. A day of a clock change has 92 or 100 intervals (Europe/London: 23 or 25 hours); an interval is named by
 * the instant it starts, so the hour that happens twice in autumn gives eight distinct intervals.
 */
final class Days {
    static final long INTERVAL_MILLIS = 15 * 60_000L;

    private final ZoneId zone;

    Days(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    ZoneId zone() {
        return zone;
    }

    LocalDate dateOf(long at) {
        return Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
    }

    long start(LocalDate date) {
        return date.atStartOfDay(zone).toInstant().toEpochMilli();
    }

    long end(LocalDate date) {
        return start(date.plusDays(1));
    }

    /** How many intervals the day has: 96, or 92 / 100 on a clock change. */
    int intervals(LocalDate date) {
        return (int) ((end(date) - start(date) + INTERVAL_MILLIS - 1) / INTERVAL_MILLIS);
    }

    /** The index of the interval holding {@code at} in the day starting at {@code dayStart}. */
    static int interval(long dayStart, long at) {
        return (int) ((at - dayStart) / INTERVAL_MILLIS);
    }

    /** The local time an interval starts, for labels ({@code 01:15+01:00}). */
    ZonedDateTime local(long at) {
        return Instant.ofEpochMilli(at).atZone(zone);
    }
}
