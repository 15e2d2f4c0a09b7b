package io.firstcontact.router.view;

import io.firstcontact.router.api.model.PlaceInLine;
import java.util.Comparator;

/** A live visit: its static key as the engine orders it, mutable only while out of the queue's sorted sets. */
final class TrackedVisit {
    /**
     * The engine's waiting order, {@link PlaceInLine}: the view lists a queue in the order the engine counts
     * positions because both compare through that one definition.
     */
    static final Comparator<TrackedVisit> KEY =
            (x, y) -> PlaceInLine.compare(x.tier, x.dueAt, x.order, y.tier, y.dueAt, y.order);

    /** The longest wait first: entered time, then order. */
    static final Comparator<TrackedVisit> ENTERED = (x, y) -> {
        int c = Long.compare(x.enteredAt, y.enteredAt);
        return c != 0 ? c : Long.compare(x.order, y.order);
    };

    final String interactionId;
    final String visitId;
    final String queue;
    final long enteredAt;
    final long order;
    /** The service deadline before the age bonus: {@code dueAt + ageBonus} at the start of the visit. */
    final long unbonusedDueAt;

    int tier;
    long dueAt;
    /** In its queue's sorted sets (QUEUED), not being offered. */
    boolean waiting;

    TrackedVisit(
            String interactionId,
            String visitId,
            String queue,
            long enteredAt,
            long order,
            long unbonusedDueAt,
            int tier,
            long dueAt) {
        this.interactionId = interactionId;
        this.visitId = visitId;
        this.queue = queue;
        this.enteredAt = enteredAt;
        this.order = order;
        this.unbonusedDueAt = unbonusedDueAt;
        this.tier = tier;
        this.dueAt = dueAt;
    }

    /** A key alone, for searching the sorted sets from a cursor. */
    static TrackedVisit probe(int tier, long dueAt, long order) {
        return new TrackedVisit("", "", "", 0, order, 0, tier, dueAt);
    }
}
