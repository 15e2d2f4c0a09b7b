package io.firstcontact.router.view;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PlaceInLine;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.VisitOutcome;
import io.firstcontact.router.api.port.EffectSink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The server's read model: queues, waiting interactions, offers, assignments and advisors as the <em>committed</em>
 * decisions leave them, with expected waits and per-interaction traces. It is an {@link EffectSink}: the host hands
 * it every committed journal entry in journal order, and recovery replays the journal through the same {@link
 * #committed} so the view is rebuilt on restart — after {@link #restore restoring} what the latest snapshot holds,
 * when there is one. Nothing here decides anything; it follows the engine's facts (and, where the engine changes
 * something without a fact, the applied command), using each entry's {@code at} as the time of its facts.
 *
 * <p><b>Threading</b>: every method, {@link #committed} and the queries alike, must be called on the engine thread.
 * The API posts its queries to that thread, so the view needs no locking and a query always sees whole entries.
 *
 * <p><b>Memory</b>: what is live is bounded by the engine; what has ended (interactions with their traces, offers,
 * assignments) is kept only up to the counts of {@link ViewOptions}, oldest dropped first.
 *
 * <p>Query results are immutable records with engine times (epoch milliseconds); null stands for "none". Positions
 * come from the engine ({@code RoutingEngine.position}); the view lists each queue in the same order. The engine is
 * ahead of the view by the entries not yet committed, so a waiting entry may briefly show position 0 (the engine
 * has offered it already); it then carries no expected wait.
 */
public final class LiveView implements EffectSink {
    /** The largest page {@link #waiting} returns. */
    public static final int MAX_PAGE = 1_000;

    private final ViewOptions options;
    private final ToIntFunction<String> position;
    private final ExpectedWait expectedWait;

    private RoutingConfig config;
    private long configVersion;
    private final LinkedHashMap<String, TrackedQueue> queues = new LinkedHashMap<>();
    /** Every advisor ever defined, in id order (advisors are never removed): what the listings walk. */
    private final TreeMap<String, TrackedAgent> agents = new TreeMap<>();
    /** The same advisors by id: the folds look an advisor up several times per entry, a hash at a time. */
    private final HashMap<String, TrackedAgent> agentsById = new HashMap<>();

    private final HashMap<String, TrackedInteraction> interactions = new HashMap<>();
    private final Retained<TrackedInteraction> endedInteractions;
    /** Every interaction known, live or retained, in arrival order: what {@link #interactions} pages through. */
    private final TreeSet<TrackedInteraction> byArrival = new TreeSet<>(TrackedInteraction.ARRIVAL);

    private final HashMap<String, TrackedOffer> offers = new HashMap<>();
    private final Retained<TrackedOffer> endedOffers;
    private final HashMap<String, TrackedAssignment> assignments = new HashMap<>();
    private final Retained<TrackedAssignment> endedAssignments;

    private String lastEntryId;
    private long lastAt;
    private long dayStartedAt = Long.MIN_VALUE;
    private long nextDayAt = Long.MIN_VALUE;
    /** When the queues' daily counts began: the day's start, or the snapshot the view was restored from. */
    private long countsSince = Long.MIN_VALUE;

    /** Told of every advisor a fact changes; see {@link #watchAdvisors}. */
    private Consumer<String> advisorWatcher = id -> {};

    /**
     * @param options retention, time zone and expected-wait settings
     * @param position the engine's position of a waiting interaction ({@code RoutingEngine.position}), 0 if not
     *     waiting; called on the engine thread
     */
    public LiveView(ViewOptions options, ToIntFunction<String> position) {
        this.options = Objects.requireNonNull(options, "options");
        this.position = Objects.requireNonNull(position, "position");
        this.expectedWait = new ExpectedWait(options.expectedWait());
        this.endedInteractions = new Retained<>(options.endedInteractions(), byArrival::remove);
        this.endedOffers = new Retained<>(options.endedOffers());
        this.endedAssignments = new Retained<>(options.endedAssignments());
    }

    /**
     * Names to {@code watcher}, as each fact is applied, every advisor whose state as {@link AgentState} shows it
     * changes (presence, pending presence, session, profiles, skills, device, the offers and assignments they hold and
     * their status), so that a consumer can keep what it derives from an advisor and read only those who changed. A
     * restore from a snapshot names nobody: the consumer restores too. One watcher; engine thread only.
     */
    public void watchAdvisors(Consumer<String> watcher) {
        this.advisorWatcher = Objects.requireNonNull(watcher, "watcher");
    }

    private void changed(TrackedAgent a) {
        advisorWatcher.accept(a.id);
    }

    // ------------------------------------------------------------------ restoring from a snapshot

    /**
     * Rebuilds the view from the engine's latest snapshot; recovery then replays the journal entries after it through
     * {@link #committed}. The journal before the snapshot may be trimmed, so this is where the view learns what existed
     * then. Call it once, on a view that has seen nothing, on the thread that will feed it.
     *
     * <p><b>Restored</b> — after it and the entries that follow, these answer as in a view fed the whole journal: the
     * configuration and its version; every queue's open or closed, its waiting interactions in order (positions,
     * tiers, entry times, service deadlines, paging cursors), offered count, longest wait and staffing; every
     * advisor's profiles, skills, presence and reason and when that presence began, pending presence, session, phone,
     * live offers (consult offers included) and open assignments;
     * every live interaction (channel, direction, references, created time, phase, since when a call is on hold, tier,
     * last queue, current visit, live offer, open assignments); live offers (status, advisor, visit, queue, channel, created and expiry times);
     * open assignments (queue, channel, status, start, wrap-up end, and their offer: the engine names an assignment
     * after it); the last entry id and its time; whether there is an expected wait.
     *
     * <p><b>Not restored</b> — history, which a snapshot does not hold. The figures resting on it say so, or recover
     * as the entries after the snapshot come in:
     *
     * <ul>
     *   <li>Queues' answered and abandoned counts start at zero: {@link QueueView#countsSince()} is the snapshot's
     *       time until the next local midnight, when counting starts afresh anyway.
     *   <li>Expected waits: the answer intervals and handle times measured before the snapshot are gone, so a queue's
     *       estimate uses the default handle time until enough answers and ended assignments are measured again
     *       ({@link ExpectedWait}); whether there is an estimate at all is unchanged.
     *   <li>Traces of the interactions live at the snapshot start after it ({@link Trace#startsAfter()}, its entry id);
     *       a later entry naming only an offer or assignment that had ended before the snapshot (a late command on
     *       it) is not attributed to its interaction.
     *   <li>Interactions, offers and assignments that had ended before the snapshot are unknown, as if retention had
     *       dropped them: queries answer empty (404), where a view fed from the start may still retain them. An
     *       interaction that ended while an advisor wraps it up is unknown too; its assignment is not.
     *   <li>Only from a snapshot written before schema version 4, which did not hold them (once, on the upgrade): when
     *       each advisor's presence began ({@link AgentView#presenceSince()} null until it changes) and when a call on
     *       hold was put on hold ({@link #heldSince} empty until it is resumed and held again).
     * </ul>
     *
     * @throws IllegalStateException when the view has already been fed or restored
     */
    public void restore(EngineSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (lastEntryId != null || config != null || !agents.isEmpty() || !interactions.isEmpty()) {
            throw new IllegalStateException("a view is restored only before it is fed");
        }
        // An engine never configured holds the empty configuration: the view has none, as before its first.
        if (!snapshot.config().equals(RoutingConfig.empty())) {
            config = snapshot.config();
            configVersion = config.version();
            Map<String, Boolean> open = new HashMap<>();
            snapshot.queues().forEach(qs -> open.put(qs.id(), qs.open()));
            for (QueueConfig qc : config.queues()) {
                TrackedQueue q =
                        new TrackedQueue(qc, config.channel(qc.channel()).mediaClass());
                q.open = open.getOrDefault(qc.id(), qc.openAtStart());
                queues.put(qc.id(), q);
            }
        }
        if (snapshot.lastSeq() > 0) {
            lastEntryId = snapshot.epoch() + "-" + snapshot.lastSeq();
            lastAt = snapshot.lastAt();
            newDay(lastAt);
            countsSince = lastAt;
        }
        for (EngineSnapshot.AgentSnap as : snapshot.agents()) {
            TrackedAgent a = new TrackedAgent(as.id(), as.presenceSince());
            a.utilisationProfile = as.utilisationProfile();
            a.routingProfile = as.routingProfile();
            a.skills = as.skills();
            a.presence = as.presence();
            a.reason = as.reason();
            a.pendingPresence = as.pendingPresence();
            a.pendingReason = as.pendingReason();
            a.sessionAttached = as.sessionAttached();
            a.device = as.device();
            a.phone = as.phone();
            agents.put(a.id, a);
            agentsById.put(a.id, a);
        }
        for (EngineSnapshot.InteractionSnap is : snapshot.interactions()) {
            restore(is);
        }
        for (EngineSnapshot.AgentSnap as : snapshot.agents()) {
            for (EngineSnapshot.AssignmentSnap x : as.assignments()) {
                restore(as.id(), x);
            }
        }
    }

    private void restore(EngineSnapshot.InteractionSnap is) {
        TrackedInteraction i = new TrackedInteraction(
                is.id(),
                is.channel(),
                is.direction(),
                is.sourceRef(),
                is.conversationId(),
                is.customerRef(),
                is.arrivedAt());
        i.phase = is.phase();
        i.tier = is.tier();
        i.ageBonusMillis = is.ageBonusMillis();
        i.lastQueue = is.lastQueue();
        i.heldSince = is.parkedSince();
        i.traceStartsAfter = lastEntryId;
        EngineSnapshot.VisitSnap vs = is.visit();
        if (vs != null) {
            TrackedVisit v = new TrackedVisit(
                    is.id(),
                    vs.id(),
                    vs.queue(),
                    vs.enteredAt(),
                    vs.order(),
                    PlaceInLine.dueAt(vs.keyStart(), vs.keySlMillis(), 0),
                    is.tier(),
                    PlaceInLine.dueAt(vs.keyStart(), vs.keySlMillis(), is.ageBonusMillis()));
            i.visit = v;
            TrackedQueue q = queues.get(vs.queue());
            if (q != null) {
                q.live++;
                if (is.phase() == Phase.QUEUED) {
                    q.add(v);
                }
            }
        }
        EngineSnapshot.OfferSnap os = is.offer();
        if (os != null) {
            OfferKind kind = is.dialOut() ? OfferKind.DIAL_CUSTOMER : OfferKind.CONNECT;
            TrackedOffer o =
                    restore(os, is.id(), vs != null ? vs.id() : null, vs != null ? vs.queue() : is.lastQueue(), kind);
            i.offerId = o.id;
            i.offered(os.agentId());
        }
        if (is.consultOffer() != null) {
            // A consult is about the call: its queue is the one the call was answered from, the last it waited in.
            i.consultOfferId = restore(is.consultOffer(), is.id(), null, is.lastQueue(), OfferKind.CONSULT).id;
            i.offered(is.consultOffer().agentId());
        }
        interactions.put(i.id, i);
        byArrival.add(i);
    }

    private TrackedOffer restore(
            EngineSnapshot.OfferSnap os, String interactionId, String visitId, String queue, OfferKind kind) {
        TrackedOffer o = new TrackedOffer(
                os.id(),
                interactionId,
                os.agentId(),
                visitId,
                queue,
                os.channel(),
                os.createdAt(),
                os.expiresAt(),
                kind);
        o.status = os.status();
        offers.put(o.id, o);
        TrackedAgent a = agentsById.get(os.agentId());
        if (a != null) {
            a.offers.add(o);
        }
        return o;
    }

    private void restore(String agentId, EngineSnapshot.AssignmentSnap x) {
        TrackedAssignment as = new TrackedAssignment(
                x.id(), x.interactionId(), agentId, x.id(), x.queue(), x.interactionChannel(), x.startedAt());
        as.status = x.status();
        as.consult = x.consult();
        as.wrapUpUntil = x.status() == AssignmentStatus.WRAP_UP ? x.wrapUntil() : null;
        assignments.put(as.id, as);
        agentsById.get(agentId).assignments.add(as);
        TrackedInteraction i = interactions.get(x.interactionId());
        if (i != null) { // else it ended while this assignment wraps up
            i.assignments.add(as);
            i.offered(agentId);
        }
    }

    // ------------------------------------------------------------------ following the journal

    @Override
    public void committed(EngineInput input, Decision decision) {
        long at = input.at();
        lastEntryId = input.entryId();
        lastAt = at;
        if (at >= nextDayAt) {
            newDay(at);
        }
        Command command = input.command();
        if (applied(decision)) {
            beforeFacts(command);
        }
        for (Fact f : decision.facts()) {
            apply(f, command, at);
        }
        trace(input, decision);
    }

    /** Whether the command was applied: not refused, not a repeat of an idempotency key or a live source. */
    private static boolean applied(Decision d) {
        for (Effect e : d.effects()) {
            if (e instanceof Effect.Refused || e instanceof Effect.Duplicate || e instanceof Effect.AlreadyExists) {
                return false;
            }
        }
        return true;
    }

    /**
     * What an applied command changes without a fact saying so: queueing sets the tier and age bonus it asks for (the
     * visit's fact carries the tier, not the bonus).
     */
    private void beforeFacts(Command command) {
        switch (command) {
            case Command.QueueInteraction c -> {
                TrackedInteraction i = interactions.get(c.interactionId());
                if (i != null) {
                    queued(i, c.request());
                }
            }
            default -> {}
        }
    }

    private void apply(Fact fact, Command command, long at) {
        switch (fact) {
            case Fact.ConfigurationApplied f -> configured(f, command);
            case Fact.AgentDefined f -> {
                TrackedAgent a = agentsById.computeIfAbsent(f.agentId(), id -> {
                    TrackedAgent defined = new TrackedAgent(id, at);
                    agents.put(id, defined);
                    return defined;
                });
                a.utilisationProfile = f.utilisationProfile();
                a.routingProfile = f.routingProfile();
                if (command instanceof Command.DefineAgent c && c.agentId().equals(f.agentId())) {
                    a.skills = c.skills();
                }
                changed(a);
            }
            case Fact.AgentSkillsChanged f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null
                        && command instanceof Command.ChangeSkills c
                        && c.agentId().equals(f.agentId())) {
                    a.skills = c.skills();
                    changed(a);
                }
            }
            case Fact.RoutingProfileAssigned f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null) {
                    a.routingProfile = f.routingProfile();
                    changed(a);
                }
            }
            case Fact.PresenceChanged f -> presenceChanged(f, at);
            case Fact.PresencePending f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null) {
                    a.pendingPresence = f.requested();
                    a.pendingReason = f.reason();
                    changed(a);
                }
            }
            case Fact.PresencePendingWithdrawn f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null) {
                    a.pendingPresence = null;
                    a.pendingReason = null;
                    changed(a);
                }
            }
            case Fact.SessionChanged f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null) {
                    a.sessionAttached = f.attached();
                    changed(a);
                }
            }
            case Fact.DeviceAssigned f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null) {
                    a.phone = f.device();
                    changed(a);
                }
            }
            case Fact.InteractionCreated f -> created(f, command);
            case Fact.VisitStarted f -> visitStarted(f);
            case Fact.VisitEnded f -> visitEnded(f);
            case Fact.TierChanged f -> {
                TrackedInteraction i = interactions.get(f.interactionId());
                if (i != null) {
                    i.tier = f.tier();
                    if (i.visit != null) {
                        rekey(i.visit, f.tier(), i.visit.dueAt);
                    }
                }
            }
            case Fact.AgeBonusChanged f -> {
                TrackedInteraction i = interactions.get(f.interactionId());
                if (i != null) {
                    i.ageBonusMillis = f.ageBonusMillis();
                    if (i.visit != null) {
                        rekey(i.visit, i.visit.tier, i.visit.unbonusedDueAt - i.ageBonusMillis);
                    }
                }
            }
            case Fact.OfferCreated f -> offerCreated(f, at);
            case Fact.OfferStatusChanged f -> offerStatusChanged(f, at);
            case Fact.AssignmentStarted f -> assignmentStarted(f, at);
            case Fact.WrapUpStarted f -> {
                TrackedAssignment as = assignments.get(f.assignmentId());
                if (as != null) {
                    as.status = AssignmentStatus.WRAP_UP;
                    as.wrapUpUntil = f.until();
                    TrackedAgent a = agentsById.get(as.agentId);
                    if (a != null) {
                        changed(a);
                    }
                    disconnectedUnlessActive(as.interactionId);
                }
            }
            case Fact.AssignmentEnded f -> assignmentEnded(f, at);
            case Fact.InteractionEnded f -> interactionEnded(f, at);
            case Fact.QueueOpened f -> {
                TrackedQueue q = queues.get(f.queue());
                if (q != null) {
                    q.open = true;
                }
            }
            case Fact.QueueClosed f -> {
                TrackedQueue q = queues.get(f.queue());
                if (q != null) {
                    q.open = false;
                }
            }
            case Fact.AgentDeviceChanged f -> {
                TrackedAgent a = agentsById.get(f.agentId());
                if (a != null) {
                    a.device = f.state();
                    changed(a);
                }
            }
            case Fact.CustomerIdentified f -> {
                TrackedInteraction i = interactions.get(f.interactionId());
                if (i != null) {
                    i.customerRef = f.customerRef();
                }
            }
            case Fact.CallbackScheduled f -> phase(f.interactionId(), Phase.SCHEDULED);
            case Fact.InteractionParked f -> {
                phase(f.interactionId(), Phase.PARKED);
                TrackedInteraction i = interactions.get(f.interactionId());
                if (i != null) {
                    i.heldSince = at;
                }
            }
            case Fact.InteractionResumed f -> {
                phase(f.interactionId(), Phase.CONNECTED);
                TrackedInteraction i = interactions.get(f.interactionId());
                if (i != null) {
                    i.heldSince = null;
                }
            }
            case Fact.ConsultEnded f -> {
                if (f.outcome() == ConsultOutcome.COMPLETED) { // the colleague's leg is the call's now
                    TrackedInteraction i = interactions.get(f.interactionId());
                    if (i != null) {
                        i.assignments.forEach(as -> as.consult = false);
                    }
                }
            }
            // Shown by the facts that go with them (visits, offers, assignments); their entries reach the trace.
            case Fact.CallbackRequested f -> {}
            case Fact.CallbackDialled f -> {}
            case Fact.CustomerConnectionLost f -> {}
            case Fact.CustomerConnectionRestored f -> {}
            case Fact.ConsultStarted f -> {}
            case Fact.InventoryReconciled f -> {}
            // Routing details the view does not show; their entries still reach the trace.
            case Fact.RequirementsRelaxed f -> {}
            case Fact.OverflowApplied f -> {}
            case Fact.AttributesChanged f -> {}
            case Fact.TargetReleased f -> {}
            case Fact.MaxWaitReached f -> {}
            // Outcomes: the statistics fold them; their entries still reach the trace.
            case Fact.SelfServiceRecorded f -> {}
            case Fact.CrossSellRecorded f -> {}
            case Fact.WrapUpRecorded f -> {}
            case Fact.OnlineActivityReported f -> {}
        }
    }

    private void configured(Fact.ConfigurationApplied f, Command command) {
        configVersion = f.version();
        if (!(command instanceof Command.ConfigureRouting c)) {
            return; // only a configuration input applies one; nothing else can say what it was
        }
        config = c.config();
        LinkedHashMap<String, TrackedQueue> old = new LinkedHashMap<>(queues);
        queues.clear();
        for (QueueConfig qc : config.queues()) {
            ChannelConfig channel = config.channel(qc.channel());
            TrackedQueue q = old.get(qc.id());
            if (q == null) {
                q = new TrackedQueue(qc, channel.mediaClass()); // a queue kept keeps whether it is open
            }
            q.config = qc;
            q.media = channel.mediaClass();
            queues.put(qc.id(), q);
        }
        expectedWait.retainOnly(queues.keySet());
    }

    private void presenceChanged(Fact.PresenceChanged f, long at) {
        TrackedAgent a = agentsById.get(f.agentId());
        if (a == null) {
            return;
        }
        a.presence = f.to();
        a.reason = f.reason();
        a.presenceSince = at;
        a.pendingPresence = null; // the engine clears the pending presence whenever one applies
        a.pendingReason = null;
        if (f.from() == PresenceState.LOGGED_OUT) {
            a.sessionAttached = true; // logging in attaches the session
        }
        if (f.to() == PresenceState.LOGGED_OUT) {
            a.sessionAttached = false;
            a.phone = null; // the phone is theirs until they log out
        }
        changed(a);
    }

    private void created(Fact.InteractionCreated f, Command command) {
        TrackedInteraction earlier = endedInteractions.remove(f.interactionId()); // an edge may reuse an ended id
        if (earlier != null) {
            byArrival.remove(earlier);
        }
        TrackedInteraction i = new TrackedInteraction(
                f.interactionId(),
                f.channel(),
                f.direction(),
                f.sourceRef(),
                f.conversationId(),
                f.customerRef(),
                f.arrivedAt());
        if (command instanceof Command.CreateInteraction c
                && c.interactionId().equals(f.interactionId())
                && c.queue() != null) {
            queued(i, c.queue());
        }
        interactions.put(i.id, i);
        byArrival.add(i);
    }

    /** Queueing sets tier and age bonus first, whether or not a visit starts (the queue may be closed or full). */
    private static void queued(TrackedInteraction i, QueueRequest request) {
        i.tier = request.tier();
        i.ageBonusMillis = request.ageBonusMillis();
    }

    private void visitStarted(Fact.VisitStarted f) {
        TrackedInteraction i = interactions.get(f.interactionId());
        TrackedQueue q = queues.get(f.queue());
        if (i == null || q == null) {
            return;
        }
        TrackedVisit v = new TrackedVisit(
                f.interactionId(),
                f.visitId(),
                f.queue(),
                f.enteredAt(),
                f.order(),
                f.dueAt() + i.ageBonusMillis,
                f.tier(),
                f.dueAt());
        i.visit = v;
        i.tier = f.tier();
        i.lastQueue = f.queue();
        i.phase = Phase.QUEUED;
        q.live++;
        q.add(v);
    }

    private void visitEnded(Fact.VisitEnded f) {
        TrackedQueue q = queues.get(f.queue());
        TrackedInteraction i = interactions.get(f.interactionId());
        if (i != null && i.visit != null && i.visit.visitId.equals(f.visitId())) {
            if (q != null) {
                q.remove(i.visit);
                q.live--;
            }
            i.visit = null;
            i.phase = f.outcome() == VisitOutcome.ANSWERED ? Phase.CONNECTED : Phase.SELF_SERVICE;
        }
        if (q != null) {
            switch (f.outcome()) {
                case ANSWERED -> q.answeredToday++;
                case ABANDONED, ABANDONED_WHILE_ALERTING -> q.abandonedToday++;
                default -> {}
            }
        }
    }

    private void offerCreated(Fact.OfferCreated f, long at) {
        TrackedOffer o = new TrackedOffer(
                f.offerId(),
                f.interactionId(),
                f.agentId(),
                f.visitId(),
                f.queue(),
                f.channel(),
                at,
                f.expiresAt(),
                f.kind());
        offers.put(o.id, o);
        TrackedAgent a = agentsById.get(f.agentId());
        if (a != null) {
            a.offers.add(o);
            changed(a);
        }
        TrackedInteraction i = interactions.get(f.interactionId());
        if (i != null) {
            i.offered(f.agentId()); // a consulted colleague may see the call they are asked into
            if (f.kind() == OfferKind.CONSULT) {
                i.consultOfferId = o.id;
            }
        }
        if (i != null && f.kind() != OfferKind.CONSULT) { // a consult is a colleague's: the call stays where it is
            i.offerId = o.id;
            i.phase = Phase.OFFERED;
            if (i.visit != null) {
                TrackedQueue q = queues.get(i.visit.queue);
                if (q != null) {
                    q.remove(i.visit);
                }
            }
        }
    }

    private void offerStatusChanged(Fact.OfferStatusChanged f, long at) {
        TrackedOffer o = offers.get(f.offerId());
        if (o == null) {
            return;
        }
        o.status = f.status();
        TrackedAgent a = agentsById.get(o.agentId);
        if (f.status().live()) {
            if (a != null) {
                changed(a);
            }
            return;
        }
        o.cause = f.cause();
        o.endedAt = at;
        offers.remove(o.id);
        endedOffers.put(o.id, o);
        if (a != null) {
            a.offers.remove(o);
            changed(a);
        }
        TrackedInteraction i = interactions.get(o.interactionId);
        if (i == null) {
            return;
        }
        if (o.id.equals(i.offerId)) {
            i.offerId = null;
        }
        if (o.id.equals(i.consultOfferId)) {
            i.consultOfferId = null;
        }
        if (f.status() == OfferStatus.ACCEPTED) {
            i.acceptedOfferId = o.id;
            if (o.kind != OfferKind.CONSULT) {
                expectedWait.answered(o.queue, at);
            }
        } else if (i.visit != null && i.phase == Phase.OFFERED) {
            // Back in line with its key; a later fact of the same entry may close, move or offer it again.
            i.phase = Phase.QUEUED;
            TrackedQueue q = queues.get(i.visit.queue);
            if (q != null) {
                q.add(i.visit);
            }
        }
    }

    private void assignmentStarted(Fact.AssignmentStarted f, long at) {
        TrackedInteraction i = interactions.get(f.interactionId());
        String offerId = i != null ? i.acceptedOfferId : null;
        TrackedOffer accepted = offerId != null ? endedOffers.get(offerId) : null;
        TrackedAssignment as = new TrackedAssignment(
                f.assignmentId(),
                f.interactionId(),
                f.agentId(),
                offerId,
                accepted != null ? accepted.queue : (i != null ? i.lastQueue : null),
                f.channel(),
                at);
        as.consult = accepted != null && accepted.kind == OfferKind.CONSULT;
        assignments.put(as.id, as);
        TrackedAgent a = agentsById.get(f.agentId());
        if (a != null) {
            a.assignments.add(as);
            changed(a);
        }
        if (i != null) {
            i.acceptedOfferId = null;
            i.assignments.add(as);
            if (!as.consult) { // a colleague joining a held call leaves it held
                i.phase = Phase.CONNECTED;
            }
        }
    }

    private void assignmentEnded(Fact.AssignmentEnded f, long at) {
        TrackedAssignment as = assignments.remove(f.assignmentId());
        if (as == null) {
            return;
        }
        as.status = AssignmentStatus.DONE;
        as.wrapUpUntil = null;
        as.endedAt = at;
        endedAssignments.put(as.id, as);
        TrackedAgent a = agentsById.get(as.agentId);
        if (a != null) {
            a.assignments.remove(as);
            changed(a);
        }
        TrackedInteraction i = interactions.get(as.interactionId);
        if (i != null) {
            i.assignments.remove(as);
            disconnectedUnlessActive(i.id);
        }
        if (as.queue != null && !as.consult) {
            expectedWait.handled(as.queue, at - as.startedAt);
        }
    }

    /**
     * The engine's CONNECTED means "an assignment is active". When the last active one goes (wrap-up after a
     * transfer, open chat requeued at logout) the interaction is between places until the facts that follow queue
     * or end it — or, when its queue is closed or full, it stays in self-service, as in the engine.
     */
    private void disconnectedUnlessActive(String interactionId) {
        TrackedInteraction i = interactions.get(interactionId);
        if (i == null || i.phase != Phase.CONNECTED) {
            return;
        }
        for (TrackedAssignment as : i.assignments) {
            if (as.status == AssignmentStatus.ACTIVE) {
                return;
            }
        }
        i.phase = Phase.SELF_SERVICE;
    }

    private void phase(String interactionId, Phase phase) {
        TrackedInteraction i = interactions.get(interactionId);
        if (i != null) {
            i.phase = phase;
        }
    }

    private void interactionEnded(Fact.InteractionEnded f, long at) {
        TrackedInteraction i = interactions.remove(f.interactionId());
        if (i == null) {
            return;
        }
        if (i.visit != null) { // the engine ends a visit first; kept consistent all the same
            TrackedQueue q = queues.get(i.visit.queue);
            if (q != null) {
                q.remove(i.visit);
                q.live--;
            }
            i.visit = null;
        }
        i.phase = Phase.ENDED;
        i.offerId = null;
        i.endedAt = at;
        i.endReason = f.reason();
        endedInteractions.put(i.id, i);
    }

    /** Changes a visit's key: out of its queue's sorted sets and back in, so they stay ordered. */
    private void rekey(TrackedVisit v, int tier, long dueAt) {
        TrackedQueue q = queues.get(v.queue);
        boolean wasWaiting = v.waiting;
        if (q != null) {
            q.remove(v);
        }
        v.tier = tier;
        v.dueAt = dueAt;
        if (q != null && wasWaiting) {
            q.add(v);
        }
    }

    private void newDay(long at) {
        ZonedDateTime midnight =
                Instant.ofEpochMilli(at).atZone(options.zone()).toLocalDate().atStartOfDay(options.zone());
        dayStartedAt = midnight.toInstant().toEpochMilli();
        nextDayAt = midnight.plusDays(1).toInstant().toEpochMilli();
        countsSince = dayStartedAt;
        for (TrackedQueue q : queues.values()) {
            q.answeredToday = 0;
            q.abandonedToday = 0;
        }
    }

    // ------------------------------------------------------------------ trace

    /** Adds the entry to the trace of every interaction it touched (once each), after its facts are applied. */
    private void trace(EngineInput input, Decision decision) {
        Set<TrackedInteraction> touched = Collections.newSetFromMap(new IdentityHashMap<>());
        List<TrackedInteraction> inOrder = new ArrayList<>(2);
        Mentions.Sink sink = (kind, id) -> {
            TrackedInteraction i = switch (kind) {
                case INTERACTION -> known(id);
                case OFFER -> {
                    TrackedOffer o = offers.get(id);
                    if (o == null) {
                        o = endedOffers.get(id);
                    }
                    yield o == null ? null : known(o.interactionId);
                }
                case ASSIGNMENT -> {
                    TrackedAssignment as = assignments.get(id);
                    if (as == null) {
                        as = endedAssignments.get(id);
                    }
                    yield as == null ? null : known(as.interactionId);
                }
            };
            if (i != null && touched.add(i)) {
                inOrder.add(i);
            }
        };
        Mentions.of(input.command(), sink);
        for (Fact f : decision.facts()) {
            Mentions.of(f, sink);
        }
        for (Effect e : decision.effects()) {
            Mentions.of(e, sink);
        }
        for (TrackedInteraction i : inOrder) {
            i.traced(input.entryId(), options.traceEntries());
        }
    }

    private TrackedInteraction known(String interactionId) {
        TrackedInteraction i = interactions.get(interactionId);
        return i != null ? i : endedInteractions.get(interactionId);
    }

    // ------------------------------------------------------------------ queries

    /** The version of the configuration in force, 0 before the first. */
    public long configVersion() {
        return configVersion;
    }

    /** The configuration in force, empty before the first. */
    public Optional<RoutingConfig> configuration() {
        return Optional.ofNullable(config);
    }

    /** The id {@code <epoch>-<seq>} of the last committed entry, or null before the first. */
    public String lastEntryId() {
        return lastEntryId;
    }

    /** Engine time of the last committed entry: the "now" of expected waits. */
    public long asOf() {
        return lastAt;
    }

    /** Every configured queue, in configured order. */
    public List<QueueView> queues() {
        Map<String, Integer> staffed = staffedByQueue();
        List<QueueView> out = new ArrayList<>(queues.size());
        for (var e : queues.entrySet()) {
            out.add(queueView(e.getKey(), e.getValue(), staffed.getOrDefault(e.getKey(), 0)));
        }
        return out;
    }

    public Optional<QueueView> queue(String queue) {
        TrackedQueue q = queues.get(queue);
        return q == null ? Optional.empty() : Optional.of(queueView(queue, q, staffed(queue)));
    }

    /** A queue's waiting count and oldest wait start (null if none), or null when not configured. */
    public record QueueLoad(int waiting, Long oldestWaitingSince) {}

    /**
     * What the queue gauges need, in O(1): unlike {@link #queue}, no staffed count (a pass over every advisor) and no
     * expected wait. Called on the engine thread for every committed fact that touches a queue.
     */
    public QueueLoad queueLoad(String queue) {
        TrackedQueue q = queues.get(queue);
        if (q == null) {
            return null;
        }
        return new QueueLoad(q.waiting.size(), q.byEntered.isEmpty() ? null : q.byEntered.first().enteredAt);
    }

    /**
     * A page of a queue's waiting interactions in queue order (the engine's static key: tier descending, service
     * deadline, arrival order).
     *
     * @param afterCursor null for the first page, else the {@code nextCursor} of the previous page
     * @param limit 1 to {@link #MAX_PAGE}
     * @return empty when the queue is not configured
     * @throws IllegalArgumentException for a malformed cursor or a limit out of range
     */
    public Optional<WaitingPage> waiting(String queue, String afterCursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_PAGE + ", was " + limit);
        }
        TrackedQueue q = queues.get(queue);
        if (q == null) {
            return Optional.empty();
        }
        var from = afterCursor == null ? q.waiting : q.waiting.tailSet(Cursor.decode(afterCursor), false);
        Optional<ExpectedWait.Rate> rate = rate(queue, q, staffed(queue));
        List<WaitingEntry> entries = new ArrayList<>();
        TrackedVisit last = null;
        for (TrackedVisit v : from) {
            if (entries.size() == limit) {
                break;
            }
            int k = position.applyAsInt(v.interactionId);
            entries.add(
                    new WaitingEntry(v.interactionId, v.visitId, k, v.tier, v.enteredAt, v.dueAt, estimate(rate, k)));
            last = v;
        }
        String next = last != null && q.waiting.higher(last) != null ? Cursor.encode(last) : null;
        return Optional.of(new WaitingPage(queue, entries, next));
    }

    /** A live interaction, or one that ended recently enough to be retained. */
    public Optional<InteractionView> interaction(String interactionId) {
        TrackedInteraction i = known(interactionId);
        if (i == null) {
            return Optional.empty();
        }
        TrackedVisit v = i.visit;
        int k = 0;
        Long ewt = null;
        if (v != null && v.waiting) {
            k = position.applyAsInt(i.id);
            TrackedQueue q = queues.get(v.queue);
            if (q != null) {
                ewt = estimate(rate(v.queue, q, staffed(v.queue)), k);
            }
        }
        String agentId = null;
        if (i.offerId != null) {
            TrackedOffer o = offers.get(i.offerId);
            agentId = o != null ? o.agentId : null;
        } else if (i.phase == Phase.CONNECTED || i.phase == Phase.PARKED) {
            for (TrackedAssignment as : i.assignments) {
                if (as.status == AssignmentStatus.ACTIVE && !as.consult) {
                    agentId = as.agentId;
                    break;
                }
            }
        }
        return Optional.of(new InteractionView(
                i.id,
                i.channel,
                i.direction,
                i.sourceRef,
                i.conversationId,
                i.customerRef,
                i.phase,
                i.createdAt,
                v != null ? v.queue : i.lastQueue,
                v != null ? v.visitId : null,
                v != null ? v.enteredAt : null,
                i.tier,
                k,
                ewt,
                i.offerId,
                agentId,
                i.assignments.stream().map(as -> as.id).toList(),
                i.endedAt,
                i.endReason));
    }

    /**
     * A page of the interactions the view knows — live ones, and ended ones while they are retained ({@link
     * ViewOptions#endedInteractions()}, the most recent first kept) — matching {@code filter}, in arrival order
     * (created time, then id). The time range narrows the walk; the other criteria are checked on each interaction
     * in it, so a page costs at most one look at every interaction known.
     *
     * @param afterCursor null for the first page, else the {@code nextCursor} of the previous page (of any filter)
     * @param limit 1 to {@link #MAX_PAGE}
     * @throws IllegalArgumentException for a malformed cursor or a limit out of range
     */
    public InteractionPage interactions(InteractionFilter filter, String afterCursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1–" + MAX_PAGE + ", was " + limit);
        }
        NavigableSet<TrackedInteraction> from = byArrival;
        if (afterCursor != null) {
            from = from.tailSet(ArrivalCursor.decode(afterCursor), false);
        }
        if (filter.arrivedFrom() != null) {
            from = from.tailSet(TrackedInteraction.probe(filter.arrivedFrom(), ""), true);
        }
        List<InteractionView> items = new ArrayList<>();
        TrackedInteraction last = null;
        boolean more = false;
        for (TrackedInteraction i : from) {
            if (filter.arrivedTo() != null && i.createdAt >= filter.arrivedTo()) {
                break;
            }
            if (!matches(i, filter)) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            interaction(i.id).ifPresent(items::add);
            last = i;
        }
        return new InteractionPage(items, more ? ArrivalCursor.encode(last) : null);
    }

    private static boolean matches(TrackedInteraction i, InteractionFilter f) {
        return (f.phases().isEmpty() || f.phases().contains(i.phase))
                && (f.queue() == null || f.queue().equals(i.visit != null ? i.visit.queue : i.lastQueue))
                && (f.channel() == null || f.channel().equals(i.channel))
                && (f.customerRef() == null || f.customerRef().equals(i.customerRef))
                && (f.offeredTo() == null || i.offeredTo.contains(f.offeredTo()));
    }

    /**
     * Whether the interaction (live or retained) has been offered to the advisor, or assigned to them: what an agent
     * may see of it.
     */
    public boolean offeredTo(String interactionId, String agentId) {
        TrackedInteraction i = known(interactionId);
        return i != null && i.offeredTo.contains(agentId);
    }

    /** Every defined advisor, by id. */
    public List<AgentView> agents() {
        List<AgentView> out = new ArrayList<>(agents.size());
        for (TrackedAgent a : agents.values()) {
            out.add(a.view());
        }
        return out;
    }

    public Optional<AgentView> agent(String agentId) {
        TrackedAgent a = agentsById.get(agentId);
        return a == null ? Optional.empty() : Optional.of(a.view());
    }

    /**
     * An advisor read in place, without the copies {@link #agent} makes, in one map look-up: for a caller that reads
     * many advisors per entry (a decision trace looks at everyone who takes a queue). It changes with the next
     * committed entry: read it at once and keep nothing of it.
     *
     * @return null when the advisor is not defined
     */
    public AgentState agentState(String agentId) {
        return agentsById.get(agentId);
    }

    /** The offers not yet terminal, in id order (recovery resolves them). */
    public List<OfferView> liveOffers() {
        List<OfferView> out = new ArrayList<>(offers.size());
        new TreeMap<>(offers).values().forEach(o -> out.add(o.view()));
        return out;
    }

    /**
     * The interactions not ended, in id order (a source's inventory is checked against them). Each is a full view, so
     * this costs one staffing count per waiting interaction.
     */
    public List<InteractionView> liveInteractions() {
        List<InteractionView> out = new ArrayList<>(interactions.size());
        for (String id : new TreeMap<>(interactions).keySet()) {
            interaction(id).ifPresent(out::add);
        }
        return out;
    }

    /** A live offer, or a terminal one still retained; empty means unknown (404). */
    public Optional<OfferView> offer(String offerId) {
        TrackedOffer o = offers.get(offerId);
        if (o == null) {
            o = endedOffers.get(offerId);
        }
        return o == null ? Optional.empty() : Optional.of(o.view());
    }

    /**
     * Since when a call has been on hold (engine time): empty when it is not on hold, or when it was held before a
     * restore from a snapshot older than schema version 4 (which held the phase, not its time).
     */
    public OptionalLong heldSince(String interactionId) {
        TrackedInteraction i = interactions.get(interactionId);
        return i == null || i.phase != Phase.PARKED || i.heldSince == null
                ? OptionalLong.empty()
                : OptionalLong.of(i.heldSince);
    }

    /** The consult offer ringing for a colleague about a live call, if there is one (they have not answered yet). */
    public Optional<OfferView> consultOffer(String interactionId) {
        TrackedInteraction i = interactions.get(interactionId);
        return i == null || i.consultOfferId == null ? Optional.empty() : offer(i.consultOfferId);
    }

    /** An open assignment, or an ended one still retained. */
    public Optional<AssignmentView> assignment(String assignmentId) {
        TrackedAssignment as = assignments.get(assignmentId);
        if (as == null) {
            as = endedAssignments.get(assignmentId);
        }
        return as == null ? Optional.empty() : Optional.of(as.view());
    }

    /** The committed entries that touched the interaction, while it is live or retained. */
    public Optional<Trace> trace(String interactionId) {
        TrackedInteraction i = known(interactionId);
        return i == null
                ? Optional.empty()
                : Optional.of(new Trace(i.id, List.copyOf(i.trace), i.traceDropped, i.traceStartsAfter));
    }

    // ------------------------------------------------------------------ derived

    private QueueView queueView(String id, TrackedQueue q, int staffed) {
        Optional<ExpectedWait.Rate> rate = rate(id, q, staffed);
        return new QueueView(
                id,
                q.config.channel(),
                q.open,
                q.waiting.size(),
                q.live - q.waiting.size(),
                q.byEntered.isEmpty() ? null : q.byEntered.first().enteredAt,
                staffed,
                q.answeredToday,
                q.abandonedToday,
                dayStartedAt == Long.MIN_VALUE ? 0 : dayStartedAt,
                countsSince == Long.MIN_VALUE ? 0 : countsSince,
                estimate(rate, q.waiting.size() + 1));
    }

    /** No estimate for a closed queue: nobody will answer until it opens. */
    private Optional<ExpectedWait.Rate> rate(String id, TrackedQueue q, int staffed) {
        return q.open ? expectedWait.rate(id, q.config, q.media, staffed, lastAt) : Optional.empty();
    }

    private static Long estimate(Optional<ExpectedWait.Rate> rate, int position) {
        return rate.isPresent() && position >= 1 ? rate.get().forPosition(position) : null;
    }

    /** Staffed counts of every queue in one pass over the advisors. */
    private Map<String, Integer> staffedByQueue() {
        Map<String, Integer> counts = new HashMap<>();
        if (config == null) {
            return counts;
        }
        for (TrackedAgent a : agents.values()) {
            if (!a.staffing()) {
                continue;
            }
            RoutingProfile rp = config.routingProfile(a.routingProfile);
            UtilisationProfile up = config.utilisationProfile(a.utilisationProfile);
            if (rp == null || up == null) {
                continue;
            }
            for (QueueMembership m : rp.queues()) {
                TrackedQueue q = queues.get(m.queue());
                if (q != null && up.capacity(q.config.channel()) != null) {
                    counts.merge(m.queue(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private int staffed(String queue) {
        TrackedQueue q = queues.get(queue);
        if (config == null || q == null) {
            return 0;
        }
        int n = 0;
        for (TrackedAgent a : agents.values()) {
            if (a.staffing() && serves(a, queue, q.config.channel())) {
                n++;
            }
        }
        return n;
    }

    private boolean serves(TrackedAgent a, String queue, String channel) {
        RoutingProfile rp = config.routingProfile(a.routingProfile);
        UtilisationProfile up = config.utilisationProfile(a.utilisationProfile);
        return rp != null && up != null && rp.membership(queue) != null && up.capacity(channel) != null;
    }

    /**
     * A place in arrival order, opaque to clients: {@code createdAt:id} of the last interaction returned, base64url
     * (ids may hold characters a query string would have to escape).
     */
    static final class ArrivalCursor {
        private ArrivalCursor() {}

        static String encode(TrackedInteraction i) {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString((i.createdAt + ":" + i.id).getBytes(StandardCharsets.UTF_8));
        }

        static TrackedInteraction decode(String cursor) {
            String text;
            try {
                text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("malformed cursor", e);
            }
            int colon = text.indexOf(':');
            if (colon < 1 || colon == text.length() - 1) {
                throw new IllegalArgumentException("malformed cursor");
            }
            try {
                return TrackedInteraction.probe(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed cursor", e);
            }
        }
    }

    /** A place in a queue's order, opaque to clients: {@code tier:dueAt:order} of the last entry returned. */
    static final class Cursor {
        private Cursor() {}

        static String encode(TrackedVisit v) {
            return v.tier + ":" + v.dueAt + ":" + v.order;
        }

        static TrackedVisit decode(String cursor) {
            String[] parts = cursor.split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed cursor");
            }
            try {
                return TrackedVisit.probe(
                        Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed cursor", e);
            }
        }
    }
}
