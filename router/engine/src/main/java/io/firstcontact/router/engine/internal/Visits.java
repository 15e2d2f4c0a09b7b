package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.Strictness;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.ArrayList;
import java.util.List;

/** Queue visits: arrival checks, the visit's start and end, its time-based changes (targets lapsing, relaxation, delay stages, overflow after a wait, maximum wait), and queues opening and closing. */
final class Visits {
    private final EngineCore core;

    Visits(EngineCore core) {
        this.core = core;
    }

    /** Arrival checks (closed, size and EWT rules, maximum size), then a visit. */
    void arrive(InteractionState i, QueueState q, List<Requirement> requirements, long ewtHint, KeptPlace key) {
        i.phase = Phase.SELF_SERVICE;
        boolean rulesApply = core.movesThisInput < EngineCore.MAX_MOVES_PER_INPUT;
        List<OverflowRule> rules = q.config.overflow();
        if (!q.open) {
            int r = rulesApply ? Overflow.firstRule(q, OverflowTrigger.CLOSED, 0, true) : -1;
            if (r >= 0) {
                core.overflow.redirectAtArrival(i, q, r, OverflowTrigger.CLOSED, key);
            } else {
                core.effect(new Effect.ClosedTreatment(i.id, q.id()));
            }
            return;
        }
        int widen = 0;
        if (rulesApply) {
            for (int r = 0; r < rules.size(); r++) {
                OverflowRule rule = rules.get(r);
                boolean due = (rule.trigger() == OverflowTrigger.QUEUE_SIZE && q.liveVisits.size() >= rule.threshold())
                        || (rule.trigger() == OverflowTrigger.EXPECTED_WAIT && ewtHint >= rule.threshold());
                if (!due) {
                    continue;
                }
                if (rule.action() == OverflowAction.WIDEN) {
                    widen |= 1 << r;
                } else {
                    core.overflow.redirectAtArrival(i, q, r, rule.trigger(), key);
                    return;
                }
            }
        }
        if (q.config.maxQueueSize() > 0 && q.liveVisits.size() >= q.config.maxQueueSize()) {
            core.effect(new Effect.QueueFullAction(i.id, q.id(), q.config.queueFullAction()));
            return;
        }
        VisitState v = startVisit(i, q, requirements, key, widen);
        for (int r = 0; r < rules.size(); r++) {
            if ((widen & (1 << r)) != 0) {
                core.fact(new Fact.OverflowApplied(i.id, v.id, r, rules.get(r).trigger(), OverflowAction.WIDEN));
            }
        }
        if (!core.index.staffed(v)) {
            core.overflow.applyUnstaffedRules(v);
        }
    }

    /**
     * The maximum-wait action is for someone on the line or the desktop: a callback or an outbound call that waits
     * with nobody there has none (the adapter would have no one to offer anything to).
     */
    private static boolean maxWaitApplies(VisitState v) {
        return v.queue.config.maxWaitMillis() > 0 && !v.maxWaitFired && !v.interaction.dialOut;
    }

    /**
     * A visit that continues a wait rather than arriving (a callback converted, retried or due at its time): no
     * arrival limits apply — the place was given already — but a closed queue still closes it and an unstaffed one
     * still overflows.
     *
     * @param place the place in line it keeps, or null for a new one
     */
    void restart(InteractionState i, QueueState q, List<Requirement> requirements, KeptPlace place) {
        if (i.firstQueuedAt < 0) {
            i.firstQueuedAt = core.now;
        }
        VisitState v = startVisit(i, q, requirements, place, 0);
        if (!q.open) {
            core.overflow.closeVisit(v);
        } else if (!core.index.staffed(v)) {
            core.overflow.applyUnstaffedRules(v);
        }
    }

    private VisitState startVisit(
            InteractionState i, QueueState q, List<Requirement> requirements, KeptPlace key, int widen) {
        long order = key != null ? key.order() : ++core.visitCounter;
        VisitState v = new VisitState(
                i.id + "#" + (++i.visitCount),
                i,
                q,
                core.now,
                key != null ? key.start() : core.now,
                key != null ? key.slMillis() : q.config.serviceLevelThresholdMillis(),
                order,
                key != null);
        v.baseRequirements = requirements != null ? requirements : q.config.requirements();
        v.effective = effectiveRequirements(v.baseRequirements, q.config, 0);
        v.appliedRules = widen;
        v.widenMask = widen;
        i.visit = v;
        i.phase = Phase.QUEUED;
        i.lastQueue = q.id();
        q.liveVisits.put(order, v);
        core.fact(new Fact.VisitStarted(i.id, v.id, q.id(), core.now, v.dueAt(), order, i.tier, v.inherited));
        core.index.visitChanged(v);
        scheduleVisit(v);
        return v;
    }

    static List<Requirement> effectiveRequirements(List<Requirement> base, QueueConfig q, int level) {
        if (level == 0) {
            return base;
        }
        List<Requirement> reqs = new ArrayList<>(base);
        for (int s = 0; s < level; s++) {
            RelaxationStep step = q.relaxation().get(s);
            for (int k = 0; k < reqs.size(); k++) {
                Requirement r = reqs.get(k);
                if (r.skill().equals(step.skill()) && r.strictness() == Strictness.SOFT) {
                    if (step.minProficiency() == 0) {
                        reqs.remove(k);
                    } else if (step.minProficiency() < r.minProficiency()) {
                        reqs.set(k, Requirement.soft(r.skill(), step.minProficiency()));
                    }
                    break;
                }
            }
        }
        return List.copyOf(reqs);
    }

