package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.OverflowTrigger;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle: answers every routing question by scanning the whole state, written for obviousness. It asks the same
 * {@link RoutingRule} as the production index (eligibility, pair rank) and the same {@link VisitState#KEY waiting
 * order}, but searches linearly: every waiting visit against every advisor. It ignores the engine's change notices,
 * so a change the production index fails to notice shows up as a different decision.
 */
public final class NaiveRouting implements RoutingIndex {
    private EngineCore core;
    private final WorkCounters counters = new WorkCounters();

    @Override
    public void rebuild(EngineCore engine) {
        this.core = engine;
    }

    @Override
    public void visitChanged(VisitState visit) {}

    @Override
    public void agentChanged(AgentState agent) {}

    @Override
    public void agentRedefined(AgentState agent) {}

    @Override
    public boolean staffed(VisitState v) {
        for (AgentState a : core.agents.values()) {
            if (RoutingRule.couldServe(v, a)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<VisitState> newlyUnstaffed() {
        List<VisitState> found = new ArrayList<>();
        for (VisitState v : allWaiting()) {
            if (!v.interaction.onlyOpen()
                    && core.overflow.pendingRules(v, OverflowTrigger.UNSTAFFED) != 0
                    && !staffed(v)) {
                found.add(v);
            }
        }
        found.sort((x, y) -> Long.compare(x.order, y.order));
        return found;
    }

    @Override
    public int position(VisitState v) {
        if (!v.waiting()) {
            return 0;
        }
        int better = 0;
        for (VisitState other : v.queue.liveVisits.values()) {
            if (other != v && other.waiting() && VisitState.KEY.compare(other, v) < 0) {
                better++;
            }
        }
        return 1 + better;
    }

    @Override
    public void match(EngineCore engine) {
        while (true) {
            Candidate best = null;
            for (VisitState v : allWaiting()) {
                for (AgentState a : engine.agents.values()) {
                    if (RoutingRule.eligible(v, a)) {
                        best = Candidate.better(best, new Candidate(v, a, false));
                    }
                }
            }
            if (best == null) {
                return;
            }
            engine.makeOffer(best.visit, best.agent);
        }
    }

    private List<VisitState> allWaiting() {
        List<VisitState> all = new ArrayList<>();
        for (QueueState q : core.queues.values()) {
            for (VisitState v : q.liveVisits.values()) {
                if (v.waiting()) {
                    all.add(v);
                }
            }
        }
        return all;
    }

    @Override
    public WorkCounters counters() {
        return counters;
    }
}
