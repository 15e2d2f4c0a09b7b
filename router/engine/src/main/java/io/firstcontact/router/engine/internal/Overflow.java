package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.List;

/** Overflow rules: at arrival (closed, queue size, expected wait), when a visit's pool is left unstaffed, when its queue closes, and after a wait. */
final class Overflow {
    private final EngineCore core;

    Overflow(EngineCore core) {
        this.core = core;
    }

    /** The first rule with a trigger whose action is MOVE or EXTERNAL (if {@code redirectOnly}), not in mask. */
    static int firstRule(QueueState q, OverflowTrigger trigger, int appliedMask, boolean redirectOnly) {
        List<OverflowRule> rules = q.config.overflow();
        for (int r = 0; r < rules.size(); r++) {
            OverflowRule rule = rules.get(r);
            if (rule.trigger() == trigger
                    && (appliedMask & (1 << r)) == 0
                    && (!redirectOnly || rule.action() != OverflowAction.WIDEN)) {
                return r;
            }
        }
        return -1;
    }

    void redirectAtArrival(InteractionState i, QueueState q, int r, OverflowTrigger trigger, KeptPlace key) {
        OverflowRule rule = q.config.overflow().get(r);
        core.fact(new Fact.OverflowApplied(i.id, null, r, trigger, rule.action()));
        core.movesThisInput++;
        if (rule.action() == OverflowAction.MOVE) {
            core.visits.arrive(i, core.queues.get(rule.queues().getFirst()), null, -1, key);
        } else {
            core.effect(new Effect.TransferOut(i.id, rule.destination()));
            core.contacts.end(i, EndReason.TRANSFERRED_OUT, Phase.SELF_SERVICE);
        }
    }

    /** A visit that waits again may find its pool emptied while it was away: nobody waits where nobody staffs. */
    void unstaffedCheck(VisitState v) {
        if (v.waiting() && pendingRules(v, OverflowTrigger.UNSTAFFED) != 0 && !core.index.staffed(v)) {
            applyUnstaffedRules(v);
        }
    }

    /** The queue of a waiting visit is closed: its closed rule, else the closed treatment. */
    void closeVisit(VisitState v) {
        int r = firstRule(v.queue, OverflowTrigger.CLOSED, v.appliedRules, true);
        if (r >= 0 && core.movesThisInput < EngineCore.MAX_MOVES_PER_INPUT) {
            applyRule(v, r, OverflowTrigger.CLOSED);
        } else {
            core.visits.endVisit(v, VisitOutcome.CLOSED);
            v.interaction.phase = Phase.SELF_SERVICE;
            core.effect(new Effect.ClosedTreatment(v.interaction.id, v.queue.id()));
        }
    }

    int pendingRules(VisitState v, OverflowTrigger trigger) {
        return v.queue.rulesWith(trigger) & ~v.appliedRules;
    }

    /** Apply unstaffed rules in order until the visit is staffed, gone, or none is left. */
    void applyUnstaffedRules(VisitState v) {
        List<OverflowRule> rules = v.queue.config.overflow();
        for (int r = 0; r < rules.size(); r++) {
            if (rules.get(r).trigger() != OverflowTrigger.UNSTAFFED || (v.appliedRules & (1 << r)) != 0) {
                continue;
            }
            if (!applyRule(v, r, OverflowTrigger.UNSTAFFED) || core.index.staffed(v)) {
                return;
            }
        }
    }

    /** Applies an overflow rule to a live visit; answers whether the visit goes on. */
    boolean applyRule(VisitState v, int r, OverflowTrigger trigger) {
        OverflowRule rule = v.queue.config.overflow().get(r);
        InteractionState i = v.interaction;
        v.appliedRules |= 1 << r;
        if (rule.action() == OverflowAction.MOVE && core.movesThisInput >= EngineCore.MAX_MOVES_PER_INPUT) {
            return true; // queues that move to each other: the chain stops here and the rule is spent
        }
        core.fact(new Fact.OverflowApplied(i.id, v.id, r, trigger, rule.action()));
        switch (rule.action()) {
            case WIDEN -> {
                v.widenMask |= 1 << r;
                core.index.visitChanged(v);
                return true;
            }
            case MOVE -> {
                KeptPlace key = new KeptPlace(v.keyStart, v.keySlMillis, v.order);
                core.visits.endVisit(v, VisitOutcome.OVERFLOWED_OUT);
                core.movesThisInput++;
                core.visits.arrive(i, core.queues.get(rule.queues().getFirst()), null, -1, key);
                return false;
            }
            case EXTERNAL -> {
                core.visits.endVisit(v, VisitOutcome.OVERFLOWED_OUT);
                core.effect(new Effect.TransferOut(i.id, rule.destination()));
                core.contacts.end(i, EndReason.TRANSFERRED_OUT, Phase.QUEUED);
                return false;
            }
        }
        throw new IllegalStateException();
    }
}
