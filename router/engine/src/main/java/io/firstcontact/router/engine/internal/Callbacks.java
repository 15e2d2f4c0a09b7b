package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Callbacks (docs/routing-contract.md §11): a waiting caller converted to a callback that keeps their place, an
 * advisor's promise to call at a time, the customer dialled once an advisor answers, and retries by the queue's
 * callback rule until the customer answers or the attempts are spent.
 */
final class Callbacks {
    /** The furthest ahead an advisor may promise a callback. */
    static final long MAX_PROMISE_AHEAD_MILLIS = 90L * 24 * 3_600_000;

    private final EngineCore core;

    Callbacks(EngineCore core) {
        this.core = core;
    }

    /** A waiting voice caller asks to be called back: the visit ends converted, a new one keeps the place. */
    void request(Command.RequestCallback c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        if (i.phase != Phase.QUEUED) {
            core.refuse(Refusal.CONFLICT, "the interaction is " + i.phase + ", not waiting in a queue");
            return;
        }
        VisitState v = i.visit;
        if (!core.voiceChannels[v.queue.channelIndex]) {
            core.refuse(Refusal.INVALID, "a callback is a call: the interaction is on " + i.channel);
            return;
        }
        if (i.callback != null) {
            core.refuse(Refusal.CONFLICT, "the interaction is a callback already");
            return;
        }
        Attributes withNumber = withAttribute(i.attributes, c.number());
        if (withNumber == null) {
            core.refuse(Refusal.INVALID, "the callback number does not fit the interaction's attributes");
            return;
        }
        i.attributes = withNumber;
        core.fact(new Fact.AttributesChanged(i.id, withNumber.entries().size()));
        i.callback = new CallbackState(i, null);
        i.dialOut = true;
        i.customerAway = false; // the caller hangs up now: that is expected, not an abandon
        core.schedule.cancel(i.customerGrace);
        core.fact(new Fact.CallbackRequested(i.id, v.queue.id()));
        List<Target> targets = new ArrayList<>(i.targets);
        KeptPlace place = new KeptPlace(v.keyStart, v.keySlMillis, v.order);
        core.visits.endVisit(v, VisitOutcome.CALLBACK_CONVERTED);
        core.targeting.setTargets(i, targets);
        core.visits.restart(i, v.queue, v.baseRequirements, place);
        if (i.visit == null) {
            core.targeting.clearTargets(i);
        }
        core.settle();
    }

    /** The attributes with {@code a} added (or replacing one of its name), or null when they would not fit. */
    private static Attributes withAttribute(Attributes attributes, Attribute a) {
        List<Attribute> entries = new ArrayList<>(attributes.entries());
        entries.removeIf(e -> e.name().equals(a.name()));
        entries.add(a);
        try {
            return new Attributes(entries);
        } catch (IllegalArgumentException tooMany) {
            return null;
        }
    }

    /** An advisor promises a callback: a new interaction that waits, ineligible, for its time. */
    void schedule(Command.ScheduleCallback c) {
        String sourceRef = "callback:" + c.interactionId();
        InteractionState existing = core.bySourceRef.get(sourceRef);
        if (existing != null) {
            core.effect(new Effect.AlreadyExists(existing.id));
            return;
        }
        if (core.interactions.containsKey(c.interactionId())) {
            core.refuse(Refusal.CONFLICT, "the interaction exists already");
            return;
        }
        QueueState q = core.queues.get(c.queue());
        if (q == null) {
            core.refuse(Refusal.INVALID, "unknown queue");
            return;
        }
        if (!core.voiceChannels[q.channelIndex]) {
            core.refuse(Refusal.INVALID, "a callback is a call: the queue takes " + q.channel.id());
            return;
        }
        if (c.agentId() != null && !core.agents.containsKey(c.agentId())) {
            core.refuse(Refusal.INVALID, "unknown advisor");
            return;
        }
        if (c.dueAt() > core.now + MAX_PROMISE_AHEAD_MILLIS) {
            core.refuse(Refusal.INVALID, "a callback is promised at most 90 days ahead");
            return;
        }
        InteractionState i = new InteractionState(
                c.interactionId(),
                q.channel.id(),
                q.channelIndex,
                Direction.CALLBACK,
                sourceRef,
                null,
                c.customerRef(),
                core.now,
                new Attributes(List.of(c.number())));
        i.callback = new CallbackState(i, c.agentId());
        core.contacts.register(i);
        waitUntil(i, q, null, Math.max(c.dueAt(), core.now));
        core.settle();
    }

    /** The callback waits, in no queue, until {@code dueAt}; then it queues in {@code q}, keeping {@code place}. */
    private void waitUntil(InteractionState i, QueueState q, KeptPlace place, long dueAt) {
        CallbackState cb = i.callback;
        i.phase = Phase.SCHEDULED;
        cb.queue = q.id();
        cb.place = place;
        core.fact(new Fact.CallbackScheduled(i.id, q.id(), dueAt, cb.promisedAgent, cb.dials + 1));
        if (dueAt <= core.now) {
            due(i);
        } else {
            core.schedule.at(cb.due, dueAt);
        }
    }

    /** The callback's time has come: it queues, for its promising advisor first when it has one. */
    void due(InteractionState i) {
        if (i.phase != Phase.SCHEDULED) {
            return;
        }
        CallbackState cb = i.callback;
        core.schedule.cancel(cb.due);
        QueueState q = core.queues.get(cb.queue);
        KeptPlace place = cb.place;
        cb.queue = null;
        cb.place = null;
        if (cb.promisedAgent != null && core.agents.containsKey(cb.promisedAgent)) {
            long until = core.now + core.config.policy().namedTransferMillis();
            core.targeting.setTargets(i, List.of(new Target(cb.promisedAgent, until, TargetMode.ONLY)));
        }
        core.visits.restart(i, q, null, place);
        if (i.visit == null) {
            core.targeting.clearTargets(i);
        }
    }

    /**
     * What came of dialling the customer. Answered: a connected call from now on. Otherwise the advisor is free again
     * at once (no wrap-up) and the callback waits for its retry with its place, or ends once its attempts are spent.
     */
    void dialled(Command.CallbackDialOutcome c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        CallbackState cb = i.callback;
        if (cb == null || !cb.dialling) {
            core.refuse(Refusal.CONFLICT, "the interaction is not a callback being dialled");
            return;
        }
        AssignmentState as = dialler(i);
        cb.dialling = false;
        cb.dials++;
        core.fact(new Fact.CallbackDialled(i.id, as.agent.id, c.outcome(), cb.dials));
        if (c.outcome() == DialOutcome.ANSWERED) {
            cb.kept = true;
            i.dialOut = false;
            return;
        }
        QueueState q = as.queue;
        KeptPlace place = new KeptPlace(as.keyStart, as.keySlMillis, as.keyOrder);
        core.wrapUp.finish(as);
        if (cb.dials < q.config.callbackAttempts()) {
            waitUntil(i, q, place, core.now + q.config.callbackRetryDelayMillis());
        } else {
            core.contacts.end(i, EndReason.CALLBACK_FAILED, Phase.CONNECTED);
        }
        core.settle();
    }

    /** The advisor whose answer started the dial: the interaction's active assignment (no consult while dialling). */
    private static AssignmentState dialler(InteractionState i) {
        for (AssignmentState as : i.assignments.values()) {
            if (as.status == AssignmentStatus.ACTIVE) {
                return as;
            }
        }
        throw new IllegalStateException("callback " + i.id + " is dialled with no advisor");
    }
}
