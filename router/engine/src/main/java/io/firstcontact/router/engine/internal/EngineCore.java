package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RelaxationStep;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Strictness;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The routing engine's state and the rules that change it. One thread applies each sequenced input and returns the
 * facts and effects it decided; the {@link RoutingIndex} answers which offer to make next. Nothing here reads a
 * clock, draws a random number or iterates a hash-ordered collection to make a decision.
 */
public final class EngineCore {
    /** Chained moves (overflow into a queue that overflows again) stop here within one input. */
    static final int MAX_MOVES_PER_INPUT = 8;

    static final int RECENT_OFFERS = 10_000;

    RoutingConfig config = RoutingConfig.empty();
    ConfigLookup lookup = new ConfigLookup(config);
    List<String> channelIds = List.of();
    final TreeMap<String, QueueState> queues = new TreeMap<>();
    final TreeMap<String, AgentState> agents = new TreeMap<>();
    final LinkedHashMap<String, InteractionState> interactions = new LinkedHashMap<>();
    final LinkedHashMap<String, InteractionState> bySourceRef = new LinkedHashMap<>();
    final LinkedHashMap<String, OfferState> offers = new LinkedHashMap<>();
    final LinkedHashMap<String, OfferStatus> recentOffers = new LinkedHashMap<>();
    final LinkedHashMap<String, AssignmentState> assignments = new LinkedHashMap<>();
    final TreeSet<Deadline> deadlines = new TreeSet<>(Deadline.ORDER);
    final LinkedHashSet<String> recentKeys = new LinkedHashSet<>();
    long deadlineCounter;
    long visitCounter;
    long lastSeq;
    long lastAt;
    long epoch;

    final RoutingIndex index;

    // The input being applied.
    long now;
    long seq;
    private int offerOrdinal;
    private int movesThisInput;
    // Working lists reused across inputs; each decision takes one exact-size immutable copy.
    private final ArrayList<Fact> facts = new ArrayList<>();
    private final ArrayList<Effect> effects = new ArrayList<>();

    public EngineCore(RoutingIndex index) {
        this.index = index;
        index.rebuild(this);
    }

    /** Apply one input. Inputs must come in sequence order with non-decreasing time. */
    public Decision apply(EngineInput in) {
        if (in.seq() <= lastSeq) {
            throw new IllegalArgumentException("input seq " + in.seq() + " is not after " + lastSeq);
        }
        if (in.at() < lastAt) {
            throw new IllegalArgumentException("input time " + in.at() + " is before " + lastAt);
        }
        lastSeq = in.seq();
        lastAt = in.at();
        epoch = in.epoch();
        now = in.at();
        seq = in.seq();
        offerOrdinal = 0;
        movesThisInput = 0;
        facts.clear();
        effects.clear();
        index.counters().reset();
        String key = in.idempotencyKey();
        if (key != null && recentKeys.contains(key)) {
            effects.add(new Effect.Duplicate(key));
        } else {
            dispatch(in.command());
            if (key != null) {
                remember(key);
            }
        }
        return new Decision(in.seq(), List.copyOf(facts), List.copyOf(effects), nextDeadline());
    }

    private void remember(String key) {
        recentKeys.add(key);
        if (recentKeys.size() > config.policy().idempotencyKeyCapacity()) {
            Iterator<String> it = recentKeys.iterator();
            it.next();
            it.remove();
        }
    }

    public long nextDeadline() {
        return deadlines.isEmpty() ? Decision.NO_DEADLINE : deadlines.first().due;
    }

    private void dispatch(Command command) {
        switch (command) {
            case Command.ConfigureRouting c -> configure(c.config());
            case Command.DefineAgent c -> defineAgent(c);
            case Command.ChangeSkills c -> changeSkills(c);
            case Command.AssignRoutingProfile c -> assignRoutingProfile(c);
            case Command.LogIn c -> logIn(c);
            case Command.ChangePresence c -> changePresence(c);
            case Command.SessionLost c -> sessionLost(c.agentId());
            case Command.SessionRestored c -> sessionRestored(c.agentId());
            case Command.CreateInteraction c -> create(c);
            case Command.QueueInteraction c -> queueInteraction(c);
            case Command.UpdateAttributes c -> updateAttributes(c);
            case Command.UpdateRouting c -> updateRouting(c);
            case Command.TransferToQueue c -> transferToQueue(c);
            case Command.TransferToAgent c -> transferToAgent(c);
            case Command.TransferExternal c -> transferExternal(c);
            case Command.EndInteraction c -> endInteraction(c.interactionId(), c.reason());
            case Command.OfferDelivered c -> offerDelivered(c.offerId());
            case Command.AcceptOffer c -> acceptCommand(c.offerId());
            case Command.RejectOffer c -> reject(c.offerId());
            case Command.OfferFailed c -> failed(c.offerId(), c.cause());
            case Command.CancelOffer c -> cancelCommand(c.offerId(), c.cause());
            case Command.ExtendWrapUp c -> extendWrapUp(c.assignmentId(), c.extraMillis());
            case Command.EndWrapUp c -> endWrapUp(c.assignmentId());
            case Command.OpenQueue c -> openQueue(c.queue());
            case Command.CloseQueue c -> closeQueue(c.queue());
            case Command.DeadlinesDue c -> deadlinesDue();
            case Command.NotSupportedYet c -> refuse(Refusal.NOT_SUPPORTED_YET, c.type() + " is not supported yet");
        }
    }

    // ------------------------------------------------------------------ outputs

    private void refuse(Refusal reason, String message) {
        effects.add(new Effect.Refused(reason, message));
    }

    void fact(Fact f) {
        facts.add(f);
    }

    void effect(Effect e) {
        effects.add(e);
    }

    /** After a change: apply unstaffed overflow where staffing dropped, then make every offer that can be made. */
    private void settle() {
        for (VisitState v : index.newlyUnstaffed()) {
            unstaffedCheck(v); // again: an earlier rule in this loop may have moved or staffed it
        }
        index.match(this);
    }

    // ------------------------------------------------------------------ deadlines

    void schedule(Deadline d, long due) {
        if (d.scheduled) {
            if (d.due == due) {
                return;
            }
            deadlines.remove(d);
            d.scheduled = false;
        }
        if (due == Decision.NO_DEADLINE) {
            return;
        }
        d.due = due;
        d.order = ++deadlineCounter;
        deadlines.add(d);
        d.scheduled = true;
    }

    void unschedule(Deadline d) {
        if (d != null && d.scheduled) {
            deadlines.remove(d);
            d.scheduled = false;
        }
    }

    private void deadlinesDue() {
        while (!deadlines.isEmpty() && deadlines.first().due <= now) {
            Deadline d = deadlines.pollFirst();
            d.scheduled = false;
            switch (d.kind) {
                case OFFER_TIMEOUT -> timeout((OfferState) d.owner);
                case WRAP_UP_END -> finishAssignment((AssignmentState) d.owner);
                case VISIT -> visitDeadline((VisitState) d.owner);
                case SESSION_GRACE -> sessionGraceOver((AgentState) d.owner);
            }
            settle();
        }
    }

