package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The invariants of docs/routing-contract.md §7, checked from first principles after every input. It also follows the facts to
 * check the life cycles across inputs: every visit ends once with one outcome, every offer reaches one terminal
 * status, the wait start never changes.
 */
public final class Invariants {
    private final Set<String> openVisits = new LinkedHashSet<>();
    private final Set<String> endedVisits = new LinkedHashSet<>();
    private final Set<String> liveOffers = new LinkedHashSet<>();
    private final Set<String> endedOffers = new LinkedHashSet<>();
    private final Map<String, Long> waitStart = new LinkedHashMap<>();
    /** Each interaction's last visit order, from its VisitStarted facts. */
    private final Map<String, Long> lastOrder = new LinkedHashMap<>();
    /** Interactions whose next visit must keep this place in line: a callback converted, or one retried. */
    private final Map<String, Long> keptOrder = new LinkedHashMap<>();

    /** Follows the decision's facts, then checks the engine's whole state; throws {@link AssertionError}. */
    public void check(EngineCore core, Decision d) {
        followFacts(d);
        checkOffersRespectPhones(core, d);
        checkState(core);
    }

    private void followFacts(Decision d) {
        for (Fact f : d.facts()) {
            switch (f) {
                case Fact.VisitStarted v -> {
                    require(openVisits.add(v.visitId()), "visit started twice: " + v);
                    Long kept = keptOrder.remove(v.interactionId());
                    require(
                            kept == null || (v.inherited() && v.order() == kept),
                            "a callback lost its place in line: " + v + ", kept " + kept);
                    lastOrder.put(v.interactionId(), v.order());
                }
                case Fact.CallbackRequested c -> keptOrder.put(c.interactionId(), lastOrder.get(c.interactionId()));
                case Fact.CallbackScheduled c -> {
                    if (c.attempt() > 1) { // a retry keeps the place of the visit that was answered
                        keptOrder.put(c.interactionId(), lastOrder.get(c.interactionId()));
                    }
                }
                case Fact.InteractionEnded e -> keptOrder.remove(e.interactionId());
                case Fact.VisitEnded v -> {
                    require(openVisits.remove(v.visitId()), "visit ended but not open: " + v);
                    require(endedVisits.add(v.visitId()), "visit ended twice: " + v);
                }
                case Fact.OfferCreated o -> require(liveOffers.add(o.offerId()), "offer created twice: " + o);
                case Fact.OfferStatusChanged o -> {
                    if (o.status() != OfferStatus.ALERTING) {
                        require(liveOffers.remove(o.offerId()), "offer ended but not live: " + o);
                        require(endedOffers.add(o.offerId()), "offer ended twice: " + o);
                    } else {
                        require(liveOffers.contains(o.offerId()), "alerting offer not live: " + o);
                    }
                }
                default -> {}
            }
        }
    }

