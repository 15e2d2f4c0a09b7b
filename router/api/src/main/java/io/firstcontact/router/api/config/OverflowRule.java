package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import java.util.List;

/**
 * One overflow rule of a queue; each applies at most once per visit.
 *
 * @param trigger when
 * @param threshold milliseconds for AFTER and EXPECTED_WAIT, a count for QUEUE_SIZE, unused (0, the default)
 *     otherwise
 * @param action what (a configuration that leaves it out gets {@link #DEFAULT_ACTION})
 * @param queues WIDEN: the queues whose members become eligible; MOVE: exactly one queue; EXTERNAL: none (the
 *     default)
 * @param destination EXTERNAL: where to (an opaque destination the adapter understands); otherwise null (the default)
 */
public record OverflowRule(
        OverflowTrigger trigger, long threshold, OverflowAction action, List<String> queues, String destination) {
    public static final long DEFAULT_THRESHOLD = 0;
    /** Widening is the action a rule that names none takes: the visit keeps its queue and its place. */
    public static final OverflowAction DEFAULT_ACTION = OverflowAction.WIDEN;

    /** A threshold of AFTER or EXPECTED_WAIT, in milliseconds. */
    public static final Range WAIT_THRESHOLD_RANGE = Range.millis(1, Range.MAX_PERIOD_MILLIS);
    /** A threshold of QUEUE_SIZE: interactions waiting. */
    public static final Range SIZE_THRESHOLD_RANGE = Range.count(1, 1_000_000);
    /** The threshold of UNSTAFFED and CLOSED, which have none. */
    public static final Range UNUSED_THRESHOLD_RANGE = Range.count(0, 0);

    public OverflowRule {
        if (trigger == null) {
            throw new IllegalArgumentException("trigger is required: one of " + List.of(OverflowTrigger.values()));
        }
        if (action == null) {
            throw new IllegalArgumentException("action is required: one of " + List.of(OverflowAction.values()));
        }
        queues = List.copyOf(queues);
        queues.forEach(q -> Ids.require(q, "overflow queue"));
        thresholdRange(trigger).require(threshold, "threshold");
        switch (action) {
            case WIDEN -> {
                if (queues.isEmpty()) {
                    throw new IllegalArgumentException("overflow WIDEN names at least one queue");
                }
            }
            case MOVE -> {
                if (queues.size() != 1) {
                    throw new IllegalArgumentException("overflow MOVE names exactly one queue");
                }
            }
            case EXTERNAL -> {
                Ids.require(destination, "overflow EXTERNAL destination");
                if (!queues.isEmpty()) {
                    throw new IllegalArgumentException("overflow EXTERNAL names no queue");
                }
            }
        }
    }

    /** The thresholds {@code trigger} accepts. */
    public static Range thresholdRange(OverflowTrigger trigger) {
        return switch (trigger) {
            case AFTER, EXPECTED_WAIT -> WAIT_THRESHOLD_RANGE;
            case QUEUE_SIZE -> SIZE_THRESHOLD_RANGE;
            case UNSTAFFED, CLOSED -> UNUSED_THRESHOLD_RANGE;
        };
    }

    public static OverflowRule widen(OverflowTrigger trigger, long threshold, String... queues) {
        return new OverflowRule(trigger, threshold, OverflowAction.WIDEN, List.of(queues), null);
    }

    public static OverflowRule move(OverflowTrigger trigger, long threshold, String queue) {
        return new OverflowRule(trigger, threshold, OverflowAction.MOVE, List.of(queue), null);
    }

    public static OverflowRule external(OverflowTrigger trigger, long threshold, String destination) {
        return new OverflowRule(trigger, threshold, OverflowAction.EXTERNAL, List.of(), destination);
    }
}
