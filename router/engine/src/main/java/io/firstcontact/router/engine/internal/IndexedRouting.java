package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.PlaceInLine;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.Strictness;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The production index (docs/routing-contract.md §3): waiting interactions grouped in buckets by (queue, requirements at the
 * current relaxation level, widening, delay stage), each a heap by key with an ordered index of the advisors
 * available for it; every advisor knows the buckets it can serve. An input touches only its buckets, and matching
 * looks only at what the input changed: before it no eligible pair existed, so every new pair involves a changed
 * interaction or advisor.
 */
public final class IndexedRouting implements RoutingIndex {

    /**
     * The waiting order of visits ({@link PlaceInLine}), on the key as indexed (it changes only by remove, update,
     * add).
     */
    private static final Comparator<VisitData> KEY =
            (x, y) -> PlaceInLine.compare(x.tier, x.dueAt, x.order, y.tier, y.dueAt, y.order);

    /** Advisor order within a bucket: {@link RoutingRule#compareAdvisors the pair rank for a fixed interaction}. */
    private static final Comparator<Entry> ENTRY =
            (x, y) -> RoutingRule.compareAdvisors(x.tier, x.s1, x.s2, x.agent.id, y.tier, y.s1, y.s2, y.agent.id);

    private static final class Bucket {
        final QueueState queue;
        final List<Requirement> requirements;
        final int widenMask;
        final int stage;
        final int channel;
        final TreeSet<VisitData> waiting = new TreeSet<>(KEY);
        final TreeSet<Entry> available = new TreeSet<>(ENTRY);
        int staffed;

        Bucket(QueueState queue, List<Requirement> requirements, int widenMask, int stage) {
            this.queue = queue;
            this.requirements = requirements;
            this.widenMask = widenMask;
            this.stage = stage;
            this.channel = queue.channelIndex;
        }
    }

    /** An advisor's place in one bucket they could serve. */
    private static final class Entry {
        final AgentState agent;
        final Bucket bucket;
        final int tier;
        final boolean delayReached;
        long s1;
        long s2;
        boolean available;
        boolean staffing;

        Entry(AgentState agent, Bucket bucket, int tier, boolean delayReached) {
            this.agent = agent;
            this.bucket = bucket;
            this.tier = tier;
            this.delayReached = delayReached;
        }
    }

    private static final class AgentData {
        final ArrayList<Entry> entries = new ArrayList<>();
        final ArrayList<String> memberOf = new ArrayList<>();
        boolean dirty;
        /** Available, but not yet in the bucket indexes: inserted after matching if still available. */
        boolean unindexed;
        /** Whether the advisor staffed as of the last change seen. */
        boolean staffing;

        long stamp;
    }

    private static final class VisitData {
        final VisitState visit;
        int tier;
        long dueAt;
        long order;
        /** The bucket the visit is in, while {@code inBucket}. */
        Bucket bucket;
        /** The bucket its current requirements, widening and stage map to (cached). */
        Bucket computed;

        boolean inBucket;
        boolean inPositions;
        boolean dirty;
        int level = -1;
        int mask;
        int stage;
        List<Requirement> requirements;

        VisitData(VisitState visit) {
            this.visit = visit;
        }
    }

    private EngineCore core;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>();
    /** Each queue's bucket for its own requirements, unrelaxed, unwidened, at delay stage 0. */
    private final LinkedHashMap<QueueState, PlainBucket> plainBuckets = new LinkedHashMap<>();

    /** A queue's plain bucket, valid while the queue keeps the same default requirements (by identity). */
    private record PlainBucket(List<Requirement> requirements, Bucket bucket) {}
    /** Queue id → buckets whose pool includes that queue (their own queue, or one they widen to). */
    private final LinkedHashMap<String, List<Bucket>> bucketsByPoolQueue = new LinkedHashMap<>();
    /** Queue id → advisors whose routing profile takes it (their order decides nothing). */
    private final LinkedHashMap<String, ArrayList<AgentState>> members = new LinkedHashMap<>();
    /** Marks advisors already considered for the bucket being created (pools can overlap). */
    private long bucketStamp;

    private final LinkedHashMap<String, RankTree<VisitData>> positions = new LinkedHashMap<>();
    private final ArrayList<VisitData> dirtyVisits = new ArrayList<>();
    private final ArrayList<AgentState> dirtyAgents = new ArrayList<>();
    private final ArrayList<AgentState> unindexed = new ArrayList<>();
    private final ArrayList<Bucket> zeroed = new ArrayList<>();
    /** Visits whose staffing rested on a target who may no longer staff them. */
    private final ArrayList<VisitState> recheck = new ArrayList<>();

