package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.Iterator;

/** The offer life cycle: RESERVED → ALERTING → accepted, rejected, timed out (RONA), failed or cancelled; capacity is held from RESERVED and released on every terminal path. */
final class Offering {
    private final EngineCore core;

    Offering(EngineCore core) {
        this.core = core;
    }

    /** Called by the index: offer the visit's interaction to the advisor. */
    void makeOffer(VisitState v, AgentState a) {
        InteractionState i = v.interaction;
        QueueState q = v.queue;
        int c = q.channelIndex;
        ChannelConfig ch = q.channel;
        OfferState o = new OfferState(
                "o" + core.epoch + "-" + core.seq + "-" + (++core.offerOrdinal),
                i,
                a,
                v,
                c,
                core.now,
                core.now + ch.offerTimeoutMillis());
        i.phase = Phase.OFFERED;
        i.offer = o;
        a.active[c]++;
        a.liveOffers.put(o.id, o);
        core.offers.put(o.id, o);
        core.index.counters().offersMade++;
        // Nobody waits on the line for a callback or an advisor's outbound call: the adapter dials after the accept.
        OfferKind kind = i.dialOut ? OfferKind.DIAL_CUSTOMER : OfferKind.CONNECT;
        core.fact(new Fact.OfferCreated(o.id, i.id, a.id, v.id, q.id(), ch.id(), o.expiresAt, kind));
        core.effect(new Effect.OfferToAgent(o.id, i.id, a.id, ch.id(), q.id(), o.expiresAt, ch.autoAccept(), kind));
        core.index.visitChanged(v);
        core.visits.scheduleVisit(v);
        if (ch.autoAccept()) {
            accept(o);
        } else {
            core.schedule.at(o.deadline, o.expiresAt);
        }
        core.index.agentChanged(a);
    }

    private OfferState liveOffer(String id) {
        OfferState o = core.offers.get(id);
        if (o == null) {
            OfferStatus was = core.recentOffers.get(id);
            core.refuse(
                    was == null ? Refusal.NOT_FOUND : Refusal.CONFLICT,
                    was == null ? "no such offer" : "the offer is " + was + ", no longer alerting");
        }
        return o;
    }

