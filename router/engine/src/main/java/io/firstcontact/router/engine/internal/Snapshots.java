package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.EngineSnapshot.AgentSnap;
import io.firstcontact.router.api.EngineSnapshot.AssignmentSnap;
import io.firstcontact.router.api.EngineSnapshot.CallbackSnap;
import io.firstcontact.router.api.EngineSnapshot.DeadlineSnap;
import io.firstcontact.router.api.EngineSnapshot.InteractionSnap;
import io.firstcontact.router.api.EngineSnapshot.KeptPlaceSnap;
import io.firstcontact.router.api.EngineSnapshot.OfferSnap;
import io.firstcontact.router.api.EngineSnapshot.QueueSnap;
import io.firstcontact.router.api.EngineSnapshot.RecentOffer;
import io.firstcontact.router.api.EngineSnapshot.VisitSnap;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Captures the engine's state as an {@link EngineSnapshot} and rebuilds an engine from one. */
public final class Snapshots {
    private Snapshots() {}

    public static EngineSnapshot capture(EngineCore core) {
        List<QueueSnap> queues = new ArrayList<>();
        core.queues.values().forEach(q -> queues.add(new QueueSnap(q.id(), q.open)));
        List<AgentSnap> agents = new ArrayList<>();
        for (AgentState a : core.agents.values()) {
            List<AssignmentSnap> as = new ArrayList<>();
            for (AssignmentState x : a.assignments.values()) {
                as.add(new AssignmentSnap(
                        x.id,
                        x.interaction.id,
                        x.interaction.channel,
                        core.channelIds.get(x.channelIndex),
                        x.queue.id(),
                        x.startedAt,
                        x.keyStart,
                        x.keySlMillis,
                        x.keyOrder,
                        x.status,
                        x.wrapStartedAt,
                        x.wrapUntil,
                        deadline(x.deadline),
                        x.consult));
            }
            agents.add(new AgentSnap(
                    a.id,
                    a.skills,
                    a.utilisationProfileId,
                    a.routingProfileId,
                    a.presence,
                    a.reason,
                    a.presenceSince,
                    a.pendingPresence,
                    a.pendingReason,
                    a.pendingActor,
                    a.sessionAttached,
                    a.phone,
                    deadline(a.sessionDeadline),
                    ints(a.active),
                    ints(a.wrapping),
                    longs(a.availableSince),
                    longs(a.rejectTimes),
                    a.rejectCount,
                    as,
                    a.device));
        }
        TreeMap<String, InteractionState> sorted = new TreeMap<>(core.interactions);
        List<InteractionSnap> interactions = new ArrayList<>();
        for (InteractionState i : sorted.values()) {
            VisitState v = i.visit;
            VisitSnap vs = v == null
                    ? null
                    : new VisitSnap(
                            v.id,
                            v.queue.id(),
                            v.enteredAt,
                            v.keyStart,
                            v.keySlMillis,
                            v.order,
                            v.inherited,
                            v.baseRequirements,
                            v.relaxLevel,
                            v.appliedRules,
                            v.widenMask,
                            v.delayStage,
                            v.maxWaitFired,
                            v.excludedAgents(),
                            deadline(v.deadline));
            OfferSnap os = offer(core, i.offer);
            interactions.add(new InteractionSnap(
                    i.id,
                    i.channel,
                    i.direction,
                    i.sourceRef,
                    i.conversationId,
                    i.customerRef,
                    i.arrivedAt,
                    i.attributes,
                    i.phase,
                    i.phase == Phase.PARKED ? i.parkedSince : null,
                    i.firstQueuedAt,
                    i.tier,
                    i.ageBonusMillis,
                    List.copyOf(i.targets),
                    i.ronaCount,
                    i.visitCount,
                    i.lastQueue,
                    vs,
                    os,
                    i.dialOut,
                    callback(i.callback),
                    i.customerAway,
                    deadline(i.customerGrace),
                    offer(core, i.consultOffer)));
        }
        List<RecentOffer> recent = new ArrayList<>();
        core.recentOffers.forEach((id, status) -> recent.add(new RecentOffer(id, status)));
        return new EngineSnapshot(
                EngineSnapshot.SCHEMA_VERSION,
                core.config,
                core.lastSeq,
                core.lastAt,
                core.epoch,
                core.deadlineCounter,
                core.visitCounter,
                queues,
                agents,
                interactions,
                new ArrayList<>(core.recentKeys),
                recent);
    }

    private static OfferSnap offer(EngineCore core, OfferState o) {
        return o == null
                ? null
                : new OfferSnap(
                        o.id,
                        o.agent.id,
                        core.channelIds.get(o.channelIndex),
                        o.createdAt,
                        o.expiresAt,
                        o.status,
                        deadline(o.deadline));
    }