    private void checkState(EngineCore core) {
        // One live visit and at most one live offer per interaction, consistent with its phase.
        int visits = 0;
        for (QueueState q : core.queues().values()) {
            for (VisitState v : q.liveVisits().values()) {
                visits++;
                require(!v.ended(), "ended visit still live in " + q.id());
                require(v.interaction().visit() == v, "live visit is not its interaction's: " + v.id());
                require(
                        core.interactions().get(v.interaction().id()) == v.interaction(),
                        "visit of a gone interaction");
            }
        }
        require(visits == openVisits.size(), "live visits " + visits + " but facts say " + openVisits.size());
        require(core.offers().size() == liveOffers.size(), "live offers disagree with facts");
        for (InteractionState i : core.interactions().values()) {
            Phase p = i.phase();
            require((i.visit() != null) == (p == Phase.QUEUED || p == Phase.OFFERED), i.id() + " visit vs " + p);
            require((i.offer() != null) == (p == Phase.OFFERED), i.id() + " offer vs " + p);
            boolean withAdvisor = p == Phase.CONNECTED || p == Phase.PARKED;
            if (p == Phase.SCHEDULED) {
                require(i.callback != null && i.callback.queue != null, i.id + " scheduled but not a callback");
                require(i.callback.due.scheduled, i.id + " scheduled without its deadline");
            }
            if (i.callback != null && i.callback.dialling) {
                require(p == Phase.CONNECTED, i.id + " dialled while " + p);
            }
            if (i.consultOffer != null) {
                OfferState o = i.consultOffer;
                require(withAdvisor && o.consult && o.status.live(), i.id + " consult offer while " + p);
                require(core.offers.get(o.id) == o && o.agent.liveOffers.get(o.id) == o, "consult offer not indexed");
            }
            if (i.consult != null) {
                require(withAdvisor, i.id + " consult while " + p);
                require(i.consult.consult && i.consult.status == AssignmentStatus.ACTIVE, "consult not active");
            }
            int calls = 0;
            for (AssignmentState as : i.assignments().values()) {
                require(!as.consult || as == i.consult, i.id + " has a stray consult assignment");
                if (as.status == AssignmentStatus.ACTIVE && !as.consult) {
                    calls++;
                }
            }
            require(calls <= 1, i.id + " has " + calls + " active assignments besides a consult");
            if (i.offer() != null) {
                require(i.offer().status().live(), "interaction holds a dead offer");
                require(core.offers().get(i.offer().id()) == i.offer(), "offer not indexed");
            }
            boolean active = i.assignments().values().stream().anyMatch(x -> x.status() == AssignmentStatus.ACTIVE);
            require(active == withAdvisor, i.id() + " is " + p + " with active assignment " + active);
            if (i.firstQueuedAt() >= 0) {
                Long before = waitStart.putIfAbsent(i.id(), i.firstQueuedAt());
                require(before == null || before == i.firstQueuedAt(), i.id() + " wait start changed");
            }
            for (Target t : i.targetList()) {
                AgentState a = core.agents().get(t.agentId());
                require(a != null && a.targetedBy().get(i.id()) == i, "target not indexed on agent");
                require(t.untilMillis() > core.now() || core.nextDeadline() <= t.untilMillis(), "lapsed target kept");
                require(t.mode() == TargetMode.ONLY || t.mode() == TargetMode.PREFER, "mode");
            }
        }
        // Capacity: counts equal the work held; reserved capacity is released on every terminal path.
        for (AgentState a : core.agents().values()) {
            int n = a.channelCount();
            int[] active = new int[n];
            int[] wrapping = new int[n];
            for (OfferState o : a.liveOffers().values()) {
                require(o.status().live(), "agent holds dead offer");
                require(core.offers().get(o.id()) == o, "agent offer not live");
                active[o.channelIndex()]++;
            }
            for (AssignmentState as : a.assignments().values()) {
                require(as.status() != AssignmentStatus.DONE, "done assignment kept");
                require(core.assignments().get(as.id()) == as, "assignment not indexed");
                if (as.status() == AssignmentStatus.ACTIVE) {
                    active[as.channelIndex()]++;
                } else {
                    wrapping[as.channelIndex()]++;
                }
            }
            for (int c = 0; c < n; c++) {
                require(a.active(c) == active[c], a.id() + " active count on channel " + c);
                require(a.wrapping(c) == wrapping[c], a.id() + " wrap-up count on channel " + c);
            }
            if (a.pendingPresence() != null) {
                require(a.hasWork(), a.id() + " has a pending presence but no work");
            }
            for (InteractionState i : a.targetedBy().values()) {
                require(i.targets(a.id()), "agent indexes a target it is not");
            }
        }
        // Work conservation modulo eligibility.
        for (QueueState q : core.queues().values()) {
            for (VisitState v : q.liveVisits().values()) {
                for (AgentState a : core.agents().values()) {
                    require(
                            !RoutingRule.eligible(v, a),
                            "unmatched eligible pair " + v.interaction().id() + "→" + a.id());
                }
            }
        }
        // Every deadline belongs to something live.
        for (Deadline d : core.deadlines()) {
            require(d.due() >= 0, "deadline");
        }
    }

    /** A voice offer rings a phone that is free, or one busy only with the engine's own voice work. */
    private static void checkOffersRespectPhones(EngineCore core, Decision d) {
        for (Fact f : d.facts()) {
            if (f instanceof Fact.OfferCreated o && core.isVoice(o.channel())) {
                AgentState a = core.agents.get(o.agentId());
                int c = core.channelIds.indexOf(o.channel());
                // This input cannot have changed the phone: it made an offer, so it was no device report.
                require(
                        a.device.free() || a.active[c] > 1 || !core.offers.containsKey(o.offerId()),
                        "voice offer " + o.offerId() + " rang " + a.id + "'s phone, which is " + a.device);
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError("invariant broken: " + message);
        }
    }
}
