package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.ArrayList;

/** An interaction's own life: creation (idempotent on its source), queueing after self-service, attribute and routing changes, and its end. */
final class Contacts {
    private final EngineCore core;

    Contacts(EngineCore core) {
        this.core = core;
    }

    void create(Command.CreateInteraction c) {
        InteractionState existing = core.bySourceRef.get(c.sourceRef());
        if (existing != null) {
            core.effect(new Effect.AlreadyExists(existing.id));
            return;
        }
        if (core.interactions.containsKey(c.interactionId())) {
            core.refuse(Refusal.CONFLICT, "the interaction exists with another sourceRef");
            return;
        }
        int channel = core.channelIds.indexOf(c.channel());
        if (channel < 0) {
            core.refuse(Refusal.INVALID, "unknown channel");
            return;
        }
        if (c.queue() != null && !queueable(c.queue(), c.channel())) {
            return;
        }
        InteractionState i = new InteractionState(
                c.interactionId(),
                c.channel(),
                channel,
                c.direction(),
                c.sourceRef(),
                c.conversationId(),
                c.customerRef(),
                core.now,
                c.attributes());
        if (i.direction == Direction.CALLBACK && core.isVoice(i.channel)) {
            i.callback = new CallbackState(i, null); // a call back: dialled, and retried by its queue's rule
        }
        register(i);
        if (c.queue() != null) {
            queueWith(i, c.queue());
        }
        core.settle();
    }

    /** A new interaction is live: known by its id and its source object. */
    void register(InteractionState i) {
        core.interactions.put(i.id, i);
        core.bySourceRef.put(i.sourceRef, i);
        core.fact(new Fact.InteractionCreated(
                i.id, i.channel, i.direction, i.sourceRef, i.conversationId, i.customerRef, core.now));
    }

    /** Checks a queue request against configuration; refuses and answers false when it does not fit. */
    boolean queueable(QueueRequest r, String channel) {
        QueueState q = core.queues.get(r.queue());
        if (q == null) {
            core.refuse(Refusal.INVALID, "unknown queue");
            return false;
        }
        if (!q.channel.id().equals(channel)) {
            core.refuse(Refusal.INVALID, "the queue takes " + q.channel.id() + " interactions, not this channel's");
            return false;
        }
        if (r.requirements() != null) {
            for (Requirement req : r.requirements()) {
                if (!core.config.hasSkill(req.skill())) {
                    core.refuse(Refusal.INVALID, "unknown skill");
                    return false;
                }
            }
        }
        String target = core.targeting.unknownTarget(r.targets());
        if (target != null) {
            core.refuse(Refusal.INVALID, "unknown target advisor");
            return false;
        }
        return true;
    }

    private void queueWith(InteractionState i, QueueRequest r) {
        i.tier = r.tier();
        i.ageBonusMillis = r.ageBonusMillis();
        core.targeting.setTargets(i, r.targets());
        if (i.firstQueuedAt < 0) {
            i.firstQueuedAt = r.waitStartedAt() >= 0 ? Math.min(r.waitStartedAt(), core.now) : core.now;
        }
        core.visits.arrive(i, core.queues.get(r.queue()), r.requirements(), r.expectedWaitHintMillis(), null);
        if (i.visit == null) {
            core.targeting.clearTargets(i); // targets route a visit; none was started (redirected, full or closed)
        }
    }

    void queueInteraction(Command.QueueInteraction c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        if (i.phase != Phase.SELF_SERVICE) {
            core.refuse(Refusal.CONFLICT, "the interaction is " + i.phase + ", not in self-service");
            return;
        }
        if (!queueable(c.request(), i.channel)) {
            return;
        }
        queueWith(i, c.request());
        core.settle();
    }

    void updateAttributes(Command.UpdateAttributes c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        i.attributes = c.attributes();
        core.fact(new Fact.AttributesChanged(i.id, c.attributes().entries().size()));
    }

