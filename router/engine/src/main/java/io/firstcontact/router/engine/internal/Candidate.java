package io.firstcontact.router.engine.internal;

/** A possible offer with the parts of its rank, ordered by {@link RoutingRule#comparePairs the pair rank}. */
final class Candidate implements Comparable<Candidate> {
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
        this.agentTier = RoutingRule.agentTier(v, a);
        this.dueAt = v.dueAt();
        this.order = v.order;
        this.strategy1 = RoutingRule.strategyKey1(v.queue, v.effective, a);
        this.strategy2 = RoutingRule.strategyKey2(v.queue, a);
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

    VisitState visit() {
        return visit;
    }

    AgentState agent() {
        return agent;
    }

    @Override
    public int compareTo(Candidate o) {
        return RoutingRule.comparePairs(this, o);
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