    private final PriorityQueue<Candidate> candidates = new PriorityQueue<>();
    private final Candidate probe = new Candidate();
    private final Candidate best = new Candidate();
    private final WorkCounters counters = new WorkCounters();
    private final StringBuilder keyBuilder = new StringBuilder(64);

    @Override
    public WorkCounters counters() {
        return counters;
    }

    @Override
    public void rebuild(EngineCore engine) {
        this.core = engine;
        buckets.clear();
        plainBuckets.clear();
        bucketsByPoolQueue.clear();
        members.clear();
        positions.clear();
        dirtyVisits.clear();
        dirtyAgents.clear();
        unindexed.clear();
        zeroed.clear();
        recheck.clear();
        for (AgentState a : engine.agents.values()) {
            a.indexData = null;
            AgentData d = data(a);
            if (a.routing != null) {
                for (QueueMembership m : a.routing.queues()) {
                    members.computeIfAbsent(m.queue(), q -> new ArrayList<>()).add(a);
                    d.memberOf.add(m.queue());
                }
            }
        }
        for (QueueState q : engine.queues.values()) {
            for (VisitState v : q.liveVisits.values()) {
                v.indexData = null;
                visitChanged(v);
            }
        }
        // Every bucket starts with its staffing known: an empty count here is not news.
        zeroed.clear();
        for (AgentState a : engine.agents.values()) {
            agentChanged(a);
        }
        indexDeferred();
        for (Bucket b : buckets.values()) {
            if (b.staffed == 0) {
                zeroed.add(b);
            }
        }
    }

    private static AgentData data(AgentState a) {
        if (a.indexData == null) {
            a.indexData = new AgentData();
        }
        return (AgentData) a.indexData;
    }

    private static VisitData data(VisitState v) {
        if (v.indexData == null) {
            v.indexData = new VisitData(v);
        }
        return (VisitData) v.indexData;
    }

    // ------------------------------------------------------------------ visits

    @Override
    public void visitChanged(VisitState v) {
        VisitData d = data(v);
        boolean waiting = v.waiting();
        Bucket target = waiting && !v.interaction.onlyOpen() ? bucketFor(v, d) : null;
        boolean keyChanged = d.tier != v.interaction.tier || d.dueAt != v.dueAt();
        if (d.inBucket && (d.bucket != target || keyChanged)) {
            d.bucket.waiting.remove(d);
            d.inBucket = false;
            counters.bucketsTouched++;
        }
        if (d.inPositions && (!waiting || keyChanged)) {
            positions.get(v.queue.id()).remove(d);
            d.inPositions = false;
        }
        d.tier = v.interaction.tier;
        d.dueAt = v.dueAt();
        d.order = v.order;
        if (target != null && !d.inBucket) {
            target.waiting.add(d);
            d.bucket = target;
            d.inBucket = true;
            counters.bucketsTouched++;
        }
        if (waiting && !d.inPositions) {
            positions
                    .computeIfAbsent(v.queue.id(), q -> new RankTree<>(KEY, x -> x.order))
                    .add(d);
            d.inPositions = true;
        }
        if (waiting && !d.dirty) {
            d.dirty = true;
            dirtyVisits.add(d);
        }
    }

    /** The bucket for the visit's current queue, requirements, widening and stage (created on first use). */
    private Bucket bucketFor(VisitState v, VisitData d) {
        if (d.computed != null
                && d.computed.queue == v.queue
                && d.level == v.relaxLevel
                && d.mask == v.widenMask
                && d.stage == v.delayStage
                && d.requirements == v.effective) {
            return d.computed;
        }
        d.level = v.relaxLevel;
        d.mask = v.widenMask;
        d.stage = v.delayStage;
        d.requirements = v.effective;
        d.computed = bucket(v.queue, v.effective, v.widenMask, v.delayStage);
        return d.computed;
    }

    private Bucket bucket(QueueState q, List<Requirement> reqs, int mask, int stage) {
        boolean plain = mask == 0 && stage == 0 && reqs == q.config.requirements();
        if (plain) {
            // Most visits wait in their queue's plain bucket: found without building a key. A configuration change
            // gives the queue a new requirements list, which misses here and is looked up by key once.
            PlainBucket cached = plainBuckets.get(q);
            if (cached != null && cached.requirements() == reqs) {
                return cached.bucket();
            }
        }
        Bucket b = bucketByKey(q, reqs, mask, stage);
        if (plain) {
            plainBuckets.put(q, new PlainBucket(reqs, b));
        }
        return b;
    }

