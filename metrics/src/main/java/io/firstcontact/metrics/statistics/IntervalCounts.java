package io.firstcontact.metrics.statistics;

/**
 * One 15-minute interval's counts.
 *
 * @param index its place in its day (0 from local midnight; up to 91 or 99 on a clock change)
 * @param start its first instant (epoch millis)
 * @param end the instant after it
 */
public record IntervalCounts(int index, long start, long end, Counts counts) {}
