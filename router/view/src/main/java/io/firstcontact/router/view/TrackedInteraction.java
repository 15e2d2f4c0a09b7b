package io.firstcontact.router.view;

import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Phase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** An interaction followed through the facts, with the entry ids of its trace. */
final class TrackedInteraction {
    /** Arrival order: the time it was created, then its id. */
    static final Comparator<TrackedInteraction> ARRIVAL =
            Comparator.<TrackedInteraction>comparingLong(i -> i.createdAt).thenComparing(i -> i.id);

    final String id;
    final String channel;
    final Direction direction;
    final String sourceRef;
    final String conversationId;
    /** Null until known: given at creation, or once when the customer is identified. */
    String customerRef;

    final long createdAt;

    Phase phase = Phase.SELF_SERVICE;
    int tier;
    /** Set by the command that queued it or changed its routing; the engine's key subtracts it. */
    long ageBonusMillis;

    String lastQueue;
    TrackedVisit visit;
    String offerId;
    /** While on hold: since when (engine time), or null when not known (held before the snapshot it was restored from). */
    Long heldSince;
    /** A colleague's consult offer ringing about this call, or null. */
    String consultOfferId;
    /** The offer accepted in the entry being applied: it names the queue of the assignment that follows. */
    String acceptedOfferId;

    /** Its open assignments, oldest first. */
    final TreeSet<TrackedAssignment> assignments = new TreeSet<>(TrackedAssignment.ORDER);

    /** Every advisor it has been offered to (an assignment follows an offer), each once, in order. */
    final List<String> offeredTo = new ArrayList<>(1);

    Long endedAt;
    EndReason endReason;

    final ArrayDeque<String> trace = new ArrayDeque<>();
    long traceDropped;
    /** Null, or the entry of the snapshot it was restored from: the entries up to it are not in its trace. */
    String traceStartsAfter;

    TrackedInteraction(
            String id,
            String channel,
            Direction direction,
            String sourceRef,
            String conversationId,
            String customerRef,
            long createdAt) {
        this.id = id;
        this.channel = channel;
        this.direction = direction;
        this.sourceRef = sourceRef;
        this.conversationId = conversationId;
        this.customerRef = customerRef;
        this.createdAt = createdAt;
    }

    /** A stand-in at {@code (createdAt, id)} in {@link #ARRIVAL} order, to search from. */
    static TrackedInteraction probe(long createdAt, String id) {
        return new TrackedInteraction(id, null, null, null, null, null, createdAt);
    }

    void offered(String agentId) {
        if (!offeredTo.contains(agentId)) {
            offeredTo.add(agentId);
        }
    }

    /** Adds an entry id (once per entry: the caller dedupes), dropping the oldest beyond {@code capacity}. */
    void traced(String entryId, int capacity) {
        trace.addLast(entryId);
        if (trace.size() > capacity) {
            trace.removeFirst();
            traceDropped++;
        }
    }
}