    void endVisit(VisitState v, VisitOutcome outcome) {
        v.ended = true;
        core.schedule.cancel(v.deadline);
        v.queue.liveVisits.remove(v.order);
        InteractionState i = v.interaction;
        if (i.visit == v) {
            i.visit = null;
        }
        core.targeting.clearTargets(i);
        core.fact(new Fact.VisitEnded(i.id, v.id, v.queue.id(), outcome, v.enteredAt));
        core.index.visitChanged(v);
    }

    /** The interaction waits again in the same visit with the same key (after reject, RONA, failure, cancel). */
    void returnToQueue(VisitState v) {
        InteractionState i = v.interaction;
        i.phase = Phase.QUEUED;
        if (!v.queue.open) {
            core.overflow.closeVisit(v);
            return;
        }
        core.index.visitChanged(v);
        scheduleVisit(v);
        core.overflow.unstaffedCheck(v);
    }

    /** Schedule the visit's next time-based change: target lapse, relaxation, delay stage, overflow, max wait. */
    void scheduleVisit(VisitState v) {
        if (v.ended) {
            core.schedule.cancel(v.deadline);
            return;
        }
        QueueConfig qc = v.queue.config;
        long t = Decision.NO_DEADLINE;
        for (Target target : v.interaction.targets) {
            t = Math.min(t, target.untilMillis());
        }
        if (v.relaxLevel < qc.relaxation().size()) {
            t = Math.min(t, v.enteredAt + qc.relaxation().get(v.relaxLevel).afterMillis());
        }
        if (v.delayStage < v.queue.delayThresholds.length) {
            t = Math.min(t, v.enteredAt + v.queue.delayThresholds[v.delayStage]);
        }
        if (v.interaction.phase == Phase.QUEUED) {
            List<OverflowRule> rules = qc.overflow();
            for (int r = 0; r < rules.size(); r++) {
                if (rules.get(r).trigger() == OverflowTrigger.AFTER && (v.appliedRules & (1 << r)) == 0) {
                    t = Math.min(t, v.enteredAt + rules.get(r).threshold());
                }
            }
            if (maxWaitApplies(v)) {
                t = Math.min(t, v.enteredAt + qc.maxWaitMillis());
            }
        }
        if (t != Decision.NO_DEADLINE || v.deadline != null) {
            core.schedule.at(v.deadline(), t);
        }
    }

    void visitDeadline(VisitState v) {
        if (v.ended) {
            return;
        }
        InteractionState i = v.interaction;
        QueueConfig qc = v.queue.config;
        for (Target t : new ArrayList<>(i.targets)) {
            if (t.untilMillis() <= core.now) {
                i.targets.remove(t);
                AgentState a = core.agents.get(t.agentId());
                if (a != null && !i.targets(a.id)) {
                    a.targetedBy.remove(i.id);
                }
                core.fact(new Fact.TargetReleased(i.id, t.agentId(), "EXPIRED"));
            }
        }
        int level = v.relaxLevel;
        while (level < qc.relaxation().size()
                && v.enteredAt + qc.relaxation().get(level).afterMillis() <= core.now) {
            level++;
        }
        if (level != v.relaxLevel) {
            v.relaxLevel = level;
            v.effective = effectiveRequirements(v.baseRequirements, qc, level);
            core.fact(new Fact.RequirementsRelaxed(i.id, v.id, level, v.effective));
        }
        while (v.delayStage < v.queue.delayThresholds.length
                && v.enteredAt + v.queue.delayThresholds[v.delayStage] <= core.now) {
            v.delayStage++;
        }
        core.index.visitChanged(v);
        if (i.phase == Phase.QUEUED) {
            List<OverflowRule> rules = qc.overflow();
            for (int r = 0; r < rules.size(); r++) {
                OverflowRule rule = rules.get(r);
                if (rule.trigger() == OverflowTrigger.AFTER
                        && (v.appliedRules & (1 << r)) == 0
                        && v.enteredAt + rule.threshold() <= core.now
                        && !core.overflow.applyRule(v, r, OverflowTrigger.AFTER)) {
                    return;
                }
            }
            if (maxWaitApplies(v) && v.enteredAt + qc.maxWaitMillis() <= core.now) {
                v.maxWaitFired = true;
                core.fact(new Fact.MaxWaitReached(i.id, v.id, qc.maxWaitAction()));
                core.effect(new Effect.MaxWaitAction(i.id, v.queue.id(), qc.maxWaitAction()));
            }
        }
        core.overflow.unstaffedCheck(v);
        scheduleVisit(v);
    }

    private QueueState queue(String id) {
        QueueState q = core.queues.get(id);
        if (q == null) {
            core.refuse(Refusal.NOT_FOUND, "no such queue");
        }
        return q;
    }

    void openQueue(String id) {
        QueueState q = queue(id);
        if (q == null || q.open) {
            return;
        }
        q.open = true;
        core.fact(new Fact.QueueOpened(q.id()));
        for (VisitState v : q.liveVisits.values()) {
            core.index.visitChanged(v);
        }
        core.settle();
    }

    void closeQueue(String id) {
        QueueState q = queue(id);
        if (q == null || !q.open) {
            return;
        }
        q.open = false;
        core.fact(new Fact.QueueClosed(q.id()));
        for (VisitState v : new ArrayList<>(q.liveVisits.values())) {
            if (v.waiting()) {
                core.overflow.closeVisit(v);
            }
        }
        core.settle();
    }
}