    // ------------------------------------------------------------------ configuration

    private void configure(RoutingConfig next) {
        ConfigLookup nextLookup = new ConfigLookup(next);
        String problem = incompatibility(next, nextLookup);
        if (problem != null) {
            refuse(problem.startsWith("version") ? Refusal.CONFLICT : Refusal.INVALID, problem);
            return;
        }
        boolean structural = structuralChange(next);
        List<String> oldChannels = channelIds;
        List<String> newChannels = new ArrayList<>();
        next.channels().forEach(c -> newChannels.add(c.id()));
        config = next;
        lookup = nextLookup;
        channelIds = List.copyOf(newChannels);
        for (AgentState a : agents.values()) {
            remapChannels(a, oldChannels);
            a.routing = lookup.routingProfiles.get(a.routingProfileId);
            a.applyUtilisation(lookup.utilisationProfiles.get(a.utilisationProfileId), channelIds);
        }
        for (OfferState o : offers.values()) {
            o.channelIndex = channelIds.indexOf(oldChannels.get(o.channelIndex));
        }
        for (AssignmentState as : assignments.values()) {
            as.channelIndex = channelIds.indexOf(oldChannels.get(as.channelIndex));
        }
        TreeMap<String, QueueState> old = new TreeMap<>(queues);
        queues.clear();
        for (QueueConfig qc : next.queues()) {
            QueueState q = old.get(qc.id());
            if (q == null) {
                q = new QueueState(qc);
            }
            q.config = qc;
            deriveQueue(q);
            queues.put(qc.id(), q);
        }
        for (QueueState q : queues.values()) {
            for (VisitState v : q.liveVisits.values()) {
                reconfigureVisit(v);
            }
        }
        if (structural) {
            index.rebuild(this);
        } else {
            // Advisors' places in the index cannot have changed: only waiting visits move (relaxation, stages).
            for (QueueState q : queues.values()) {
                for (VisitState v : q.liveVisits.values()) {
                    index.visitChanged(v);
                }
            }
        }
        // New requirements or rules can leave a waiting visit with nobody to serve it: checked in arrival order, in
        // the queues that have an unstaffed rule.
        TreeMap<Long, VisitState> inOrder = new TreeMap<>();
        for (QueueState q : queues.values()) {
            if (q.rulesWith(OverflowTrigger.UNSTAFFED) != 0) {
                inOrder.putAll(q.liveVisits);
            }
        }
        for (VisitState v : inOrder.values()) {
            unstaffedCheck(v);
        }
        fact(new Fact.ConfigurationApplied(next.version()));
        settle();
    }

    /**
     * Whether a new configuration can move advisors in the index: other channels, capacities, profiles (memberships,
     * tiers, delays), or a queue's channel, strategy or overflow rules. Anything else (service levels, default
     * requirements, relaxation, limits, wrap-up, policy) only moves waiting visits.
     */
    private boolean structuralChange(RoutingConfig next) {
        if (!next.channels().equals(config.channels())
                || !next.utilisationProfiles().equals(config.utilisationProfiles())
                || !next.routingProfiles().equals(config.routingProfiles())
                || next.queues().size() != config.queues().size()) {
            return true;
        }
        for (QueueConfig q : next.queues()) {
            QueueConfig old = lookup.queues.get(q.id());
            if (old == null
                    || !old.channel().equals(q.channel())
                    || old.strategy() != q.strategy()
                    || !old.overflow().equals(q.overflow())) {
                return true;
            }
        }
        return false;
    }

    private String incompatibility(RoutingConfig next, ConfigLookup ids) {
        if (next.version() <= config.version() && !(config.version() == 1 && queues.isEmpty() && agents.isEmpty())) {
            return "version " + next.version() + " is not after the current " + config.version();
        }
        // The refusal names the smallest offending id, so that it is the same on every replay.
        String problemId = null;
        String problem = null;
        for (InteractionState i : interactions.values()) {
            String p = null;
            if (!ids.channels.containsKey(i.channel)) {
                p = "channel " + i.channel + " is in use by live interactions";
            } else if (i.visit != null) {
                QueueConfig q = ids.queues.get(i.visit.queue.id());
                if (q == null || !q.channel().equals(i.channel)) {
                    p = "queue " + i.visit.queue.id() + " has waiting interactions and must keep its channel";
                }
            }
            if (p != null && (problemId == null || i.id.compareTo(problemId) < 0)) {
                problemId = i.id;
                problem = p;
            }
        }
        if (problem != null) {
            return problem;
        }
        for (AssignmentState as : assignments.values()) {
            if (!ids.queues.containsKey(as.queue.id()) && (problemId == null || as.id.compareTo(problemId) < 0)) {
                problemId = as.id;
                problem = "queue " + as.queue.id() + " has assignments in progress";
            }
        }
        if (problem != null) {
            return problem;
        }
        for (AgentState a : agents.values()) {
            if (!ids.routingProfiles.containsKey(a.routingProfileId)) {
                return "routing profile " + a.routingProfileId + " is used by agent " + a.id;
            }
            if (!ids.utilisationProfiles.containsKey(a.utilisationProfileId)) {
                return "utilisation profile " + a.utilisationProfileId + " is used by agent " + a.id;
            }
        }
        return null;
    }

    private void remapChannels(AgentState a, List<String> oldChannels) {
        int n = channelIds.size();
        int[] active = new int[n];
        int[] wrapping = new int[n];
        long[] since = new long[n];
        for (int c = 0; c < n; c++) {
            int o = oldChannels.indexOf(channelIds.get(c));
            if (o >= 0 && o < a.active.length) {
                active[c] = a.active[o];
                wrapping[c] = a.wrapping[o];
                since[c] = a.availableSince[o];
            } else {
                since[c] = now;
            }
        }
        a.active = active;
        a.wrapping = wrapping;
        a.availableSince = since;
    }

    void deriveQueue(QueueState q) {
        q.channel = lookup.channels.get(q.config.channel());
        q.channelIndex = channelIds.indexOf(q.channel.id());
        q.strategy = q.config.strategy() != null
                ? q.config.strategy()
                : q.channel.mediaClass().defaultStrategy();
        TreeSet<Long> delays = new TreeSet<>();
        for (RoutingProfile p : config.routingProfiles()) {
            QueueMembership m = p.membership(q.id());
            if (m != null && m.delayMillis() > 0) {
                delays.add(m.delayMillis());
            }
        }
        q.delayThresholds = delays.stream().mapToLong(Long::longValue).toArray();
    }

    private void reconfigureVisit(VisitState v) {
        QueueConfig qc = v.queue.config;
        int rules = qc.overflow().size();
        v.appliedRules &= (1 << rules) - 1;
        int widen = 0;
        for (int r = 0; r < rules; r++) {
            if ((v.widenMask & (1 << r)) != 0 && qc.overflow().get(r).action() == OverflowAction.WIDEN) {
                widen |= 1 << r;
            }
        }
        v.widenMask = widen;
        v.relaxLevel = Math.min(v.relaxLevel, qc.relaxation().size());
        v.effective = effectiveRequirements(v.baseRequirements, qc, v.relaxLevel);
        int stage = 0;
        while (stage < v.queue.delayThresholds.length && v.enteredAt + v.queue.delayThresholds[stage] <= now) {
            stage++;
        }
        v.delayStage = stage;
        scheduleVisit(v);
    }

