package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.model.Requirement;
import java.util.List;

/**
 * A possible offer and its rank: {@code (I.tier desc, A is a target of I first, A's tier for I's queue, I.dueAt,
 * I.order, A's rank by I's queue strategy, A's id)}, lower first. One rule gives every routing case.
 */
public final class Candidate implements Comparable<Candidate> {
    /** Agent tier of an advisor reached only by widening: after every member of the queue itself. */
    static final int WIDENED_TIER_OFFSET = 100;

    VisitState visit;
    AgentState agent;
    boolean fromAgent;
    long negTier;
    long notTarget;
    long agentTier;
    long dueAt;
    long order;
    long strategy1;
    long strategy2;

    Candidate(VisitState v, AgentState a, boolean fromAgent) {
        set(v, a, fromAgent);
    }

    /** A reusable probe: the index ranks pairs in place and copies only the ones it keeps. */
    Candidate() {}

    Candidate set(VisitState v, AgentState a, boolean fromAgent) {
        this.visit = v;
        this.agent = a;
        this.fromAgent = fromAgent;
        this.negTier = -v.interaction.tier;
        this.notTarget = v.interaction.targets(a.id) ? 0 : 1;
        this.agentTier = agentTier(v, a);
        this.dueAt = v.dueAt();
        this.order = v.order;
        this.strategy1 = strategyKey1(v.queue, v.effective, a);
        this.strategy2 = strategyKey2(v.queue, a);
        return this;
    }

    Candidate copyFrom(Candidate o) {
        visit = o.visit;
        agent = o.agent;
        fromAgent = o.fromAgent;
        negTier = o.negTier;
        notTarget = o.notTarget;
        agentTier = o.agentTier;
        dueAt = o.dueAt;
        order = o.order;
        strategy1 = o.strategy1;
        strategy2 = o.strategy2;
        return this;
    }

    Candidate copy() {
        return new Candidate().copyFrom(this);
    }

    /** The first key of the advisor's rank by the queue's strategy. */
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

    public VisitState visit() {
        return visit;
    }

    public AgentState agent() {
        return agent;
    }

    @Override
    public int compareTo(Candidate o) {
        int c = Long.compare(negTier, o.negTier);
        if (c != 0) return c;
        c = Long.compare(notTarget, o.notTarget);
        if (c != 0) return c;
        c = Long.compare(agentTier, o.agentTier);
        if (c != 0) return c;
        c = Long.compare(dueAt, o.dueAt);
        if (c != 0) return c;
        c = Long.compare(order, o.order);
        if (c != 0) return c;
        c = Long.compare(strategy1, o.strategy1);
        if (c != 0) return c;
        c = Long.compare(strategy2, o.strategy2);
        if (c != 0) return c;
        return agent.id.compareTo(o.agent.id);
    }

    /** Same pair with the same rank. */
    boolean sameAs(Candidate o) {
        return o != null && visit == o.visit && agent == o.agent && compareTo(o) == 0;
    }

    /** The better of two, either possibly null. */
    static Candidate better(Candidate a, Candidate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return visit.interaction.id + "→" + agent.id;
    }
}
