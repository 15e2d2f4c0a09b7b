package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A customer's contact from arrival to final end; its id never changes. */
final class InteractionState {
    final String id;
    final String channel;
    final int channelIndexAtCreation;
    final Direction direction;
    final String sourceRef;
    final String conversationId;
    /** Null until known: given at creation, or once by {@code IdentifyCustomer}; never changed after. */
    String customerRef;

    final long arrivedAt;
    Attributes attributes;
    Phase phase = Phase.SELF_SERVICE;
    /** While PARKED: when it was parked; null when not, or unknown (restored from an old snapshot). */
    Long parkedSince;

    long firstQueuedAt = -1;
    int tier;
    long ageBonusMillis;
    /** Open targets, lapsed ones removed by their deadline. */
    final List<Target> targets = new ArrayList<>();

    int ronaCount;
    int visitCount;
    String lastQueue;
    VisitState visit;
    OfferState offer;
    /**
     * Nobody waits on the line: on accept the adapter dials the customer (a callback until its customer answers, an
     * outbound call until its first accept).
     */
    boolean dialOut;
    /** Null unless it is a callback (created as one, converted, or promised). */
    CallbackState callback;
    /** The customer's connection dropped (a fact only with an advisor). */
    boolean customerAway;
    /** While the customer waits away: when their place goes. Created on first use. */
    Deadline customerGrace;
    /** A consult offer to a colleague, live. */
    OfferState consultOffer;
    /** The consulted colleague's assignment, live. */
    AssignmentState consult;

    final TreeMap<String, AssignmentState> assignments = new TreeMap<>();

    InteractionState(
            String id,
            String channel,
            int channelIndex,
            Direction direction,
            String sourceRef,
            String conversationId,
            String customerRef,
            long arrivedAt,
            Attributes attributes) {
        this.id = id;
        this.channel = channel;
        this.channelIndexAtCreation = channelIndex;
        this.direction = direction;
        this.sourceRef = sourceRef;
        this.conversationId = conversationId;
        this.customerRef = customerRef;
        this.arrivedAt = arrivedAt;
        this.attributes = attributes;
        this.dialOut = direction != Direction.INBOUND;
    }

    /** A connected call goes on hold at {@code now}. */
    void park(long now) {
        phase = Phase.PARKED;
        parkedSince = now;
    }

    /** A held call is connected again. */
    void resume() {
        phase = Phase.CONNECTED;
        parkedSince = null;
    }

    Deadline customerGrace() {
        if (customerGrace == null) {
            customerGrace = new Deadline(Deadline.Kind.CUSTOMER_GRACE, this);
        }
        return customerGrace;
    }

    /** Whether an ONLY window is open: then only its targets may take the interaction. */
    boolean onlyOpen() {
        for (Target t : targets) {
            if (t.mode() == TargetMode.ONLY) {
                return true;
            }
        }
        return false;
    }

    /** Whether the advisor is an open target (either mode). */
    boolean targets(String agentId) {
        for (Target t : targets) {
            if (t.agentId().equals(agentId)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the advisor is an open ONLY target. */
    boolean onlyTarget(String agentId) {
        for (Target t : targets) {
            if (t.mode() == TargetMode.ONLY && t.agentId().equals(agentId)) {
                return true;
            }
        }
        return false;
    }

    String id() {
        return id;
    }

    Phase phase() {
        return phase;
    }

    VisitState visit() {
        return visit;
    }

    OfferState offer() {
        return offer;
    }

    int tier() {
        return tier;
    }

    List<Target> targetList() {
        return targets;
    }

    long firstQueuedAt() {
        return firstQueuedAt;
    }

    TreeMap<String, AssignmentState> assignments() {
        return assignments;
    }

    String sourceRef() {
        return sourceRef;
    }
}
