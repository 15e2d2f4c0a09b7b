package io.firstcontact.ivr.rig;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A clock the test sets and moves: time never passes by itself. */
public final class SteppedClock implements InstantSource {
    private volatile Instant now;

    public SteppedClock(Instant start) {
        this.now = start;
    }

    /** At {@code localDateTime} (ISO, {@code 2026-05-05T11:00}) in London. */
    public static SteppedClock londonAt(String localDateTime) {
        return new SteppedClock(
                ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZoneId.of("Europe/London"))
                        .toInstant());
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant at) {
        now = at;
    }

    public void setLondon(String localDateTime) {
        now = ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZoneId.of("Europe/London"))
                .toInstant();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }
}
