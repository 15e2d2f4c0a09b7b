package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CrossSellOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One assignment while it is open: who, which queue, since when, time on hold, and its cross-sell prompts' outcomes
 * so far.
 */
final class Work {
    final String assignmentId;
    final String agentId;
    final String interactionId;
    final String queue;
    final String channel;
    final long startedAt;
    /** When wrap-up started, or -1 while active. */
    long wrapStartedAt = -1;
    /** Since when the call is on hold, or -1. */
    long heldSince = -1;
    /** Hold time before {@link #heldSince}. */
    long holdMillis;
    /**
     * Not a contact handled: a consulted colleague's leg until it takes the call over, or a callback's dial the
     * customer did not answer.
     */
    boolean leg;

    final Map<String, CrossSellOutcome> crossSell = new LinkedHashMap<>();

    Work(String assignmentId, String agentId, String interactionId, String queue, String channel, long startedAt) {
        this.assignmentId = assignmentId;
        this.agentId = agentId;
        this.interactionId = interactionId;
        this.queue = queue;
        this.channel = channel;
        this.startedAt = startedAt;
    }

    StatisticsSnapshot.WorkSnap snap() {
        return new StatisticsSnapshot.WorkSnap(
                assignmentId,
                agentId,
                interactionId,
                queue,
                channel,
                startedAt,
                wrapStartedAt < 0 ? AssignmentStatus.ACTIVE : AssignmentStatus.WRAP_UP,
                wrapStartedAt,
                heldSince,
                holdMillis,
                leg,
                new LinkedHashMap<>(crossSell));
    }

    /** The hold that is running ends at {@code at} (resumed, wrap-up, the end). */
    void endHold(long at) {
        if (heldSince >= 0) {
            holdMillis += Math.max(0, at - heldSince);
            heldSince = -1;
        }
    }

    static Work restore(StatisticsSnapshot.WorkSnap s) {
        Work w = new Work(s.assignmentId(), s.agentId(), s.interactionId(), s.queue(), s.channel(), s.startedAt());
        w.wrapStartedAt = s.wrapStartedAt();
        w.heldSince = s.heldSince();
        w.holdMillis = s.holdMillis();
        w.leg = s.leg();
        w.crossSell.putAll(s.crossSell());
        return w;
    }
}
