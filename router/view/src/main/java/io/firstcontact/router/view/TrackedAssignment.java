package io.firstcontact.router.view;

import io.firstcontact.router.api.model.AssignmentStatus;
import java.util.Comparator;

/** An assignment followed through the facts. */
final class TrackedAssignment {
    /**
     * Oldest first: started at, then the order of their offers (an assignment is named after its offer, {@link
     * NaturalOrder}). Both are in a snapshot, so a view restored from one lists them as a view fed from the start.
     */
    static final Comparator<TrackedAssignment> ORDER =
            Comparator.<TrackedAssignment>comparingLong(a -> a.startedAt).thenComparing(a -> a.id, NaturalOrder.IDS);

    final String id;
    final String interactionId;
    final String agentId;
    final String offerId;
    final String queue;
    final String channel;
    final long startedAt;
    /** A consulted colleague's leg: its end is not a handle time of the queue. */
    boolean consult;

    AssignmentStatus status = AssignmentStatus.ACTIVE;
    Long wrapUpUntil;
    Long endedAt;

    TrackedAssignment(
            String id,
            String interactionId,
            String agentId,
            String offerId,
            String queue,
            String channel,
            long startedAt) {
        this.id = id;
        this.interactionId = interactionId;
        this.agentId = agentId;
        this.offerId = offerId;
        this.queue = queue;
        this.channel = channel;
        this.startedAt = startedAt;
    }

    AssignmentView view() {
        return new AssignmentView(
                id, interactionId, agentId, offerId, queue, channel, status, startedAt, wrapUpUntil, endedAt, consult);
    }
}
