package io.firstcontact.desktop.wallboard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The contact-centre statistics as the wallboard shows them: a queue's figures today, the centre's day by 15-minute
 * interval, the conditions that hold, and word when any of them change. The server gives the metrics module's
 * statistics, whose one service-level definition also drives the REST API and {@code /metrics}: the wallboard shows
 * the figures it is given and computes none. Called on the engine thread only, like the read model.
 */
public interface BoardStatistics {

    /** No statistics on this server: the tiles show the read model's counts, and no chart. */
    BoardStatistics NONE = new BoardStatistics() {
        @Override
        public Optional<QueueToday> queue(String queue, long now) {
            return Optional.empty();
        }

        @Override
        public List<DayInterval> centreDay(long now) {
            return List.of();
        }

        @Override
        public List<Condition> conditions() {
            return List.of();
        }

        @Override
        public AutoCloseable subscribe(Listener listener) {
            return () -> {};
        }

        @Override
        public boolean available() {
            return false;
        }
    };

    /** A queue's figures today, or empty for a queue the statistics do not know (yet). */
    Optional<QueueToday> queue(String queue, long now);

    /** The centre's intervals of the day {@code now} falls in, oldest first: the ones anything happened in. */
    List<DayInterval> centreDay(long now);

    /** The conditions that hold now. */
    List<Condition> conditions();

    /** Hears changes; closing the handle stops it. */
    AutoCloseable subscribe(Listener listener);

    /** Whether there are statistics at all. */
    default boolean available() {
        return true;
    }

    /** What changed. Engine thread: note it, never block. */
    interface Listener {
        /** Figures changed, as of the engine time {@code at}. */
        void figuresChanged(long at);

        /** A condition began or stopped holding. */
        void conditionsChanged();
    }

    /**
     * A queue today under the one service-level definition.
     *
     * @param serviceLevel answered within T over the definition's denominator (0–1), or null before anything counts
     * @param target the queue's target (0–1)
     * @param advisors the queue's members by state ({@code READY}, {@code OFFERED}, {@code BUSY}, {@code WRAP_UP},
     *     {@code NOT_READY}), logged-out members left out
     */
    record QueueToday(
            long offered,
            long answered,
            long abandoned,
            long abandonedShort,
            Double serviceLevel,
            double target,
            Double asaSeconds,
            Map<String, Integer> advisors) {
        public QueueToday {
            advisors = Map.copyOf(Objects.requireNonNull(advisors, "advisors"));
        }
    }

    /**
     * One 15-minute interval of the centre.
     *
     * @param startAt its first instant (epoch millis)
     * @param serviceLevel the one definition's, or null when nothing counted in it
     */
    record DayInterval(long startAt, long offered, long answered, long abandoned, Double serviceLevel) {}

    /**
     * A condition that holds (the statistics' alerts).
     *
     * @param kind {@code LONGEST_WAIT_OVER_THRESHOLD}, {@code SERVICE_LEVEL_BELOW_TARGET}, {@code NOT_READY_TOO_LONG}
     *     or {@code NO_ADVISOR_LOGGED_IN}
     * @param queue the queue it is about, or null
     * @param agentId the advisor it is about, or null
     * @param reason the not-ready reason, for {@code NOT_READY_TOO_LONG}
     * @param holdsSince when it began to hold (epoch millis)
     * @param threshold what was passed: milliseconds for waits and not-ready time, a ratio for the service level
     */
    record Condition(String kind, String queue, String agentId, String reason, long holdsSince, double threshold) {
        public Condition {
            Objects.requireNonNull(kind, "kind");
        }

        /** One per kind and subject. */
        public String key() {
            return kind + ":" + (queue != null ? queue : agentId);
        }
    }
}
