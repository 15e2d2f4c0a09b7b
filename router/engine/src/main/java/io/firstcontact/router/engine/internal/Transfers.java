package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.ArrayList;
import java.util.List;

/** Transfers to a queue, to a named advisor and out of the centre. */
final class Transfers {
    private final EngineCore core;

    Transfers(EngineCore core) {
        this.core = core;
    }

    void toQueue(Command.TransferToQueue c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null || !core.contacts.queueable(QueueRequest.to(c.queue()), i.channel) || !transferable(i)) {
            return;
        }
        KeptPlace key = c.inheritWait() ? keyOf(i) : null;
        leave(i);
        core.targeting.clearTargets(i);
        core.visits.arrive(i, core.queues.get(c.queue()), null, -1, key);
        core.settle();
    }

    void toAgent(Command.TransferToAgent c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        AgentState a = core.agent(c.agentId());
        if (a == null) {
            return;
        }
        String queue = c.queue() != null ? c.queue() : i.lastQueue;
        if (queue == null) {
            core.refuse(Refusal.INVALID, "the interaction has no queue to wait in: name one");
            return;
        }
        if (!core.contacts.queueable(QueueRequest.to(queue), i.channel) || !transferable(i)) {
            return;
        }
        leave(i);
        core.targeting.setTargets(
                i, List.of(new Target(a.id, core.now + core.config.policy().namedTransferMillis(), TargetMode.ONLY)));
        core.visits.arrive(i, core.queues.get(queue), null, -1, null);
        if (i.visit == null) {
            core.targeting.clearTargets(i);
        }
        core.settle();
    }

    private boolean transferable(InteractionState i) {
        String why = null;
        if (i.phase == Phase.PARKED) {
            why = "is parked";
        } else if (i.phase == Phase.SCHEDULED) {
            why = "is a callback waiting for its time";
        } else if (i.callback != null && i.callback.dialling) {
            why = "is a callback whose customer is being dialled";
        } else if (i.consultOffer != null || i.consult != null) {
            why = "has a consult in progress: end it first";
        }
        if (why != null) {
            core.refuse(Refusal.CONFLICT, "the interaction " + why);
            return false;
        }
        return true;
    }

    /** The place in line of the interaction now: its live visit's key, else its answered assignment's. */
    private KeptPlace keyOf(InteractionState i) {
        if (i.visit != null) {
            return new KeptPlace(i.visit.keyStart, i.visit.keySlMillis, i.visit.order);
        }
        for (AssignmentState as : i.assignments.values()) {
            return new KeptPlace(as.keyStart, as.keySlMillis, as.keyOrder);
        }
        return null;
    }

    /** Ends the current visit, offer or assignments of an interaction that is being transferred. */
    private void leave(InteractionState i) {
        if (i.offer != null) {
            OfferState o = i.offer;
            core.offering.endOffer(o, OfferStatus.CANCELLED, CancelCause.TRANSFERRED.name(), true);
            core.workforce.afterWork(o.agent);
        }
        if (i.visit != null) {
            core.visits.endVisit(i.visit, VisitOutcome.TRANSFERRED_OUT);
        }
        for (AssignmentState as : new ArrayList<>(i.assignments.values())) {
            if (as.status == AssignmentStatus.ACTIVE) {
                core.wrapUp.start(as);
            }
        }
        i.phase = Phase.SELF_SERVICE;
    }

    void external(Command.TransferExternal c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null || !transferable(i)) {
            return;
        }
        Phase last = i.phase;
        leave(i);
        core.contacts.end(i, EndReason.TRANSFERRED_OUT, last);
        core.settle();
    }
}
