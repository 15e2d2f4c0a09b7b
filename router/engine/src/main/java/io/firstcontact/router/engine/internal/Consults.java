package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;

/**
 * Consults (docs/routing-contract.md §11): the advisor of a call brings a named colleague in (warm transfer). The
 * colleague gets a consult offer — capacity held from then, like any offer — and once they answer, a second
 * assignment on the interaction; completing hands the call to them, cancelling leaves it where it was. A consult
 * that is refused, unanswered or fails changes nothing for the caller.
 */
final class Consults {
    /** The cause of a consult offer that rang out. */
    static final String NO_ANSWER = "NO_ANSWER";

    private final EngineCore core;

    Consults(EngineCore core) {
        this.core = core;
    }

    void start(Command.StartConsult c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        if (i.phase != Phase.CONNECTED && i.phase != Phase.PARKED) {
            core.refuse(Refusal.CONFLICT, "the interaction is " + i.phase + ", not with an advisor");
            return;
        }
        if (!core.isVoice(i.channel)) {
            core.refuse(Refusal.INVALID, "only a call has consults: the interaction is on " + i.channel);
            return;
        }
        if (i.callback != null && i.callback.dialling) {
            core.refuse(Refusal.CONFLICT, "the interaction is a callback whose customer is being dialled");
            return;
        }
        if (i.consultOffer != null || i.consult != null) {
            core.refuse(Refusal.CONFLICT, "the interaction has a consult in progress");
            return;
        }
        AgentState a = core.agent(c.agentId());
        if (a == null) {
            return;
        }
        AssignmentState call = primary(i);
        if (call.agent == a) {
            core.refuse(Refusal.CONFLICT, "the advisor is on the call already");
            return;
        }
        if (!a.availableOn(call.channelIndex)) {
            core.refuse(
                    Refusal.CONFLICT,
                    "the advisor is not available for a consult (ready, voice capacity free, phone free)");
            return;
        }
        int ch = call.channelIndex;
        ChannelConfig channel = core.lookup.channels.get(core.channelIds.get(ch));
        OfferState o = new OfferState(
                "o" + core.epoch + "-" + core.seq + "-" + (++core.offerOrdinal),
                i,
                a,
                null,
                ch,
                core.now,
                core.now + channel.offerTimeoutMillis());
        o.consult = true;
        i.consultOffer = o;
        a.active[ch]++;
        a.liveOffers.put(o.id, o);
        core.offers.put(o.id, o);
        core.index.counters().offersMade++;
        String queue = call.queue.id();
        core.fact(new Fact.OfferCreated(o.id, i.id, a.id, null, queue, channel.id(), o.expiresAt, OfferKind.CONSULT));
        core.effect(
                new Effect.OfferToAgent(o.id, i.id, a.id, channel.id(), queue, o.expiresAt, false, OfferKind.CONSULT));
        core.schedule.at(o.deadline, o.expiresAt);
        core.index.agentChanged(a);
        core.settle();
    }

    /** The colleague answered: their leg is a second assignment on the interaction, bridged into the call. */
    void answered(OfferState o) {
        InteractionState i = o.interaction;
        AgentState a = o.agent;
        core.offering.markAccepted(o);
        AssignmentState call = primary(i);
        AssignmentState as = new AssignmentState(
                o.id, i, a, o.channelIndex, call.queue, core.now, call.keyStart, call.keySlMillis, call.keyOrder);
        as.consult = true;
        a.assignments.put(as.id, as);
        i.assignments.put(as.id, as);
        core.assignments.put(as.id, as);
        i.consultOffer = null;
        i.consult = as;
        core.fact(new Fact.AssignmentStarted(as.id, i.id, a.id, i.channel));
        core.fact(new Fact.ConsultStarted(i.id, as.id, a.id));
        core.effect(new Effect.Connect(o.id, i.id, a.id));
        core.index.agentChanged(a);
    }

    /** A consult offer ended before an answer (refused, rang out, failed, cancelled): the call goes on as it was. */
    void offerEnded(OfferState o, OfferStatus status, String cause, boolean withdraw) {
        core.offering.endOffer(o, status, cause, withdraw);
        core.fact(new Fact.ConsultEnded(o.interaction.id, o.agent.id, ConsultOutcome.CANCELLED));
    }

    void end(Command.EndConsult c) {
        InteractionState i = core.interaction(c.interactionId());
        if (i == null) {
            return;
        }
        OfferState o = i.consultOffer;
        AssignmentState as = i.consult;
        if (o != null && o.agent.id.equals(c.agentId())) {
            if (c.outcome() == ConsultOutcome.COMPLETED) {
                core.refuse(Refusal.CONFLICT, "the advisor has not answered the consult yet");
                return;
            }
            offerEnded(o, OfferStatus.CANCELLED, CancelCause.CONSULT_ENDED.name(), true);
            core.workforce.afterWork(o.agent);
        } else if (as != null && as.agent.id.equals(c.agentId())) {
            i.consult = null;
            if (c.outcome() == ConsultOutcome.COMPLETED) {
                AssignmentState call = primary(i);
                as.consult = false; // the colleague's leg is the call now
                if (i.phase == Phase.PARKED) {
                    i.resume();
                    core.fact(new Fact.InteractionResumed(i.id));
                }
                core.fact(new Fact.ConsultEnded(i.id, as.agent.id, ConsultOutcome.COMPLETED));
                core.wrapUp.start(call);
            } else {
                core.wrapUp.finish(as); // the colleague hangs up: no wrap-up for a consultation
                core.fact(new Fact.ConsultEnded(i.id, as.agent.id, ConsultOutcome.CANCELLED));
            }
        } else {
            core.refuse(Refusal.CONFLICT, "the interaction has no consult with that advisor");
            return;
        }
        core.settle();
    }

    /** The call is ending: a consult offer is withdrawn, a consulted colleague's leg ends without wrap-up. */
    void abandon(InteractionState i, CancelCause cause) {
        if (i.consultOffer != null) {
            OfferState o = i.consultOffer;
            offerEnded(o, OfferStatus.CANCELLED, cause.name(), true);
            core.workforce.afterWork(o.agent);
        }
        if (i.consult != null) {
            AssignmentState as = i.consult;
            i.consult = null;
            core.wrapUp.finish(as);
            core.fact(new Fact.ConsultEnded(i.id, as.agent.id, ConsultOutcome.CANCELLED));
        }
    }

    /** The call's own assignment: the active one that is not a consult. */
    private static AssignmentState primary(InteractionState i) {
        for (AssignmentState as : i.assignments.values()) {
            if (as.status == AssignmentStatus.ACTIVE && !as.consult) {
                return as;
            }
        }
        throw new IllegalStateException("interaction " + i.id + " is with an advisor but has no active assignment");
    }
}