    // ------------------------------------------------------------------ advisors

    private String unknownSkill(List<SkillLevel> skills) {
        for (SkillLevel s : skills) {
            if (!config.hasSkill(s.skill())) {
                return s.skill();
            }
        }
        return null;
    }

    private void defineAgent(Command.DefineAgent c) {
        UtilisationProfile util = lookup.utilisationProfiles.get(c.utilisationProfile());
        RoutingProfile routing = lookup.routingProfiles.get(c.routingProfile());
        if (util == null || routing == null) {
            refuse(
                    Refusal.INVALID,
                    "unknown "
                            + (util == null
                                    ? "utilisation profile " + c.utilisationProfile()
                                    : "routing profile " + c.routingProfile()));
            return;
        }
        String skill = unknownSkill(c.skills());
        if (skill != null) {
            refuse(Refusal.INVALID, "unknown skill " + skill);
            return;
        }
        AgentState a = agents.get(c.agentId());
        if (a == null) {
            a = new AgentState(c.agentId());
            int n = channelIds.size();
            a.active = new int[n];
            a.wrapping = new int[n];
            a.availableSince = new long[n];
            agents.put(a.id, a);
        }
        a.skills = c.skills();
        a.utilisationProfileId = util.id();
        a.routingProfileId = routing.id();
        a.routing = routing;
        a.applyUtilisation(util, channelIds);
        fact(new Fact.AgentDefined(a.id, util.id(), routing.id()));
        index.agentRedefined(a);
        settle();
    }

    private AgentState agent(String id) {
        AgentState a = agents.get(id);
        if (a == null) {
            refuse(Refusal.NOT_FOUND, "no agent " + id);
        }
        return a;
    }

    private void changeSkills(Command.ChangeSkills c) {
        AgentState a = agent(c.agentId());
        if (a == null) {
            return;
        }
        String skill = unknownSkill(c.skills());
        if (skill != null) {
            refuse(Refusal.INVALID, "unknown skill " + skill);
            return;
        }
        a.skills = c.skills();
        fact(new Fact.AgentSkillsChanged(a.id));
        index.agentRedefined(a);
        settle();
    }

    private void assignRoutingProfile(Command.AssignRoutingProfile c) {
        AgentState a = agent(c.agentId());
        if (a == null) {
            return;
        }
        RoutingProfile routing = lookup.routingProfiles.get(c.routingProfile());
        if (routing == null) {
            refuse(Refusal.INVALID, "unknown routing profile " + c.routingProfile());
            return;
        }
        a.routingProfileId = routing.id();
        a.routing = routing;
        fact(new Fact.RoutingProfileAssigned(a.id, routing.id(), c.actor()));
        index.agentRedefined(a);
        settle();
    }

    private void logIn(Command.LogIn c) {
        AgentState a = agent(c.agentId());
        if (a == null) {
            return;
        }
        if (a.presence != PresenceState.LOGGED_OUT) {
            refuse(Refusal.CONFLICT, "agent " + a.id + " is already logged in");
            return;
        }
        a.sessionAttached = true;
        a.pendingPresence = null;
        a.pendingReason = null;
        a.pendingActor = null;
        java.util.Arrays.fill(a.availableSince, now);
        setPresence(
                a,
                c.ready() ? PresenceState.READY : PresenceState.NOT_READY,
                c.ready() ? null : NotReadyReasons.LOGIN,
                c.actor());
        a.device = c.device();
        if (c.device() != null) {
            fact(new Fact.DeviceAssigned(a.id, c.device()));
        }
        index.agentChanged(a);
        settle();
    }

    private void changePresence(Command.ChangePresence c) {
        AgentState a = agent(c.agentId());
        if (a == null) {
            return;
        }
        if (a.presence == PresenceState.LOGGED_OUT) {
            refuse(Refusal.CONFLICT, "agent " + a.id + " is not logged in");
            return;
        }
        if (c.presence() == PresenceState.NOT_READY
                && config.notReadyReason(c.reason()) == null
                && !(NotReadyReasons.isSystem(c.reason())
                        && c.actor().kind() != io.firstcontact.router.api.model.ActorKind.AGENT)) {
            refuse(Refusal.INVALID, "unknown not-ready reason " + c.reason());
            return;
        }
        if (c.presence() == PresenceState.LOGGED_OUT) {
            logOut(a, c.actor(), c.force());
        } else {
            requestPresence(a, c.presence(), c.reason(), c.actor());
        }
        settle();
    }

    /** Ask for a presence: READY at once; NOT_READY or LOGGED_OUT pending while work is open. */
    void requestPresence(AgentState a, PresenceState state, String reason, Actor actor) {
        if (state == PresenceState.READY) {
            if (a.pendingPresence != null) {
                fact(new Fact.PresencePendingWithdrawn(a.id, a.pendingPresence, actor));
            }
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            if (a.presence != PresenceState.READY) {
                setPresence(a, PresenceState.READY, null, actor);
            }
        } else if (a.hasWork()) {
            a.pendingPresence = state;
            a.pendingReason = reason;
            a.pendingActor = actor;
            fact(new Fact.PresencePending(a.id, state, reason, actor));
        } else {
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            setPresence(a, state, reason, actor);
        }
        if (state == PresenceState.LOGGED_OUT || (state == PresenceState.NOT_READY && releasesTargets(reason))) {
            releaseTargets(a, state == PresenceState.LOGGED_OUT ? "LOGGED_OUT" : reason);
        }
        index.agentChanged(a);
    }

    private boolean releasesTargets(String reason) {
        if (NotReadyReasons.DISCONNECTED.equals(reason) || NotReadyReasons.DEVICE.equals(reason)) {
            return true;
        }
        var r = config.notReadyReason(reason);
        return r != null && r.releasesTargets();
    }

    private void setPresence(AgentState a, PresenceState state, String reason, Actor actor) {
        PresenceState from = a.presence;
        a.presence = state;
        a.reason = reason;
        if (state == PresenceState.READY && from != PresenceState.READY) {
            java.util.Arrays.fill(a.availableSince, now);
        }
        if (state == PresenceState.LOGGED_OUT) {
            a.sessionAttached = false;
            a.device = null;
            unschedule(a.sessionDeadline);
        }
        fact(new Fact.PresenceChanged(a.id, from, state, reason, actor));
    }

    /** Work ended: a pending presence applies once nothing is open. */
    private void afterWork(AgentState a) {
        if (!a.hasWork() && a.pendingPresence != null) {
            PresenceState p = a.pendingPresence;
            String r = a.pendingReason;
            Actor who = a.pendingActor;
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            setPresence(a, p, r, who);
        }
        index.agentChanged(a);
    }

