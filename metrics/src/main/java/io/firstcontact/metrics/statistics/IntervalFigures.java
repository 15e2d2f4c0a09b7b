package io.firstcontact.metrics.statistics;

import java.time.LocalDate;

/**
 * One 15-minute interval of a queue, a channel or the centre.
 *
 * @param startAt its first instant (epoch millis)
 * @param endAt the instant after it
 * @param scope {@code queue}, {@code channel} or {@code centre}
 * @param name the queue's or channel's id, {@code centre} for the centre
 * @param channel the queue's channel (the channel's own id; null for the centre)
 * @param localStart the interval's start as local time with its offset ({@code 2026-10-25T01:15+01:00})
 */
public record IntervalFigures(
        LocalDate date,
        long startAt,
        long endAt,
        String localStart,
        String scope,
        String name,
        String channel,
        Period period) {}
