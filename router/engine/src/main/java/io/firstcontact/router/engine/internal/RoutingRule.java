package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.model.PlaceInLine;
import io.firstcontact.router.api.model.Requirement;
import java.util.List;

/**
 * The routing rule (docs/routing-contract.md §2–3), written once: which advisor may take which waiting interaction
 * (eligibility), and which of all eligible pairs is offered first (the pair rank). The production index and the
 * naive oracle both ask it, so they can differ only in how they search, never in what they look for.
 *
 * <p><b>Pair rank</b>, better first: {@code (I.tier desc, A is a target of I first, A's agent tier for I's queue asc,
 * I.dueAt asc, I.order asc, A's rank by I's queue strategy, A's id)}. Its parts that belong to the interaction alone
 * are its {@link PlaceInLine place in line}; its parts that belong to the advisor alone, for a fixed queue, are
 * {@link #compareAdvisors the advisor order} the index keeps per bucket.
 */
final class RoutingRule {
    /** Agent tier of an advisor reached only by widening: after every member of the queue itself. */
    static final int WIDENED_TIER_OFFSET = 100;

    private RoutingRule() {}

    // ------------------------------------------------------------------ eligibility

    /**
     * Whether the advisor may be offered the visit now: the visit waits in an open queue; the advisor has free,
     * unblocked capacity on its channel and is not excluded from the visit; an open ONLY window names them; they are a
     * target or in the visit's pool (with their delay reached); and their skills meet its current requirements.
     */
    static boolean eligible(VisitState v, AgentState a) {
        InteractionState i = v.interaction;
        if (!v.waiting() || !v.queue.open || !a.availableOn(v.queue.channelIndex) || v.excludes(a.id)) {
            return false;
        }
        if (i.onlyOpen() && !i.onlyTarget(a.id)) {
            return false;
        }
        if (!i.targets(a.id) && !member(v, a, true)) {
            return false;
        }
        return meets(a, v.effective);
    }

    /** Whether the advisor, logged in, could ever take the visit (staffing: delay and availability aside). */
    static boolean couldServe(VisitState v, AgentState a) {
        if (!a.staffing() || v.queue.channelIndex >= a.max.length || a.max[v.queue.channelIndex] == 0) {
            return false;
        }
        return (v.interaction.targets(a.id) || member(v, a, false)) && meets(a, v.effective);
    }

    /** Whether the advisor is in the visit's pool: its queue (with the delay reached) or a widened queue. */
    static boolean member(VisitState v, AgentState a, boolean withDelay) {
        return member(v.queue, v.widenMask, v.delayStage, a, withDelay);
    }

    /** Pool membership for a queue, widening mask and delay stage: shared by the engine and its index. */
    static boolean member(QueueState q, int widenMask, int delayStage, AgentState a, boolean withDelay) {
        QueueMembership m = a.membership(q.id());
        if (m != null && (!withDelay || q.stageFor(m.delayMillis()) <= delayStage)) {
            return true;
        }
        if (widenMask != 0 && a.routing != null) {
            for (QueueMembership pm : a.routing.queues()) {
                if (q.widensTo(widenMask, pm.queue())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the advisor's skills meet every requirement. */
    static boolean meets(AgentState a, List<Requirement> reqs) {
        for (Requirement r : reqs) {
            if (a.proficiency(r.skill()) < r.minProficiency()) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ the parts of the pair rank

    /** The advisor's tier for the visit: membership tier, else widened pools after members, else 1 (a target). */
    static int agentTier(VisitState v, AgentState a) {
        return agentTier(v.queue, v.widenMask, a);
    }

    static int agentTier(QueueState q, int widenMask, AgentState a) {
        QueueMembership m = a.membership(q.id());
        if (m != null) {
            return m.tier();
        }
        int best = Integer.MAX_VALUE;
        if (widenMask != 0 && a.routing != null) {
            for (QueueMembership pm : a.routing.queues()) {
                if (q.widensTo(widenMask, pm.queue())) {
                    best = Math.min(best, WIDENED_TIER_OFFSET + pm.tier());
                }
            }
        }
        return best == Integer.MAX_VALUE ? 1 : best;
    }

    /**
     * The first key of the advisor's rank by the queue's strategy: longest idle ({@code availableSince}), least
     * occupied (occupancy on the channel) or most skilled (proficiency in the first requirement, negated).
     */
    static long strategyKey1(QueueState q, List<Requirement> reqs, AgentState a) {
        int c = q.channelIndex;
        return switch (q.strategy) {
            case LONGEST_IDLE -> a.availableSince[c];
            case LEAST_OCCUPIED -> a.occupancy(c);
            case MOST_SKILLED ->
                reqs.isEmpty() ? 0 : -a.proficiency(reqs.getFirst().skill());
        };
    }

    /** The second key: the longest idle breaks ties of the other strategies. */
    static long strategyKey2(QueueState q, AgentState a) {
        return switch (q.strategy) {
            case LONGEST_IDLE -> 0;
            case LEAST_OCCUPIED, MOST_SKILLED -> a.availableSince[q.channelIndex];
        };
    }

    // ------------------------------------------------------------------ the pair rank

    /** The pair rank of two candidates: negative when {@code x} is offered first. */
    static int comparePairs(Candidate x, Candidate y) {
        int c = Long.compare(x.negTier, y.negTier);
        if (c != 0) return c;
        c = Long.compare(x.notTarget, y.notTarget);
        if (c != 0) return c;
        c = Long.compare(x.agentTier, y.agentTier);
        if (c != 0) return c;
        // Within one tier and agent tier, the interactions' places in line (their tiers are equal here).
        c = PlaceInLine.compare(0, x.dueAt, x.order, 0, y.dueAt, y.order);
        if (c != 0) return c;
        return compareStrategyThenId(x.strategy1, x.strategy2, x.agent.id, y.strategy1, y.strategy2, y.agent.id);
    }

    /**
     * The pair rank for one interaction among advisors who are not its targets: agent tier, strategy rank, id. The
     * index keeps each bucket's available advisors in this order, so its first is the best for any of its visits.
     */
    static int compareAdvisors(
            long agentTierA, long s1A, long s2A, String idA, long agentTierB, long s1B, long s2B, String idB) {
        int c = Long.compare(agentTierA, agentTierB);
        return c != 0 ? c : compareStrategyThenId(s1A, s2A, idA, s1B, s2B, idB);
    }

    private static int compareStrategyThenId(long s1A, long s2A, String idA, long s1B, long s2B, String idB) {
        int c = Long.compare(s1A, s1B);
        if (c != 0) return c;
        c = Long.compare(s2A, s2B);
        return c != 0 ? c : idA.compareTo(idB);
    }
}