    /** The customer turned out to be known: the reference is taken once; the one the interaction has stands. */
    void identify(Command.IdentifyCustomer c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null || c.customerRef().equals(i.customerRef)) {
            return;
        }
        if (i.customerRef != null) {
            core.refuse(Refusal.CONFLICT, "the interaction's customer is known already by another reference");
            return;
        }
        i.customerRef = c.customerRef();
        core.fact(new Fact.CustomerIdentified(i.id, i.customerRef));
    }

    void updateRouting(Command.UpdateRouting c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        VisitState v = i.visit;
        if (v == null) {
            core.refuse(Refusal.CONFLICT, "the interaction is not waiting");
            return;
        }
        String target = c.targets() == null ? null : core.targeting.unknownTarget(c.targets());
        if (target != null) {
            core.refuse(Refusal.INVALID, "unknown target advisor");
            return;
        }
        if (c.tier() != null && i.tier != c.tier()) {
            i.tier = c.tier();
            core.fact(new Fact.TierChanged(i.id, i.tier, "UPDATED"));
        }
        if (c.ageBonusMillis() != null && i.ageBonusMillis != c.ageBonusMillis()) {
            i.ageBonusMillis = c.ageBonusMillis();
            core.fact(new Fact.AgeBonusChanged(i.id, i.ageBonusMillis));
        }
        if (c.targets() != null) {
            core.targeting.setTargets(i, c.targets());
        }
        core.index.visitChanged(v);
        core.visits.scheduleVisit(v);
        core.overflow.unstaffedCheck(v);
        core.settle();
    }

    void endInteraction(String id, EndReason reason) {
        InteractionState i = core.interaction(id);
        if (i == null) {
            return;
        }
        if (reason == EndReason.CALLBACK_FAILED) {
            core.refuse(Refusal.INVALID, "a callback ends CALLBACK_FAILED by its dial outcomes, not by command");
            return;
        }
        finish(i, reason);
        core.settle();
    }

    /**
     * Ends the interaction wherever it is: a waiting visit ends with the outcome the reason gives, an offer ringing
     * is withdrawn, a consult ends, and the advisors with it go to wrap-up.
     */
    void finish(InteractionState i, EndReason reason) {
        Phase last = i.phase;
        switch (i.phase) {
            case QUEUED -> core.visits.endVisit(i.visit, waitingOutcome(reason));
            case OFFERED -> {
                OfferState o = i.offer;
                core.offering.endOffer(o, OfferStatus.CANCELLED, CancelCause.CUSTOMER_LEFT.name(), true);
                core.visits.endVisit(
                        o.visit,
                        reason == EndReason.CUSTOMER_LEFT
                                ? VisitOutcome.ABANDONED_WHILE_ALERTING
                                : waitingOutcome(reason));
                core.workforce.afterWork(o.agent);
            }
            case CONNECTED, PARKED -> {
                core.consults.abandon(i, CancelCause.CUSTOMER_LEFT);
                for (AssignmentState as : new ArrayList<>(i.assignments.values())) {
                    if (as.status == AssignmentStatus.ACTIVE) {
                        core.wrapUp.start(as);
                    }
                }
            }
            case SELF_SERVICE, SCHEDULED, ENDED -> {}
        }
        end(i, reason, last);
    }

    private static VisitOutcome waitingOutcome(EndReason reason) {
        return switch (reason) {
            case CUSTOMER_LEFT -> VisitOutcome.ABANDONED;
            case COMPLETED, SELF_SERVED -> VisitOutcome.SELF_SERVED;
            case TRANSFERRED_OUT -> VisitOutcome.TRANSFERRED_OUT;
            case LOST_DURING_OUTAGE -> VisitOutcome.LOST_DURING_OUTAGE;
            case CALLBACK_FAILED -> VisitOutcome.ABANDONED; // never while waiting: only a dial outcome gives it
        };
    }

    void end(InteractionState i, EndReason reason, Phase last) {
        core.targeting.clearTargets(i);
        core.schedule.cancel(i.customerGrace);
        if (i.callback != null) {
            core.schedule.cancel(i.callback.due);
        }
        i.phase = Phase.ENDED;
        core.interactions.remove(i.id);
        core.bySourceRef.remove(i.sourceRef);
        core.fact(new Fact.InteractionEnded(i.id, reason, last));
    }
}
