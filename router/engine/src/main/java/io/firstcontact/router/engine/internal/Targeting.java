package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Target;
import java.util.ArrayList;
import java.util.List;

/** Targets: the named advisors an interaction waits for (ONLY) or prefers (PREFER), indexed on both sides. */
final class Targeting {
    private final EngineCore core;

    Targeting(EngineCore core) {
        this.core = core;
    }

    void setTargets(InteractionState i, List<Target> targets) {
        clearTargets(i);
        for (Target t : targets) {
            AgentState a = core.agents.get(t.agentId());
            if (t.untilMillis() > core.now && a != null && !i.targets(t.agentId())) {
                i.targets.add(t);
                a.targetedBy.put(i.id, i);
            }
        }
    }

    void clearTargets(InteractionState i) {
        for (Target t : i.targets) {
            AgentState a = core.agents.get(t.agentId());
            if (a != null) {
                a.targetedBy.remove(i.id);
            }
        }
        i.targets.clear();
    }

    /** The advisor left or went on a long break: customers waiting only for them route normally now. */
    void releaseTargets(AgentState a, String reason) {
        if (a.targetedBy.isEmpty()) {
            return;
        }
        for (InteractionState i : new ArrayList<>(a.targetedBy.values())) {
            i.targets.removeIf(t -> t.agentId().equals(a.id));
            a.targetedBy.remove(i.id);
            core.fact(new Fact.TargetReleased(i.id, a.id, reason));
            VisitState v = i.visit;
            if (v != null) {
                core.index.visitChanged(v);
                core.visits.scheduleVisit(v);
                core.overflow.unstaffedCheck(v);
            }
        }
    }

    String unknownTarget(List<Target> targets) {
        for (Target t : targets) {
            if (!core.agents.containsKey(t.agentId())) {
                return t.agentId();
            }
        }
        return null;
    }
}