    private Bucket bucketByKey(QueueState q, List<Requirement> reqs, int mask, int stage) {
        StringBuilder k = keyBuilder;
        k.setLength(0);
        k.append(q.id()).append('|').append(mask).append('|').append(stage);
        for (Requirement r : reqs) {
            k.append('|').append(r.skill()).append('>').append(r.minProficiency());
            if (r.strictness() == Strictness.HARD) {
                k.append('!');
            }
        }
        String key = k.toString();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = createBucket(key, q, reqs, mask, stage);
        }
        return b;
    }

    private Bucket createBucket(String key, QueueState q, List<Requirement> reqs, int mask, int stage) {
        Bucket b = new Bucket(q, reqs, mask, stage);
        buckets.put(key, b);
        List<String> pool = new ArrayList<>();
        pool.add(q.id());
        List<OverflowRule> rules = q.config.overflow();
        for (int r = 0; r < rules.size(); r++) {
            if ((mask & (1 << r)) != 0 && rules.get(r).action() == OverflowAction.WIDEN) {
                for (String p : rules.get(r).queues()) {
                    if (!pool.contains(p)) {
                        pool.add(p);
                    }
                }
            }
        }
        long stamp = ++bucketStamp;
        for (String p : pool) {
            bucketsByPoolQueue.computeIfAbsent(p, x -> new ArrayList<>()).add(b);
            ArrayList<AgentState> m = members.get(p);
            if (m == null) {
                continue;
            }
            for (int k = 0; k < m.size(); k++) {
                AgentState a = m.get(k);
                AgentData d = data(a);
                if (d.stamp != stamp) {
                    d.stamp = stamp;
                    counters.agentsIndexed++;
                    addEntry(b, a);
                }
            }
        }
        return b;
    }

    /** Adds the advisor to the bucket if they are in its pool, hold its skills and have its channel. */
    private void addEntry(Bucket b, AgentState a) {
        if (b.channel >= a.max.length
                || a.max[b.channel] == 0
                || !RoutingRule.member(b.queue, b.widenMask, b.stage, a, false)
                || !RoutingRule.meets(a, b.requirements)) {
            return;
        }
        Entry e = new Entry(
                a,
                b,
                RoutingRule.agentTier(b.queue, b.widenMask, a),
                RoutingRule.member(b.queue, b.widenMask, b.stage, a, true));
        data(a).entries.add(e);
        refresh(e, a.staffing(), a.availableOn(b.channel), false);
    }

    /**
     * Brings one entry's staffing count and availability index up to date. With {@code defer}, an advisor who
     * becomes available is not inserted yet: they are matched as a changed advisor first, and indexed only if still
     * available when matching ends (usually they get an offer at once and are never inserted).
     */
    private boolean refresh(Entry e, boolean staffing, boolean availableOnChannel, boolean defer) {
        Bucket b = e.bucket;
        if (staffing != e.staffing) {
            e.staffing = staffing;
            b.staffed += staffing ? 1 : -1;
            if (b.staffed == 0) {
                zeroed.add(b);
            }
        }
        boolean want = e.delayReached && availableOnChannel;
        if (want) {
            long s1 = RoutingRule.strategyKey1(b.queue, b.requirements, e.agent);
            long s2 = RoutingRule.strategyKey2(b.queue, e.agent);
            if (e.available && s1 == e.s1 && s2 == e.s2) {
                return false;
            }
            if (e.available) {
                b.available.remove(e);
                e.available = false;
            }
            if (defer) {
                return true;
            }
            e.s1 = s1;
            e.s2 = s2;
            b.available.add(e);
            e.available = true;
        } else if (e.available) {
            b.available.remove(e);
            e.available = false;
        }
        return false;
    }

    // ------------------------------------------------------------------ advisors

    @Override
    public void agentChanged(AgentState a) {
        AgentData d = data(a);
        boolean staffing = a.staffing();
        if (d.staffing && !staffing) {
            recheckTargeting(a);
        }
        d.staffing = staffing;
        long availableMask = availableChannels(a);
        boolean any = availableMask != 0;
        boolean deferred = false;
        ArrayList<Entry> entries = d.entries;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            deferred |= refresh(e, staffing, (availableMask & (1L << e.bucket.channel)) != 0, true);
        }
        if (deferred && !d.unindexed) {
            d.unindexed = true;
            unindexed.add(a);
        }
        if ((any || deferred) && !d.dirty) {
            d.dirty = true;
            dirtyAgents.add(a);
        }
    }

    /** The channels the advisor could take an offer on now, as bits (channel index below 64). */
    private static long availableChannels(AgentState a) {
        long mask = 0;
        for (int c = 0; c < a.max.length && c < 64; c++) {
            if (a.availableOn(c)) {
                mask |= 1L << c;
            }
        }
        return mask;
    }

    /** Inserts the advisors whose insertion was deferred and who are still available. */
    private void indexDeferred() {
        for (AgentState a : unindexed) {
            AgentData d = data(a);
            if (!d.unindexed) {
                continue;
            }
            d.unindexed = false;
            boolean staffing = a.staffing();
            ArrayList<Entry> entries = d.entries;
            for (int k = 0; k < entries.size(); k++) {
                Entry e = entries.get(k);
                refresh(e, staffing, a.availableOn(e.bucket.channel), false);
            }
        }
        unindexed.clear();
    }

    /** The visits that name the advisor as a target: staffed through them, perhaps no longer. */
    private void recheckTargeting(AgentState a) {
        for (InteractionState i : a.targetedBy.values()) {
            if (i.visit != null) {
                recheck.add(i.visit);
            }
        }
    }

    @Override
    public void agentRedefined(AgentState a) {
        AgentData d = data(a);
        recheckTargeting(a);
        for (Entry e : d.entries) {
            refresh(e, false, false, false);
        }
        d.entries.clear();
        for (String q : d.memberOf) {
            ArrayList<AgentState> m = members.get(q);
            if (m != null) {
                m.remove(a); // identity: a redefinition is rare, the list short
            }
        }
        d.memberOf.clear();
        if (a.routing != null) {
            for (QueueMembership m : a.routing.queues()) {
                members.computeIfAbsent(m.queue(), q -> new ArrayList<>()).add(a);
                d.memberOf.add(m.queue());
            }
            List<Bucket> seen = new ArrayList<>();
            for (QueueMembership m : a.routing.queues()) {
                List<Bucket> bs = bucketsByPoolQueue.get(m.queue());
                if (bs == null) {
                    continue;
                }
                for (Bucket b : bs) {
                    if (!seen.contains(b)) {
                        seen.add(b);
                        counters.bucketsTouched++;
                        addEntry(b, a);
                    }
                }
            }
        }
        agentChanged(a);
    }

    // ------------------------------------------------------------------ staffing and position

    @Override
    public boolean staffed(VisitState v) {
        for (var t : v.interaction.targets) {
            AgentState a = core.agents.get(t.agentId());
            counters.agentsExamined++;
            if (a != null && RoutingRule.couldServe(v, a)) {
                return true;
            }
        }
        VisitData d = data(v);
        return bucketFor(v, d).staffed > 0;
    }

    @Override
    public List<VisitState> newlyUnstaffed() {
        if (zeroed.isEmpty() && recheck.isEmpty()) {
            return List.of();
        }
        TreeMap<Long, VisitState> found = new TreeMap<>();
        for (VisitState v : recheck) {
            counters.visitsUnstaffed++;
            if (v.waiting()
                    && !v.interaction.onlyOpen() // an ONLY window waits for its target until it ends
                    && core.overflow.pendingRules(v, OverflowTrigger.UNSTAFFED) != 0
                    && !staffed(v)) {
                found.put(v.order, v);
            }
        }
        recheck.clear();
        for (Bucket b : zeroed) {
            if (b.staffed != 0) {
                continue;
            }
            counters.bucketsTouched++;
            if (b.queue.rulesWith(OverflowTrigger.UNSTAFFED) == 0) {
                continue;
            }
            for (VisitData d : b.waiting) {
                counters.visitsUnstaffed++;
                VisitState v = d.visit;
                if (core.overflow.pendingRules(v, OverflowTrigger.UNSTAFFED) != 0 && !staffed(v)) {
                    found.put(v.order, v);
                }
            }
        }
        zeroed.clear();
        return new ArrayList<>(found.values());
    }

    @Override
    public int position(VisitState v) {
        VisitData d = data(v);
        if (!d.inPositions) {
            return 0;
        }
        return 1 + positions.get(v.queue.id()).countBefore(d);
    }

    // ------------------------------------------------------------------ matching

    @Override
    public void match(EngineCore engine) {
        candidates.clear();
        for (VisitData d : dirtyVisits) {
            d.dirty = false;
            if (d.visit.waiting()) {
                push(bestAgentFor(d.visit));
            }
        }
        dirtyVisits.clear();
        for (AgentState a : dirtyAgents) {
            data(a).dirty = false;
            push(bestVisitFor(a));
        }
        dirtyAgents.clear();
        Candidate c;
        while ((c = candidates.poll()) != null) {
            Candidate current = c.fromAgent ? bestVisitFor(c.agent) : c.visit.waiting() ? bestAgentFor(c.visit) : null;
            if (current == null) {
                continue;
            }
            if (current.sameAs(c)) {
                engine.makeOffer(c.visit, c.agent);
                push(bestVisitFor(c.agent));
            } else {
                candidates.add(current.copy());
            }
        }
        // What the offers marked changed is settled by construction: offers only remove pairs.
        for (VisitData d : dirtyVisits) {
            d.dirty = false;
        }
        dirtyVisits.clear();
        for (AgentState a : dirtyAgents) {
            data(a).dirty = false;
        }
        dirtyAgents.clear();
        indexDeferred();
    }

    private void push(Candidate c) {
        if (c != null) {
            candidates.add(c.copy());
        }
    }

    /** Ranks the pair in the probe and keeps it in {@code best} if better; answers whether anything is kept. */
    private boolean consider(boolean found, VisitState v, AgentState a, boolean fromAgent) {
        probe.set(v, a, fromAgent);
        if (!found || probe.compareTo(best) < 0) {
            best.copyFrom(probe);
        }
        return true;
    }

    /**
     * The best advisor for a waiting visit: its targets, then the first non-excluded advisor of its bucket. The
     * answer is a scratch object, valid until the next search.
     */
    private Candidate bestAgentFor(VisitState v) {
        InteractionState i = v.interaction;
        boolean found = false;
        for (var t : i.targets) {
            counters.agentsExamined++;
            AgentState a = core.agents.get(t.agentId());
            if (a != null && RoutingRule.eligible(v, a)) {
                found = consider(found, v, a, false);
            }
        }
        VisitData d = data(v);
        if (d.inBucket && v.queue.open && !d.bucket.available.isEmpty()) {
            counters.bucketsTouched++;
            Entry first = d.bucket.available.first();
            counters.agentsExamined++;
            if (!v.excludes(first.agent.id)) {
                found = consider(found, v, first.agent, false);
            } else {
                counters.exclusionsSkipped++;
                for (Entry e : d.bucket.available.tailSet(first, false)) {
                    counters.agentsExamined++;
                    if (!v.excludes(e.agent.id)) {
                        found = consider(found, v, e.agent, false);
                        break;
                    }
                    counters.exclusionsSkipped++;
                }
            }
        }
        return found ? best : null;
    }

    /**
     * The best waiting visit for an advisor: the first non-excluded head of each bucket it serves, and the visits
     * that target it. The answer is a scratch object, valid until the next search.
     */
    private Candidate bestVisitFor(AgentState a) {
        if (!a.routable()) {
            return null;
        }
        boolean found = false;
        long availableMask = availableChannels(a);
        ArrayList<Entry> entries = data(a).entries;
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            Bucket b = e.bucket;
            // An entry counts if its delay is reached and its channel free, indexed yet or not (deferred).
            if (!e.delayReached || (availableMask & (1L << b.channel)) == 0 || b.waiting.isEmpty() || !b.queue.open) {
                continue;
            }
            counters.bucketsTouched++;
            VisitData first = b.waiting.first();
            counters.visitsExamined++;
            if (!first.visit.excludes(a.id)) {
                found = consider(found, first.visit, a, true);
                continue;
            }
            counters.exclusionsSkipped++;
            for (VisitData d : b.waiting.tailSet(first, false)) {
                counters.visitsExamined++;
                if (!d.visit.excludes(a.id)) {
                    found = consider(found, d.visit, a, true);
                    break;
                }
                counters.exclusionsSkipped++;
            }
        }
        for (InteractionState i : a.targetedBy.values()) {
            counters.visitsExamined++;
            VisitState v = i.visit;
            if (v != null && RoutingRule.eligible(v, a)) {
                found = consider(found, v, a, true);
            }
        }
        return found ? best : null;
    }
}