    void offerDelivered(String id) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        if (o.status != OfferStatus.RESERVED) {
            core.refuse(Refusal.CONFLICT, "the offer is " + o.status);
            return;
        }
        o.status = OfferStatus.ALERTING;
        core.fact(new Fact.OfferStatusChanged(o.id, o.interaction.id, o.agent.id, OfferStatus.ALERTING, null));
    }

    void acceptCommand(String id) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        if (o.consult) {
            core.consults.answered(o);
        } else {
            accept(o);
        }
        core.settle();
    }

    /** The offer is accepted: it is no longer live, and the capacity it held passes to the assignment that follows. */
    void markAccepted(OfferState o) {
        o.status = OfferStatus.ACCEPTED;
        core.schedule.cancel(o.deadline);
        forget(o);
        o.agent.liveOffers.remove(o.id);
        core.fact(new Fact.OfferStatusChanged(o.id, o.interaction.id, o.agent.id, OfferStatus.ACCEPTED, null));
    }

    private void accept(OfferState o) {
        InteractionState i = o.interaction;
        AgentState a = o.agent;
        VisitState v = o.visit;
        markAccepted(o);
        AssignmentState as =
                new AssignmentState(o.id, i, a, o.channelIndex, v.queue, core.now, v.keyStart, v.keySlMillis, v.order);
        a.assignments.put(as.id, as);
        i.assignments.put(as.id, as);
        core.assignments.put(as.id, as);
        i.offer = null;
        i.phase = Phase.CONNECTED;
        if (i.callback != null && i.dialOut) {
            i.callback.dialling = true; // the adapter dials the customer now and reports the outcome
        } else {
            i.dialOut = false; // an outbound call: the adapter dials now, and ends the interaction if it fails
        }
        core.schedule.cancel(i.customerGrace); // with an advisor, a dropped connection is a fact only
        core.visits.endVisit(v, VisitOutcome.ANSWERED);
        core.fact(new Fact.AssignmentStarted(as.id, i.id, a.id, i.channel));
        core.effect(new Effect.Connect(o.id, i.id, a.id));
        core.index.agentChanged(a);
    }

    private void forget(OfferState o) {
        core.offers.remove(o.id);
        core.recentOffers.put(o.id, o.status);
        if (core.recentOffers.size() > EngineCore.RECENT_OFFERS) {
            Iterator<String> it = core.recentOffers.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** Ends a live offer and releases the capacity it held; the caller decides where the interaction goes. */
    void endOffer(OfferState o, OfferStatus status, String cause, boolean withdraw) {
        AgentState a = o.agent;
        o.status = status;
        core.schedule.cancel(o.deadline);
        forget(o);
        a.liveOffers.remove(o.id);
        a.active[o.channelIndex]--;
        if (o.consult) {
            o.interaction.consultOffer = null;
        } else {
            o.interaction.offer = null;
        }
        core.fact(new Fact.OfferStatusChanged(o.id, o.interaction.id, a.id, status, cause));
        if (withdraw) {
            core.effect(new Effect.WithdrawOffer(o.id, o.interaction.id, a.id, cause));
        }
    }

    void reject(String id) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        AgentState a = o.agent;
        if (o.consult) { // a colleague declining a consult is not an ACD reject: no exclusion, no count
            core.consults.offerEnded(o, OfferStatus.REJECTED, null, false);
            core.workforce.afterWork(a);
            core.settle();
            return;
        }
        endOffer(o, OfferStatus.REJECTED, null, false);
        o.visit.exclude(a.id);
        core.visits.returnToQueue(o.visit);
        if (recordReject(a)) {
            core.workforce.requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.REJECTS, Actor.SYSTEM);
            core.effect(new Effect.SupervisorAlert("REJECTS", null, a.id));
        }
        core.workforce.afterWork(a);
        core.settle();
    }

    /** Records a reject; answers whether the advisor reached N rejects within the window. */
    private boolean recordReject(AgentState a) {
        int n = core.config.policy().rejectsBeforePause();
        if (a.rejectTimes.length != n) {
            a.rejectTimes = new long[n];
            a.rejectCount = 0;
        }
        a.rejectTimes[a.rejectCount % n] = core.now;
        a.rejectCount++;
        if (a.rejectCount < n) {
            return false;
        }
        long oldest = a.rejectTimes[a.rejectCount % n];
        if (core.now - oldest < core.config.policy().rejectWindowMillis()) {
            a.rejectCount = 0;
            return true;
        }
        return false;
    }

    void timeout(OfferState o) {
        if (!o.status.live()) {
            return;
        }
        AgentState a = o.agent;
        InteractionState i = o.interaction;
        if (o.consult) { // an unanswered consult pauses nobody: the colleague was not taking ACD work from it
            core.consults.offerEnded(o, OfferStatus.TIMED_OUT, Consults.NO_ANSWER, true);
            core.workforce.afterWork(a);
            return;
        }
        endOffer(o, OfferStatus.TIMED_OUT, NotReadyReasons.RONA, true);
        o.visit.exclude(a.id);
        i.ronaCount++;
        if (i.ronaCount % core.config.policy().ronasBeforeTierRaise() == 0 && i.tier < QueueRequest.MAX_TIER) {
            i.tier++;
            core.fact(new Fact.TierChanged(i.id, i.tier, "REPEATED_RONA"));
            core.effect(new Effect.SupervisorAlert("REPEATED_RONA", i.id, a.id));
        }
        core.visits.returnToQueue(o.visit);
        if (core.config.policy().ronaPausesAgent()) {
            core.workforce.requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.RONA, Actor.SYSTEM);
        }
        core.workforce.afterWork(a);
    }

    void failed(String id, FailureCause cause) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        AgentState a = o.agent;
        if (o.consult) {
            core.consults.offerEnded(o, OfferStatus.FAILED, cause.name(), false);
        } else {
            endOffer(o, OfferStatus.FAILED, cause.name(), false);
            o.visit.exclude(a.id);
            core.visits.returnToQueue(o.visit);
        }
        if (cause == FailureCause.UNREACHABLE) {
            core.workforce.requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.DEVICE, Actor.SYSTEM);
        }
        core.workforce.afterWork(a);
        core.settle();
    }

    void cancelCommand(String id, CancelCause cause) {
        if (cause == CancelCause.CUSTOMER_LEFT) {
            core.refuse(Refusal.INVALID, "a customer who left ends the interaction (EndInteraction), not the offer");
            return;
        }
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        if (o.consult) {
            core.consults.offerEnded(o, OfferStatus.CANCELLED, cause.name(), true);
        } else {
            endOffer(o, OfferStatus.CANCELLED, cause.name(), true);
            core.visits.returnToQueue(o.visit);
        }
        core.workforce.afterWork(o.agent);
        core.settle();
    }
}
