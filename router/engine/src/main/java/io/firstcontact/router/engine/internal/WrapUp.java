package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Phase;

/** Assignments after accept: wrap-up, its extension and end, and open work requeued when an advisor logs out. */
final class WrapUp {
    private final EngineCore core;

    WrapUp(EngineCore core) {
        this.core = core;
    }

    void start(AssignmentState as) {
        long wrap = as.queue.config.wrapUpMillis();
        if (wrap == 0) {
            finish(as);
            return;
        }
        AgentState a = as.agent;
        as.status = AssignmentStatus.WRAP_UP;
        a.active[as.channelIndex]--;
        a.wrapping[as.channelIndex]++;
        as.wrapStartedAt = core.now;
        as.wrapUntil = core.now + wrap;
        core.schedule.at(as.deadline(), as.wrapUntil);
        core.fact(new Fact.WrapUpStarted(as.id, a.id, as.wrapUntil));
        core.index.agentChanged(a);
    }

    void finish(AssignmentState as) {
        if (as.status == AssignmentStatus.DONE) {
            return;
        }
        AgentState a = as.agent;
        int c = as.channelIndex;
        if (as.status == AssignmentStatus.ACTIVE) {
            a.active[c]--;
        } else {
            a.wrapping[c]--;
        }
        as.status = AssignmentStatus.DONE;
        core.schedule.cancel(as.deadline);
        a.assignments.remove(as.id);
        as.interaction.assignments.remove(as.id);
        core.assignments.remove(as.id);
        a.availableSince[c] = core.now;
        for (int d = 0; d < a.max.length; d++) {
            if (contains(a.blockedWhileActiveBy[d], c) || contains(a.blockedInWrapUpBy[d], c)) {
                a.availableSince[d] = core.now;
            }
        }
        core.fact(new Fact.AssignmentEnded(as.id, a.id));
        core.workforce.afterWork(a);
    }

    private static boolean contains(int[] xs, int x) {
        for (int y : xs) {
            if (y == x) {
                return true;
            }
        }
        return false;
    }

    /** Logout with open chat or email: the work goes back to its queue with its place in line. */
    void requeue(AssignmentState as) {
        AgentState a = as.agent;
        a.active[as.channelIndex]--;
        as.status = AssignmentStatus.DONE;
        a.assignments.remove(as.id);
        as.interaction.assignments.remove(as.id);
        core.assignments.remove(as.id);
        core.fact(new Fact.AssignmentEnded(as.id, a.id));
        InteractionState i = as.interaction;
        if (i.phase == Phase.CONNECTED && !hasActiveAssignment(i)) {
            core.visits.arrive(i, as.queue, null, -1, new KeptPlace(as.keyStart, as.keySlMillis, as.keyOrder));
        }
    }

    private static boolean hasActiveAssignment(InteractionState i) {
        for (AssignmentState as : i.assignments.values()) {
            if (as.status == AssignmentStatus.ACTIVE) {
                return true;
            }
        }
        return false;
    }

    private AssignmentState wrapping(String id) {
        AssignmentState as = core.assignments.get(id);
        if (as == null) {
            core.refuse(Refusal.NOT_FOUND, "no such assignment");
            return null;
        }
        if (as.status != AssignmentStatus.WRAP_UP) {
            core.refuse(Refusal.CONFLICT, "the assignment is " + as.status + ", not in wrap-up");
            return null;
        }
        return as;
    }

    void extend(String id, long extra) {
        AssignmentState as = wrapping(id);
        if (as == null) {
            return;
        }
        long limit = as.wrapStartedAt + as.queue.config.maxWrapUpMillis();
        long until = Math.min(limit, as.wrapUntil + extra);
        if (until == as.wrapUntil) {
            core.refuse(Refusal.INVALID, "the wrap-up is at its maximum");
            return;
        }
        as.wrapUntil = until;
        core.schedule.at(as.deadline(), until);
        core.fact(new Fact.WrapUpStarted(as.id, as.agent.id, until));
    }

    void end(String id) {
        AssignmentState as = wrapping(id);
        if (as == null) {
            return;
        }
        finish(as);
        core.settle();
    }
}
