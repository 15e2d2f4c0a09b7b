package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import java.util.List;
import java.util.Objects;

/**
 * One overflow rule of a queue; each applies at most once per visit.
 *
 * @param trigger when
 * @param threshold milliseconds for AFTER and EXPECTED_WAIT, a count for QUEUE_SIZE, unused otherwise
 * @param action what
 * @param queues WIDEN: the queues whose members become eligible; MOVE: exactly one queue; EXTERNAL: none
 * @param destination EXTERNAL: where to (an opaque destination the adapter understands); otherwise null
 */
public record OverflowRule(
        OverflowTrigger trigger, long threshold, OverflowAction action, List<String> queues, String destination) {
    public OverflowRule {
        Objects.requireNonNull(trigger, "overflow trigger");
        Objects.requireNonNull(action, "overflow action");
        queues = List.copyOf(queues);
        queues.forEach(q -> Ids.require(q, "overflow queue"));
        switch (trigger) {
            case AFTER, EXPECTED_WAIT, QUEUE_SIZE -> {
                if (threshold <= 0) {
                    throw new IllegalArgumentException("overflow " + trigger + " needs a positive threshold");
                }
            }
            case UNSTAFFED, CLOSED -> {}
        }
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
