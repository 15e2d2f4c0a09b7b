package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/** A new routing configuration: checked against the live state, applied atomically, and followed through advisors, queues and waiting visits. */
final class Reconfiguration {
    private final EngineCore core;

    Reconfiguration(EngineCore core) {
        this.core = core;
    }

    void apply(RoutingConfig next) {
        ConfigLookup nextLookup = new ConfigLookup(next);
        String problem = incompatibility(next, nextLookup);
        if (problem != null) {
            core.refuse(problem.startsWith("version") ? Refusal.CONFLICT : Refusal.INVALID, problem);
            return;
        }
        boolean structural = structuralChange(next);
        List<String> oldChannels = core.channelIds;
        List<String> newChannels = new ArrayList<>();
        next.channels().forEach(c -> newChannels.add(c.id()));
        core.config = next;
        core.lookup = nextLookup;
        core.channelIds = List.copyOf(newChannels);
        core.voiceChannels = EngineCore.voiceChannels(next);
        for (AgentState a : core.agents.values()) {
            remapChannels(a, oldChannels);
            a.routing = core.lookup.routingProfiles.get(a.routingProfileId);
            a.applyUtilisation(
                    core.lookup.utilisationProfiles.get(a.utilisationProfileId), core.channelIds, core.voiceChannels);
        }
        for (OfferState o : core.offers.values()) {
            o.channelIndex = core.channelIds.indexOf(oldChannels.get(o.channelIndex));
        }
        for (AssignmentState as : core.assignments.values()) {
            as.channelIndex = core.channelIds.indexOf(oldChannels.get(as.channelIndex));
        }
        TreeMap<String, QueueState> old = new TreeMap<>(core.queues);
        core.queues.clear();
        for (QueueConfig qc : next.queues()) {
            QueueState q = old.get(qc.id());
            if (q == null) {
                q = new QueueState(qc);
            }
            q.config = qc;
            deriveQueue(q);
            core.queues.put(qc.id(), q);
        }
        for (QueueState q : core.queues.values()) {
            for (VisitState v : q.liveVisits.values()) {
                reconfigureVisit(v);
            }
        }
        if (structural) {
            core.index.rebuild(core);
        } else {
            // Advisors' places in the index cannot have changed: only waiting visits move (relaxation, stages).
            for (QueueState q : core.queues.values()) {
                for (VisitState v : q.liveVisits.values()) {
                    core.index.visitChanged(v);
                }
            }
        }
        // New requirements or rules can leave a waiting visit with nobody to serve it: checked in arrival order, in
        // the queues that have an unstaffed rule.
        TreeMap<Long, VisitState> inOrder = new TreeMap<>();
        for (QueueState q : core.queues.values()) {
            if (q.rulesWith(OverflowTrigger.UNSTAFFED) != 0) {
                inOrder.putAll(q.liveVisits);
            }
        }
        for (VisitState v : inOrder.values()) {
            core.overflow.unstaffedCheck(v);
        }
        core.fact(new Fact.ConfigurationApplied(next.version()));
        core.settle();
    }

    /**
     * Whether a new configuration can move advisors in the index: other channels, capacities, profiles (memberships,
     * tiers, delays), or a queue's channel, strategy or overflow rules. Anything else (service levels, default
     * requirements, relaxation, limits, wrap-up, policy) only moves waiting visits.
     */
    private boolean structuralChange(RoutingConfig next) {
        if (!next.channels().equals(core.config.channels())
                || !next.utilisationProfiles().equals(core.config.utilisationProfiles())
                || !next.routingProfiles().equals(core.config.routingProfiles())
                || next.queues().size() != core.config.queues().size()) {
            return true;
        }
        for (QueueConfig q : next.queues()) {
            QueueConfig old = core.lookup.queues.get(q.id());
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
        if (next.version() <= core.config.version()
                && !(core.config.version() == 1 && core.queues.isEmpty() && core.agents.isEmpty())) {
            return "version " + next.version() + " is not after the current " + core.config.version();
        }
        // The refusal names the smallest offending id, so that it is the same on every replay.
        String problemId = null;
        String problem = null;
        for (InteractionState i : core.interactions.values()) {
            String p = null;
            if (!ids.channels.containsKey(i.channel)) {
                p = "channel " + i.channel + " is in use by live interactions";
            } else if (i.visit != null) {
                QueueConfig q = ids.queues.get(i.visit.queue.id());
                if (q == null || !q.channel().equals(i.channel)) {
                    p = "queue " + i.visit.queue.id() + " has waiting interactions and must keep its channel";
                }
            } else if (i.phase == Phase.SCHEDULED) {
                QueueConfig q = ids.queues.get(i.callback.queue);
                if (q == null || !q.channel().equals(i.channel)) {
                    p = "queue " + i.callback.queue + " has callbacks waiting for their time and must keep its channel";
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
        for (AssignmentState as : core.assignments.values()) {
            if (!ids.queues.containsKey(as.queue.id()) && (problemId == null || as.id.compareTo(problemId) < 0)) {
                problemId = as.id;
                problem = "queue " + as.queue.id() + " has assignments in progress";
            }
        }
        if (problem != null) {
            return problem;
        }
        for (AgentState a : core.agents.values()) {
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
        int n = core.channelIds.size();
        int[] active = new int[n];
        int[] wrapping = new int[n];
        long[] since = new long[n];
        for (int c = 0; c < n; c++) {
            int o = oldChannels.indexOf(core.channelIds.get(c));
            if (o >= 0 && o < a.active.length) {
                active[c] = a.active[o];
                wrapping[c] = a.wrapping[o];
                since[c] = a.availableSince[o];
            } else {
                since[c] = core.now;
            }
        }
        a.active = active;
        a.wrapping = wrapping;
        a.availableSince = since;
    }

    void deriveQueue(QueueState q) {
        q.channel = core.lookup.channels.get(q.config.channel());
        q.channelIndex = core.channelIds.indexOf(q.channel.id());
        q.strategy = q.config.strategy() != null
                ? q.config.strategy()
                : q.channel.mediaClass().defaultStrategy();
        TreeSet<Long> delays = new TreeSet<>();
        for (RoutingProfile p : core.config.routingProfiles()) {
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
        v.effective = Visits.effectiveRequirements(v.baseRequirements, qc, v.relaxLevel);
        int stage = 0;
        while (stage < v.queue.delayThresholds.length && v.enteredAt + v.queue.delayThresholds[stage] <= core.now) {
            stage++;
        }
        v.delayStage = stage;
        core.visits.scheduleVisit(v);
    }
}