    private void logOut(AgentState a, Actor actor, boolean force) {
        releaseTargets(a, "LOGGED_OUT");
        for (OfferState o : new ArrayList<>(a.liveOffers.values())) {
            endOffer(o, OfferStatus.CANCELLED, CancelCause.AGENT_LOGGED_OUT.name(), true);
            returnToQueue(o.visit);
        }
        for (AssignmentState as : new ArrayList<>(a.assignments.values())) {
            boolean voice = channelMedia(as.channelIndex) == MediaClass.REALTIME_VOICE;
            if (as.status == AssignmentStatus.ACTIVE
                    && !voice
                    && (force || config.policy().requeueOpenWorkOnLogout())) {
                requeueAssignment(as);
            } else if (force && as.status == AssignmentStatus.WRAP_UP) {
                finishAssignment(as);
            }
        }
        if (force || !a.hasWork()) {
            a.pendingPresence = null;
            a.pendingReason = null;
            a.pendingActor = null;
            setPresence(a, PresenceState.LOGGED_OUT, null, actor);
        } else {
            a.pendingPresence = PresenceState.LOGGED_OUT;
            a.pendingReason = null;
            a.pendingActor = actor;
            fact(new Fact.PresencePending(a.id, PresenceState.LOGGED_OUT, null, actor));
        }
        index.agentChanged(a);
    }

    private MediaClass channelMedia(int channelIndex) {
        return lookup.channels.get(channelIds.get(channelIndex)).mediaClass();
    }

    private void sessionLost(String agentId) {
        AgentState a = agent(agentId);
        if (a == null) {
            return;
        }
        if (a.presence == PresenceState.LOGGED_OUT || !a.sessionAttached) {
            refuse(Refusal.CONFLICT, "agent " + a.id + " has no attached session");
            return;
        }
        a.sessionAttached = false;
        fact(new Fact.SessionChanged(a.id, false));
        schedule(a.sessionDeadline, now + config.policy().sessionGraceMillis());
        index.agentChanged(a);
        settle();
    }

    private void sessionRestored(String agentId) {
        AgentState a = agent(agentId);
        if (a == null) {
            return;
        }
        if (a.presence == PresenceState.LOGGED_OUT || a.sessionAttached) {
            refuse(Refusal.CONFLICT, "agent " + a.id + " has no lost session");
            return;
        }
        a.sessionAttached = true;
        unschedule(a.sessionDeadline);
        fact(new Fact.SessionChanged(a.id, true));
        index.agentChanged(a);
        settle();
    }