    private static CallbackSnap callback(CallbackState cb) {
        if (cb == null) {
            return null;
        }
        KeptPlaceSnap place =
                cb.place == null ? null : new KeptPlaceSnap(cb.place.start(), cb.place.slMillis(), cb.place.order());
        return new CallbackSnap(cb.dials, cb.promisedAgent, cb.dialling, cb.kept, cb.queue, place, deadline(cb.due));
    }

    private static DeadlineSnap deadline(Deadline d) {
        return d != null && d.scheduled ? new DeadlineSnap(d.due, d.order) : null;
    }

    private static List<Integer> ints(int[] xs) {
        List<Integer> l = new ArrayList<>(xs.length);
        for (int x : xs) {
            l.add(x);
        }
        return l;
    }

    private static List<Long> longs(long[] xs) {
        List<Long> l = new ArrayList<>(xs.length);
        for (long x : xs) {
            l.add(x);
        }
        return l;
    }

    public static EngineCore restore(EngineSnapshot s, RoutingIndex index) {
        if (s.schemaVersion() != EngineSnapshot.SCHEMA_VERSION) {
            throw new IllegalArgumentException("snapshot schema " + s.schemaVersion() + " is not supported");
        }
        EngineCore core = new EngineCore(index);
        core.config = s.config();
        core.lookup = new ConfigLookup(s.config());
        List<String> channels = new ArrayList<>();
        s.config().channels().forEach(c -> channels.add(c.id()));
        core.channelIds = List.copyOf(channels);
        core.voiceChannels = EngineCore.voiceChannels(s.config());
        for (QueueSnap qs : s.queues()) {
            QueueState q = new QueueState(s.config().queue(qs.id()));
            q.open = qs.open();
            core.reconfiguration.deriveQueue(q);
            core.queues.put(q.id(), q);
        }
        core.lastSeq = s.lastSeq();
        core.lastAt = s.lastAt();
        core.now = s.lastAt();
        core.epoch = s.epoch();
        core.visitCounter = s.visitCounter();
        for (AgentSnap as : s.agents()) {
            AgentState a = new AgentState(as.id());
            a.skills = as.skills();
            a.utilisationProfileId = as.utilisationProfile();
            a.routingProfileId = as.routingProfile();
            a.routing = s.config().routingProfile(as.routingProfile());
            a.applyUtilisation(
                    s.config().utilisationProfile(as.utilisationProfile()), core.channelIds, core.voiceChannels);
            a.presence = as.presence();
            a.reason = as.reason();
            a.presenceSince = as.presenceSince();
            a.pendingPresence = as.pendingPresence();
            a.pendingReason = as.pendingReason();
            a.pendingActor = as.pendingActor();
            a.sessionAttached = as.sessionAttached();
            a.phone = as.phone();
            a.active = as.active().stream().mapToInt(Integer::intValue).toArray();
            a.wrapping = as.wrapping().stream().mapToInt(Integer::intValue).toArray();
            a.availableSince =
                    as.availableSince().stream().mapToLong(Long::longValue).toArray();
            a.rejectTimes = as.rejectTimes().stream().mapToLong(Long::longValue).toArray();
            a.rejectCount = as.rejectCount();
            a.device = as.device();
            restoreDeadline(core, a.sessionDeadline, as.sessionDeadline());
            core.agents.put(a.id, a);
        }
        for (InteractionSnap is : s.interactions()) {
            InteractionState i = interaction(
                    core,
                    is.id(),
                    is.channel(),
                    is.direction(),
                    is.sourceRef(),
                    is.conversationId(),
                    is.customerRef(),
                    is.arrivedAt(),
                    is.attributes());
            i.phase = is.phase();
            i.parkedSince = is.parkedSince();
            i.firstQueuedAt = is.firstQueuedAt();
            i.tier = is.tier();
            i.ageBonusMillis = is.ageBonusMillis();
            i.ronaCount = is.ronaCount();
            i.visitCount = is.visitCount();
            i.lastQueue = is.lastQueue();
            i.dialOut = is.dialOut();
            i.customerAway = is.customerAway();
            if (is.customerGrace() != null) {
                restoreDeadline(core, i.customerGrace(), is.customerGrace());
            }
            CallbackSnap cs = is.callback();
            if (cs != null) {
                CallbackState cb = new CallbackState(i, cs.promisedAgent());
                cb.dials = cs.dials();
                cb.dialling = cs.dialling();
                cb.kept = cs.kept();
                cb.queue = cs.queue();
                KeptPlaceSnap place = cs.place();
                cb.place =
                        place == null ? null : new KeptPlace(place.keyStart(), place.keySlMillis(), place.keyOrder());
                restoreDeadline(core, cb.due, cs.due());
                i.callback = cb;
            }
            for (Target t : is.targets()) {
                i.targets.add(t);
                core.agents.get(t.agentId()).targetedBy.put(i.id, i);
            }
            core.interactions.put(i.id, i);
            core.bySourceRef.put(i.sourceRef, i);
            VisitSnap vs = is.visit();
            if (vs != null) {
                QueueState q = core.queues.get(vs.queue());
                VisitState v = new VisitState(
                        vs.id(), i, q, vs.enteredAt(), vs.keyStart(), vs.keySlMillis(), vs.order(), vs.inherited());
                v.baseRequirements = vs.baseRequirements();
                v.relaxLevel = vs.relaxLevel();
                v.effective = Visits.effectiveRequirements(vs.baseRequirements(), q.config, vs.relaxLevel());
                v.appliedRules = vs.appliedRules();
                v.widenMask = vs.widenMask();
                v.delayStage = vs.delayStage();
                v.maxWaitFired = vs.maxWaitFired();
                vs.excluded().forEach(v::exclude);
                if (vs.deadline() != null) {
                    restoreDeadline(core, v.deadline(), vs.deadline());
                }
                i.visit = v;
                q.liveVisits.put(v.order, v);
            }
            if (is.offer() != null) {
                i.offer = restoreOffer(core, i, is.offer(), false);
            }
            if (is.consultOffer() != null) {
                i.consultOffer = restoreOffer(core, i, is.consultOffer(), true);
            }
        }
        for (AgentSnap as : s.agents()) {
            AgentState a = core.agents.get(as.id());
            for (AssignmentSnap x : as.assignments()) {
                InteractionState i = core.interactions.get(x.interactionId());
                if (i == null) {
                    // Ended while its assignments wrap up: only its id and channel are still needed.
                    i = interaction(
                            core,
                            x.interactionId(),
                            x.interactionChannel(),
                            Direction.INBOUND,
                            "ended:" + x.interactionId(),
                            null,
                            null,
                            x.startedAt(),
                            Attributes.NONE);
                    i.phase = Phase.ENDED;
                }
                AssignmentState st = new AssignmentState(
                        x.id(),
                        i,
                        a,
                        core.channelIds.indexOf(x.channel()),
                        core.queues.get(x.queue()),
                        x.startedAt(),
                        x.keyStart(),
                        x.keySlMillis(),
                        x.keyOrder());
                st.status = x.status();
                st.consult = x.consult();
                if (st.consult) {
                    i.consult = st;
                }
                st.wrapStartedAt = x.wrapStartedAt();
                st.wrapUntil = x.wrapUntil();
                if (x.deadline() != null) {
                    restoreDeadline(core, st.deadline(), x.deadline());
                }
                a.assignments.put(st.id, st);
                i.assignments.put(st.id, st);
                core.assignments.put(st.id, st);
            }
        }
        core.deadlineCounter = s.deadlineCounter();
        core.recentKeys.addAll(s.recentIdempotencyKeys());
        s.recentOffers().forEach(r -> core.recentOffers.put(r.offerId(), r.status()));
        index.rebuild(core);
        return core;
    }

    private static OfferState restoreOffer(EngineCore core, InteractionState i, OfferSnap os, boolean consult) {
        AgentState a = core.agents.get(os.agentId());
        OfferState o = new OfferState(
                os.id(),
                i,
                a,
                consult ? null : i.visit,
                core.channelIds.indexOf(os.channel()),
                os.createdAt(),
                os.expiresAt());
        o.status = os.status();
        o.consult = consult;
        restoreDeadline(core, o.deadline, os.deadline());
        a.liveOffers.put(o.id, o);
        core.offers.put(o.id, o);
        return o;
    }

    private static InteractionState interaction(
            EngineCore core,
            String id,
            String channel,
            Direction direction,
            String sourceRef,
            String conversationId,
            String customerRef,
            long arrivedAt,
            Attributes attributes) {
        return new InteractionState(
                id,
                channel,
                core.channelIds.indexOf(channel),
                direction,
                sourceRef,
                conversationId,
                customerRef,
                arrivedAt,
                attributes);
    }

    private static void restoreDeadline(EngineCore core, Deadline d, DeadlineSnap s) {
        if (s != null) {
            d.due = s.due();
            d.order = s.order();
            d.scheduled = true;
            core.deadlines.add(d);
        }
    }
}