    private void sessionGraceOver(AgentState a) {
        if (!a.sessionAttached && a.presence != PresenceState.LOGGED_OUT) {
            requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.DISCONNECTED, Actor.SYSTEM);
        }
    }

    // ------------------------------------------------------------------ targets

    private void setTargets(InteractionState i, List<Target> targets) {
        clearTargets(i);
        for (Target t : targets) {
            AgentState a = agents.get(t.agentId());
            if (t.untilMillis() > now && a != null && !i.targets(t.agentId())) {
                i.targets.add(t);
                a.targetedBy.put(i.id, i);
            }
        }
    }

    private void clearTargets(InteractionState i) {
        for (Target t : i.targets) {
            AgentState a = agents.get(t.agentId());
            if (a != null) {
                a.targetedBy.remove(i.id);
            }
        }
        i.targets.clear();
    }

    /** The advisor left or went on a long break: customers waiting only for them route normally now. */
    private void releaseTargets(AgentState a, String reason) {
        if (a.targetedBy.isEmpty()) {
            return;
        }
        for (InteractionState i : new ArrayList<>(a.targetedBy.values())) {
            i.targets.removeIf(t -> t.agentId().equals(a.id));
            a.targetedBy.remove(i.id);
            fact(new Fact.TargetReleased(i.id, a.id, reason));
            VisitState v = i.visit;
            if (v != null) {
                index.visitChanged(v);
                scheduleVisit(v);
                unstaffedCheck(v);
            }
        }
    }

    private String unknownTarget(List<Target> targets) {
        for (Target t : targets) {
            if (!agents.containsKey(t.agentId())) {
                return t.agentId();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ interactions

    private void create(Command.CreateInteraction c) {
        InteractionState existing = bySourceRef.get(c.sourceRef());
        if (existing != null) {
            effect(new Effect.AlreadyExists(existing.id));
            return;
        }
        if (interactions.containsKey(c.interactionId())) {
            refuse(Refusal.CONFLICT, "interaction " + c.interactionId() + " exists with another sourceRef");
            return;
        }
        int channel = channelIds.indexOf(c.channel());
        if (channel < 0) {
            refuse(Refusal.INVALID, "unknown channel " + c.channel());
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
                now,
                c.attributes());
        interactions.put(i.id, i);
        bySourceRef.put(i.sourceRef, i);
        fact(new Fact.InteractionCreated(
                i.id, i.channel, i.direction, i.sourceRef, i.conversationId, i.customerRef, now));
        if (c.queue() != null) {
            queueWith(i, c.queue());
        }
        settle();
    }

    /** Checks a queue request against configuration; refuses and answers false when it does not fit. */
    private boolean queueable(QueueRequest r, String channel) {
        QueueState q = queues.get(r.queue());
        if (q == null) {
            refuse(Refusal.INVALID, "unknown queue " + r.queue());
            return false;
        }
        if (!q.channel.id().equals(channel)) {
            refuse(Refusal.INVALID, "queue " + q.id() + " takes " + q.channel.id() + ", not " + channel);
            return false;
        }
        if (r.requirements() != null) {
            for (Requirement req : r.requirements()) {
                if (!config.hasSkill(req.skill())) {
                    refuse(Refusal.INVALID, "unknown skill " + req.skill());
                    return false;
                }
            }
        }
        String target = unknownTarget(r.targets());
        if (target != null) {
            refuse(Refusal.INVALID, "unknown target agent " + target);
            return false;
        }
        return true;
    }

    private void queueWith(InteractionState i, QueueRequest r) {
        i.tier = r.tier();
        i.ageBonusMillis = r.ageBonusMillis();
        setTargets(i, r.targets());
        if (i.firstQueuedAt < 0) {
            i.firstQueuedAt = r.waitStartedAt() >= 0 ? Math.min(r.waitStartedAt(), now) : now;
        }
        arrive(i, queues.get(r.queue()), r.requirements(), r.expectedWaitHintMillis(), null);
        if (i.visit == null) {
            clearTargets(i); // targets route a visit; none was started (redirected, full or closed)
        }
    }

    private InteractionState interaction(String id) {
        InteractionState i = interactions.get(id);
        if (i == null) {
            refuse(Refusal.NOT_FOUND, "no live interaction " + id);
        }
        return i;
    }

    private void queueInteraction(Command.QueueInteraction c) {
        InteractionState i = interaction(c.interactionId());
        if (i == null) {
            return;
        }
        if (i.phase != Phase.SELF_SERVICE) {
            refuse(Refusal.CONFLICT, "interaction " + i.id + " is " + i.phase + ", not in self-service");
            return;
        }
        if (!queueable(c.request(), i.channel)) {
            return;
        }
        queueWith(i, c.request());
        settle();
    }

    private void updateAttributes(Command.UpdateAttributes c) {
        InteractionState i = interaction(c.interactionId());
        if (i == null) {
            return;
        }
        i.attributes = c.attributes();
        fact(new Fact.AttributesChanged(i.id, c.attributes().entries().size()));
    }

    private void updateRouting(Command.UpdateRouting c) {
        InteractionState i = interaction(c.interactionId());
        if (i == null) {
            return;
        }
        VisitState v = i.visit;
        if (v == null) {
            refuse(Refusal.CONFLICT, "interaction " + i.id + " is not waiting");
            return;
        }
        String target = c.targets() == null ? null : unknownTarget(c.targets());
        if (target != null) {
            refuse(Refusal.INVALID, "unknown target agent " + target);
            return;
        }
        if (c.tier() != null && i.tier != c.tier()) {
            i.tier = c.tier();
            fact(new Fact.TierChanged(i.id, i.tier, "UPDATED"));
        }
        if (c.ageBonusMillis() != null && i.ageBonusMillis != c.ageBonusMillis()) {
            i.ageBonusMillis = c.ageBonusMillis();
            fact(new Fact.AgeBonusChanged(i.id, i.ageBonusMillis));
        }
        if (c.targets() != null) {
            setTargets(i, c.targets());
        }
        index.visitChanged(v);
        scheduleVisit(v);
        unstaffedCheck(v);
        settle();
    }

    private void transferToQueue(Command.TransferToQueue c) {
        InteractionState i = interaction(c.interactionId());
        if (i == null || !queueable(QueueRequest.to(c.queue()), i.channel) || !transferable(i)) {
            return;
        }
        Key key = c.inheritWait() ? keyOf(i) : null;
        leaveForTransfer(i);
        clearTargets(i);
        arrive(i, queues.get(c.queue()), null, -1, key);
        settle();
    }

    private void transferToAgent(Command.TransferToAgent c) {
        InteractionState i = interaction(c.interactionId());
        if (i == null) {
            return;
        }
        AgentState a = agent(c.agentId());
        if (a == null) {
            return;
        }
        String queue = c.queue() != null ? c.queue() : i.lastQueue;
        if (queue == null) {
            refuse(Refusal.INVALID, "interaction " + i.id + " has no queue to wait in: name one");
            return;
        }
        if (!queueable(QueueRequest.to(queue), i.channel) || !transferable(i)) {
            return;
        }
        leaveForTransfer(i);
        setTargets(i, List.of(new Target(a.id, now + config.policy().namedTransferMillis(), TargetMode.ONLY)));
        arrive(i, queues.get(queue), null, -1, null);
        if (i.visit == null) {
            clearTargets(i);
        }
        settle();
    }

    private boolean transferable(InteractionState i) {
        if (i.phase == Phase.PARKED) {
            refuse(Refusal.CONFLICT, "interaction " + i.id + " is parked");
            return false;
        }
        return true;
    }

    /** The place in line of the interaction now: its live visit's key, else its answered assignment's. */
    private Key keyOf(InteractionState i) {
        if (i.visit != null) {
            return new Key(i.visit.keyStart, i.visit.keySlMillis, i.visit.order);
        }
        for (AssignmentState as : i.assignments.values()) {
            return new Key(as.keyStart, as.keySlMillis, as.keyOrder);
        }
        return null;
    }

    /** Ends the current visit, offer or assignments of an interaction that is being transferred. */
    private void leaveForTransfer(InteractionState i) {
        if (i.offer != null) {
            OfferState o = i.offer;
            endOffer(o, OfferStatus.CANCELLED, CancelCause.TRANSFERRED.name(), true);
            afterWork(o.agent);
        }
        if (i.visit != null) {
            endVisit(i.visit, VisitOutcome.TRANSFERRED_OUT);
        }
        for (AssignmentState as : new ArrayList<>(i.assignments.values())) {
            if (as.status == AssignmentStatus.ACTIVE) {
                startWrapUp(as);
            }
        }
        i.phase = Phase.SELF_SERVICE;
    }

    private void transferExternal(Command.TransferExternal c) {
        InteractionState i = interaction(c.interactionId());
        if (i == null || !transferable(i)) {
            return;
        }
        Phase last = i.phase;
        leaveForTransfer(i);
        end(i, EndReason.TRANSFERRED_OUT, last);
        settle();
    }

    private void endInteraction(String id, EndReason reason) {
        InteractionState i = interaction(id);
        if (i == null) {
            return;
        }
        Phase last = i.phase;
        switch (i.phase) {
            case QUEUED -> endVisit(i.visit, waitingOutcome(reason));
            case OFFERED -> {
                OfferState o = i.offer;
                endOffer(o, OfferStatus.CANCELLED, CancelCause.CUSTOMER_LEFT.name(), true);
                endVisit(
                        o.visit,
                        reason == EndReason.CUSTOMER_LEFT
                                ? VisitOutcome.ABANDONED_WHILE_ALERTING
                                : waitingOutcome(reason));
                afterWork(o.agent);
            }
            case CONNECTED -> {
                for (AssignmentState as : new ArrayList<>(i.assignments.values())) {
                    if (as.status == AssignmentStatus.ACTIVE) {
                        startWrapUp(as);
                    }
                }
            }
            case SELF_SERVICE, PARKED, ENDED -> {}
        }
        end(i, reason, last);
        settle();
    }

    private static VisitOutcome waitingOutcome(EndReason reason) {
        return switch (reason) {
            case CUSTOMER_LEFT -> VisitOutcome.ABANDONED;
            case COMPLETED, SELF_SERVED -> VisitOutcome.SELF_SERVED;
            case TRANSFERRED_OUT -> VisitOutcome.TRANSFERRED_OUT;
            case LOST_DURING_OUTAGE -> VisitOutcome.LOST_DURING_OUTAGE;
        };
    }

    private void end(InteractionState i, EndReason reason, Phase last) {
        clearTargets(i);
        i.phase = Phase.ENDED;
        interactions.remove(i.id);
        bySourceRef.remove(i.sourceRef);
        fact(new Fact.InteractionEnded(i.id, reason, last));
    }

    // ------------------------------------------------------------------ queueing and visits

    /** A place in line kept from an earlier visit. */
    record Key(long start, long slMillis, long order) {}

    /** Arrival checks (closed, size and EWT rules, maximum size), then a visit. */
    private void arrive(InteractionState i, QueueState q, List<Requirement> requirements, long ewtHint, Key key) {
        i.phase = Phase.SELF_SERVICE;
        boolean rulesApply = movesThisInput < MAX_MOVES_PER_INPUT;
        List<OverflowRule> rules = q.config.overflow();
        if (!q.open) {
            int r = rulesApply ? firstRule(q, OverflowTrigger.CLOSED, 0, true) : -1;
            if (r >= 0) {
                redirectAtArrival(i, q, r, OverflowTrigger.CLOSED, key);
            } else {
                effect(new Effect.ClosedTreatment(i.id, q.id()));
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
                    redirectAtArrival(i, q, r, rule.trigger(), key);
                    return;
                }
            }
        }
        if (q.config.maxQueueSize() > 0 && q.liveVisits.size() >= q.config.maxQueueSize()) {
            effect(new Effect.QueueFullAction(i.id, q.id(), q.config.queueFullAction()));
            return;
        }
        VisitState v = startVisit(i, q, requirements, key, widen);
        for (int r = 0; r < rules.size(); r++) {
            if ((widen & (1 << r)) != 0) {
                fact(new Fact.OverflowApplied(i.id, v.id, r, rules.get(r).trigger(), OverflowAction.WIDEN));
            }
        }
        if (!index.staffed(v)) {
            applyUnstaffedRules(v);
        }
    }

    /** The first rule with a trigger whose action is MOVE or EXTERNAL (if {@code redirectOnly}), not in mask. */
    private static int firstRule(QueueState q, OverflowTrigger trigger, int appliedMask, boolean redirectOnly) {
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

    private void redirectAtArrival(InteractionState i, QueueState q, int r, OverflowTrigger trigger, Key key) {
        OverflowRule rule = q.config.overflow().get(r);
        fact(new Fact.OverflowApplied(i.id, null, r, trigger, rule.action()));
        movesThisInput++;
        if (rule.action() == OverflowAction.MOVE) {
            arrive(i, queues.get(rule.queues().getFirst()), null, -1, key);
        } else {
            effect(new Effect.TransferOut(i.id, rule.destination()));
            end(i, EndReason.TRANSFERRED_OUT, Phase.SELF_SERVICE);
        }
    }

    private VisitState startVisit(
            InteractionState i, QueueState q, List<Requirement> requirements, Key key, int widen) {
        long order = key != null ? key.order() : ++visitCounter;
        VisitState v = new VisitState(
                i.id + "#" + (++i.visitCount),
                i,
                q,
                now,
                key != null ? key.start() : now,
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
        fact(new Fact.VisitStarted(i.id, v.id, q.id(), now, v.dueAt(), order, i.tier, v.inherited));
        index.visitChanged(v);
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

    private void endVisit(VisitState v, VisitOutcome outcome) {
        v.ended = true;
        unschedule(v.deadline);
        v.queue.liveVisits.remove(v.order);
        InteractionState i = v.interaction;
        if (i.visit == v) {
            i.visit = null;
        }
        clearTargets(i);
        fact(new Fact.VisitEnded(i.id, v.id, v.queue.id(), outcome, v.enteredAt));
        index.visitChanged(v);
    }

    /** The interaction waits again in the same visit with the same key (after reject, RONA, failure, cancel). */
    private void returnToQueue(VisitState v) {
        InteractionState i = v.interaction;
        i.phase = Phase.QUEUED;
        if (!v.queue.open) {
            closeVisit(v);
            return;
        }
        index.visitChanged(v);
        scheduleVisit(v);
        unstaffedCheck(v);
    }

    /** A visit that waits again may find its pool emptied while it was away: nobody waits where nobody staffs. */
    private void unstaffedCheck(VisitState v) {
        if (v.waiting() && pendingRules(v, OverflowTrigger.UNSTAFFED) != 0 && !index.staffed(v)) {
            applyUnstaffedRules(v);
        }
    }

    /** The queue of a waiting visit is closed: its closed rule, else the closed treatment. */
    private void closeVisit(VisitState v) {
        int r = firstRule(v.queue, OverflowTrigger.CLOSED, v.appliedRules, true);
        if (r >= 0 && movesThisInput < MAX_MOVES_PER_INPUT) {
            applyRule(v, r, OverflowTrigger.CLOSED);
        } else {
            endVisit(v, VisitOutcome.CLOSED);
            v.interaction.phase = Phase.SELF_SERVICE;
            effect(new Effect.ClosedTreatment(v.interaction.id, v.queue.id()));
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
            if (!applyRule(v, r, OverflowTrigger.UNSTAFFED) || index.staffed(v)) {
                return;
            }
        }
    }

    /** Applies an overflow rule to a live visit; answers whether the visit goes on. */
    private boolean applyRule(VisitState v, int r, OverflowTrigger trigger) {
        OverflowRule rule = v.queue.config.overflow().get(r);
        InteractionState i = v.interaction;
        v.appliedRules |= 1 << r;
        if (rule.action() == OverflowAction.MOVE && movesThisInput >= MAX_MOVES_PER_INPUT) {
            return true; // queues that move to each other: the chain stops here and the rule is spent
        }
        fact(new Fact.OverflowApplied(i.id, v.id, r, trigger, rule.action()));
        switch (rule.action()) {
            case WIDEN -> {
                v.widenMask |= 1 << r;
                index.visitChanged(v);
                return true;
            }
            case MOVE -> {
                Key key = new Key(v.keyStart, v.keySlMillis, v.order);
                endVisit(v, VisitOutcome.OVERFLOWED_OUT);
                movesThisInput++;
                arrive(i, queues.get(rule.queues().getFirst()), null, -1, key);
                return false;
            }
            case EXTERNAL -> {
                endVisit(v, VisitOutcome.OVERFLOWED_OUT);
                effect(new Effect.TransferOut(i.id, rule.destination()));
                end(i, EndReason.TRANSFERRED_OUT, Phase.QUEUED);
                return false;
            }
        }
        throw new IllegalStateException();
    }

    /** Schedule the visit's next time-based change: target lapse, relaxation, delay stage, overflow, max wait. */
    void scheduleVisit(VisitState v) {
        if (v.ended) {
            unschedule(v.deadline);
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
            if (qc.maxWaitMillis() > 0 && !v.maxWaitFired) {
                t = Math.min(t, v.enteredAt + qc.maxWaitMillis());
            }
        }
        if (t != Decision.NO_DEADLINE || v.deadline != null) {
            schedule(v.deadline(), t);
        }
    }

    private void visitDeadline(VisitState v) {
        if (v.ended) {
            return;
        }
        InteractionState i = v.interaction;
        QueueConfig qc = v.queue.config;
        for (Target t : new ArrayList<>(i.targets)) {
            if (t.untilMillis() <= now) {
                i.targets.remove(t);
                AgentState a = agents.get(t.agentId());
                if (a != null && !i.targets(a.id)) {
                    a.targetedBy.remove(i.id);
                }
                fact(new Fact.TargetReleased(i.id, t.agentId(), "EXPIRED"));
            }
        }
        int level = v.relaxLevel;
        while (level < qc.relaxation().size()
                && v.enteredAt + qc.relaxation().get(level).afterMillis() <= now) {
            level++;
        }
        if (level != v.relaxLevel) {
            v.relaxLevel = level;
            v.effective = effectiveRequirements(v.baseRequirements, qc, level);
            fact(new Fact.RequirementsRelaxed(i.id, v.id, level, v.effective));
        }
        while (v.delayStage < v.queue.delayThresholds.length
                && v.enteredAt + v.queue.delayThresholds[v.delayStage] <= now) {
            v.delayStage++;
        }
        index.visitChanged(v);
        if (i.phase == Phase.QUEUED) {
            List<OverflowRule> rules = qc.overflow();
            for (int r = 0; r < rules.size(); r++) {
                OverflowRule rule = rules.get(r);
                if (rule.trigger() == OverflowTrigger.AFTER
                        && (v.appliedRules & (1 << r)) == 0
                        && v.enteredAt + rule.threshold() <= now
                        && !applyRule(v, r, OverflowTrigger.AFTER)) {
                    return;
                }
            }
            if (qc.maxWaitMillis() > 0 && !v.maxWaitFired && v.enteredAt + qc.maxWaitMillis() <= now) {
                v.maxWaitFired = true;
                fact(new Fact.MaxWaitReached(i.id, v.id, qc.maxWaitAction()));
                effect(new Effect.MaxWaitAction(i.id, v.queue.id(), qc.maxWaitAction()));
            }
        }
        unstaffedCheck(v);
        scheduleVisit(v);
    }

    // ------------------------------------------------------------------ queues

    private QueueState queue(String id) {
        QueueState q = queues.get(id);
        if (q == null) {
            refuse(Refusal.NOT_FOUND, "no queue " + id);
        }
        return q;
    }

    private void openQueue(String id) {
        QueueState q = queue(id);
        if (q == null || q.open) {
            return;
        }
        q.open = true;
        fact(new Fact.QueueOpened(q.id()));
        for (VisitState v : q.liveVisits.values()) {
            index.visitChanged(v);
        }
        settle();
    }

    private void closeQueue(String id) {
        QueueState q = queue(id);
        if (q == null || !q.open) {
            return;
        }
        q.open = false;
        fact(new Fact.QueueClosed(q.id()));
        for (VisitState v : new ArrayList<>(q.liveVisits.values())) {
            if (v.waiting()) {
                closeVisit(v);
            }
        }
        settle();
    }

    // ------------------------------------------------------------------ offers

    /** Eligibility from first principles (ROUTING.md §2); the naive index and target checks use it. */
    public boolean eligible(VisitState v, AgentState a) {
        InteractionState i = v.interaction;
        if (!v.waiting() || !v.queue.open || !a.availableOn(v.queue.channelIndex) || v.excludes(a.id)) {
            return false;
        }
        if (i.onlyOpen() && !i.onlyTarget(a.id)) {
            return false;
        }
        if (!i.targets(a.id) && !member(v, a, true)) {
            return false;
        }
        return meets(a, v.effective);
    }

    /** Whether the advisor is in the visit's pool: its queue (with the delay reached) or a widened queue. */
    static boolean member(VisitState v, AgentState a, boolean withDelay) {
        return member(v.queue, v.widenMask, v.delayStage, a, withDelay);
    }

    /** Pool membership for a queue, widening mask and delay stage: shared by the engine and its index. */
    static boolean member(QueueState q, int widenMask, int delayStage, AgentState a, boolean withDelay) {
        QueueMembership m = a.membership(q.id());
        if (m != null && (!withDelay || q.stageFor(m.delayMillis()) <= delayStage)) {
            return true;
        }
        if (widenMask != 0 && a.routing != null) {
            for (QueueMembership pm : a.routing.queues()) {
                if (q.widensTo(widenMask, pm.queue())) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean meets(AgentState a, List<Requirement> reqs) {
        for (Requirement r : reqs) {
            if (a.proficiency(r.skill()) < r.minProficiency()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the advisor, logged in, could ever take the visit (staffing: delay and availability aside). */
    public boolean couldServe(VisitState v, AgentState a) {
        if (!a.staffing() || v.queue.channelIndex >= a.max.length || a.max[v.queue.channelIndex] == 0) {
            return false;
        }
        return (v.interaction.targets(a.id) || member(v, a, false)) && meets(a, v.effective);
    }

    /** Called by the index: offer the visit's interaction to the advisor. */
    public void makeOffer(VisitState v, AgentState a) {
        InteractionState i = v.interaction;
        QueueState q = v.queue;
        int c = q.channelIndex;
        ChannelConfig ch = q.channel;
        OfferState o = new OfferState(
                "o" + epoch + "-" + seq + "-" + (++offerOrdinal), i, a, v, c, now, now + ch.offerTimeoutMillis());
        i.phase = Phase.OFFERED;
        i.offer = o;
        a.active[c]++;
        a.liveOffers.put(o.id, o);
        offers.put(o.id, o);
        index.counters().offersMade++;
        fact(new Fact.OfferCreated(o.id, i.id, a.id, v.id, q.id(), ch.id(), o.expiresAt));
        effect(new Effect.OfferToAgent(o.id, i.id, a.id, ch.id(), q.id(), o.expiresAt, ch.autoAccept()));
        index.visitChanged(v);
        scheduleVisit(v);
        if (ch.autoAccept()) {
            accept(o);
        } else {
            schedule(o.deadline, o.expiresAt);
        }
        index.agentChanged(a);
    }

    private OfferState liveOffer(String id) {
        OfferState o = offers.get(id);
        if (o == null) {
            OfferStatus was = recentOffers.get(id);
            refuse(
                    was == null ? Refusal.NOT_FOUND : Refusal.CONFLICT,
                    was == null ? "no offer " + id : "offer " + id + " is " + was + ", no longer alerting");
        }
        return o;
    }

    private void offerDelivered(String id) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        if (o.status != OfferStatus.RESERVED) {
            refuse(Refusal.CONFLICT, "offer " + id + " is " + o.status);
            return;
        }
        o.status = OfferStatus.ALERTING;
        fact(new Fact.OfferStatusChanged(o.id, o.interaction.id, o.agent.id, OfferStatus.ALERTING, null));
    }

    private void acceptCommand(String id) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        accept(o);
        settle();
    }

    private void accept(OfferState o) {
        InteractionState i = o.interaction;
        AgentState a = o.agent;
        VisitState v = o.visit;
        o.status = OfferStatus.ACCEPTED;
        unschedule(o.deadline);
        forget(o);
        a.liveOffers.remove(o.id);
        fact(new Fact.OfferStatusChanged(o.id, i.id, a.id, OfferStatus.ACCEPTED, null));
        AssignmentState as =
                new AssignmentState(o.id, i, a, o.channelIndex, v.queue, now, v.keyStart, v.keySlMillis, v.order);
        a.assignments.put(as.id, as);
        i.assignments.put(as.id, as);
        assignments.put(as.id, as);
        i.offer = null;
        i.phase = Phase.CONNECTED;
        endVisit(v, VisitOutcome.ANSWERED);
        fact(new Fact.AssignmentStarted(as.id, i.id, a.id, i.channel));
        effect(new Effect.Connect(o.id, i.id, a.id));
        index.agentChanged(a);
    }

    private void forget(OfferState o) {
        offers.remove(o.id);
        recentOffers.put(o.id, o.status);
        if (recentOffers.size() > RECENT_OFFERS) {
            Iterator<String> it = recentOffers.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    /** Ends a live offer and releases the capacity it held; the caller decides where the interaction goes. */
    private void endOffer(OfferState o, OfferStatus status, String cause, boolean withdraw) {
        AgentState a = o.agent;
        o.status = status;
        unschedule(o.deadline);
        forget(o);
        a.liveOffers.remove(o.id);
        a.active[o.channelIndex]--;
        o.interaction.offer = null;
        fact(new Fact.OfferStatusChanged(o.id, o.interaction.id, a.id, status, cause));
        if (withdraw) {
            effect(new Effect.WithdrawOffer(o.id, o.interaction.id, a.id, cause));
        }
    }

    private void reject(String id) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        AgentState a = o.agent;
        endOffer(o, OfferStatus.REJECTED, null, false);
        o.visit.exclude(a.id);
        returnToQueue(o.visit);
        if (recordReject(a)) {
            requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.REJECTS, Actor.SYSTEM);
            effect(new Effect.SupervisorAlert("REJECTS", null, a.id));
        }
        afterWork(a);
        settle();
    }

    /** Records a reject; answers whether the advisor reached N rejects within the window. */
    private boolean recordReject(AgentState a) {
        int n = config.policy().rejectsBeforePause();
        if (a.rejectTimes.length != n) {
            a.rejectTimes = new long[n];
            a.rejectCount = 0;
        }
        a.rejectTimes[a.rejectCount % n] = now;
        a.rejectCount++;
        if (a.rejectCount < n) {
            return false;
        }
        long oldest = a.rejectTimes[a.rejectCount % n];
        if (now - oldest < config.policy().rejectWindowMillis()) {
            a.rejectCount = 0;
            return true;
        }
        return false;
    }

    private void timeout(OfferState o) {
        if (!o.status.live()) {
            return;
        }
        AgentState a = o.agent;
        InteractionState i = o.interaction;
        endOffer(o, OfferStatus.TIMED_OUT, NotReadyReasons.RONA, true);
        o.visit.exclude(a.id);
        i.ronaCount++;
        if (i.ronaCount % config.policy().ronasBeforeTierRaise() == 0 && i.tier < QueueRequest.MAX_TIER) {
            i.tier++;
            fact(new Fact.TierChanged(i.id, i.tier, "REPEATED_RONA"));
            effect(new Effect.SupervisorAlert("REPEATED_RONA", i.id, a.id));
        }
        returnToQueue(o.visit);
        if (config.policy().ronaPausesAgent()) {
            requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.RONA, Actor.SYSTEM);
        }
        afterWork(a);
    }

    private void failed(String id, FailureCause cause) {
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        AgentState a = o.agent;
        endOffer(o, OfferStatus.FAILED, cause.name(), false);
        o.visit.exclude(a.id);
        returnToQueue(o.visit);
        if (cause == FailureCause.UNREACHABLE) {
            requestPresence(a, PresenceState.NOT_READY, NotReadyReasons.DEVICE, Actor.SYSTEM);
        }
        afterWork(a);
        settle();
    }

    private void cancelCommand(String id, CancelCause cause) {
        if (cause == CancelCause.CUSTOMER_LEFT) {
            refuse(Refusal.INVALID, "a customer who left ends the interaction (EndInteraction), not the offer");
            return;
        }
        OfferState o = liveOffer(id);
        if (o == null) {
            return;
        }
        endOffer(o, OfferStatus.CANCELLED, cause.name(), true);
        returnToQueue(o.visit);
        afterWork(o.agent);
        settle();
    }

    // ------------------------------------------------------------------ assignments and wrap-up

    private void startWrapUp(AssignmentState as) {
        long wrap = as.queue.config.wrapUpMillis();
        if (wrap == 0) {
            finishAssignment(as);
            return;
        }
        AgentState a = as.agent;
        as.status = AssignmentStatus.WRAP_UP;
        a.active[as.channelIndex]--;
        a.wrapping[as.channelIndex]++;
        as.wrapStartedAt = now;
        as.wrapUntil = now + wrap;
        schedule(as.deadline(), as.wrapUntil);
        fact(new Fact.WrapUpStarted(as.id, a.id, as.wrapUntil));
        index.agentChanged(a);
    }

    private void finishAssignment(AssignmentState as) {
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
        unschedule(as.deadline);
        a.assignments.remove(as.id);
        as.interaction.assignments.remove(as.id);
        assignments.remove(as.id);
        a.availableSince[c] = now;
        for (int d = 0; d < a.max.length; d++) {
            if (contains(a.blockedWhileActiveBy[d], c) || contains(a.blockedInWrapUpBy[d], c)) {
                a.availableSince[d] = now;
            }
        }
        fact(new Fact.AssignmentEnded(as.id, a.id));
        afterWork(a);
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
    private void requeueAssignment(AssignmentState as) {
        AgentState a = as.agent;
        a.active[as.channelIndex]--;
        as.status = AssignmentStatus.DONE;
        a.assignments.remove(as.id);
        as.interaction.assignments.remove(as.id);
        assignments.remove(as.id);
        fact(new Fact.AssignmentEnded(as.id, a.id));
        InteractionState i = as.interaction;
        if (i.phase == Phase.CONNECTED && !hasActiveAssignment(i)) {
            arrive(i, as.queue, null, -1, new Key(as.keyStart, as.keySlMillis, as.keyOrder));
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
        AssignmentState as = assignments.get(id);
        if (as == null) {
            refuse(Refusal.NOT_FOUND, "no assignment " + id);
            return null;
        }
        if (as.status != AssignmentStatus.WRAP_UP) {
            refuse(Refusal.CONFLICT, "assignment " + id + " is " + as.status + ", not in wrap-up");
            return null;
        }
        return as;
    }

    private void extendWrapUp(String id, long extra) {
        AssignmentState as = wrapping(id);
        if (as == null) {
            return;
        }
        long limit = as.wrapStartedAt + as.queue.config.maxWrapUpMillis();
        long until = Math.min(limit, as.wrapUntil + extra);
        if (until == as.wrapUntil) {
            refuse(Refusal.INVALID, "wrap-up of " + id + " is at its maximum");
            return;
        }
        as.wrapUntil = until;
        schedule(as.deadline(), until);
        fact(new Fact.WrapUpStarted(as.id, as.agent.id, until));
    }

    private void endWrapUp(String id) {
        AssignmentState as = wrapping(id);
        if (as == null) {
            return;
        }
        finishAssignment(as);
        settle();
    }

    // ------------------------------------------------------------------ reads

    public RoutingConfig config() {
        return config;
    }

    public List<String> channelIds() {
        return channelIds;
    }

    public TreeMap<String, QueueState> queues() {
        return queues;
    }

    public TreeMap<String, AgentState> agents() {
        return agents;
    }

    public LinkedHashMap<String, InteractionState> interactions() {
        return interactions;
    }

    public LinkedHashMap<String, OfferState> offers() {
        return offers;
    }

    public LinkedHashMap<String, AssignmentState> assignments() {
        return assignments;
    }

    public TreeSet<Deadline> deadlines() {
        return deadlines;
    }

    public RoutingIndex index() {
        return index;
    }

    public long now() {
        return now;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long lastAt() {
        return lastAt;
    }
}
