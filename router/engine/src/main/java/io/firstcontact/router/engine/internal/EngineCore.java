package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.OfferStatus;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The routing engine's state, and the dispatch of each sequenced input to the rules of its concern: {@link
 * Reconfiguration}, {@link Workforce} (advisors, presence, sessions), {@link Contacts} (an interaction's own life),
 * {@link Targeting}, {@link Transfers}, {@link Visits} and {@link Overflow} (queueing), {@link Offering}, {@link WrapUp}
 * (assignments), {@link Schedule} (deadlines), {@link Outcomes}, and the channels' edges: {@link Callbacks}, {@link
 * Holds}, {@link Connections} (customers'), {@link Consults} and {@link Inventories} (sources'). Matching is the {@link RoutingIndex}'s, by the
 * {@link RoutingRule}. One thread applies each input and returns the facts and effects it decided. Nothing here reads
 * a clock, draws a random number or iterates a hash-ordered collection to make a decision.
 */
public final class EngineCore {
    /** Chained moves (overflow into a queue that overflows again) stop here within one input. */
    static final int MAX_MOVES_PER_INPUT = 8;

    static final int RECENT_OFFERS = 10_000;

    RoutingConfig config = RoutingConfig.empty();
    ConfigLookup lookup = new ConfigLookup(config);
    List<String> channelIds = List.of();
    /** Which channel indexes carry voice: the ones the advisors' phones decide. */
    boolean[] voiceChannels = new boolean[0];

    final TreeMap<String, QueueState> queues = new TreeMap<>();
    final TreeMap<String, AgentState> agents = new TreeMap<>();
    final LinkedHashMap<String, InteractionState> interactions = new LinkedHashMap<>();
    /** Live interactions by source object, in order: a source's inventory reads its range. */
    final TreeMap<String, InteractionState> bySourceRef = new TreeMap<>();

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
    int offerOrdinal;
    int movesThisInput;
    // Working lists reused across inputs; each decision takes one exact-size immutable copy.
    private final ArrayList<Fact> facts = new ArrayList<>();
    private final ArrayList<Effect> effects = new ArrayList<>();

    // The rules, by concern; each changes the state above through this core.
    final Schedule schedule = new Schedule(this);
    final Reconfiguration reconfiguration = new Reconfiguration(this);
    final Workforce workforce = new Workforce(this);
    final Targeting targeting = new Targeting(this);
    final Contacts contacts = new Contacts(this);
    final Transfers transfers = new Transfers(this);
    final Outcomes outcomes = new Outcomes(this);
    final Visits visits = new Visits(this);
    final Overflow overflow = new Overflow(this);
    final Offering offering = new Offering(this);
    final WrapUp wrapUp = new WrapUp(this);
    final Callbacks callbacks = new Callbacks(this);
    final Holds holds = new Holds(this);
    final Connections connections = new Connections(this);
    final Consults consults = new Consults(this);
    final Inventories inventories = new Inventories(this);

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
            case Command.ConfigureRouting c -> reconfiguration.apply(c.config());
            case Command.DefineAgent c -> workforce.defineAgent(c);
            case Command.ChangeSkills c -> workforce.changeSkills(c);
            case Command.AssignRoutingProfile c -> workforce.assignRoutingProfile(c);
            case Command.LogIn c -> workforce.logIn(c);
            case Command.ChangePresence c -> workforce.changePresence(c);
            case Command.SessionLost c -> workforce.sessionLost(c.agentId());
            case Command.SessionRestored c -> workforce.sessionRestored(c.agentId());
            case Command.CreateInteraction c -> contacts.create(c);
            case Command.QueueInteraction c -> contacts.queueInteraction(c);
            case Command.UpdateAttributes c -> contacts.updateAttributes(c);
            case Command.IdentifyCustomer c -> contacts.identify(c);
            case Command.UpdateRouting c -> contacts.updateRouting(c);
            case Command.TransferToQueue c -> transfers.toQueue(c);
            case Command.TransferToAgent c -> transfers.toAgent(c);
            case Command.TransferExternal c -> transfers.external(c);
            case Command.EndInteraction c -> contacts.endInteraction(c.interactionId(), c.reason());
            case Command.OfferDelivered c -> offering.offerDelivered(c.offerId());
            case Command.AcceptOffer c -> offering.acceptCommand(c.offerId());
            case Command.RejectOffer c -> offering.reject(c.offerId());
            case Command.OfferFailed c -> offering.failed(c.offerId(), c.cause());
            case Command.CancelOffer c -> offering.cancelCommand(c.offerId(), c.cause());
            case Command.ExtendWrapUp c -> wrapUp.extend(c.assignmentId(), c.extraMillis());
            case Command.EndWrapUp c -> wrapUp.end(c.assignmentId());
            case Command.OpenQueue c -> visits.openQueue(c.queue());
            case Command.CloseQueue c -> visits.closeQueue(c.queue());
            case Command.DeadlinesDue c -> schedule.fireDue();
            case Command.RecordSelfService c -> outcomes.recordSelfService(c);
            case Command.RecordCrossSell c -> outcomes.recordCrossSell(c);
            case Command.RecordWrapUp c -> outcomes.recordWrapUp(c);
            case Command.ReportOnlineActivity c -> fact(new Fact.OnlineActivityReported(c.customerRef(), c.activity()));
            case Command.DeviceStateChanged c -> workforce.deviceStateChanged(c);
            case Command.RequestCallback c -> callbacks.request(c);
            case Command.CallbackDialOutcome c -> callbacks.dialled(c);
            case Command.ScheduleCallback c -> callbacks.schedule(c);
            case Command.Park c -> holds.park(c.interactionId());
            case Command.Resume c -> holds.resume(c.interactionId());
            case Command.CustomerDisconnected c -> connections.lost(c.interactionId());
            case Command.CustomerReconnected c -> connections.restored(c.interactionId());
            case Command.StartConsult c -> consults.start(c);
            case Command.EndConsult c -> consults.end(c);
            case Command.SourceInventory c -> inventories.reconcile(c);
            case Command.RefusedAsNotSupported c ->
                refuse(Refusal.NOT_SUPPORTED_YET, c.command() + " is not supported yet");
        }
    }

    /** Whether the channel carries voice (the one the advisors' phones and holds are about). */
    boolean isVoice(String channel) {
        return lookup.channels.get(channel).mediaClass() == MediaClass.REALTIME_VOICE;
    }

    static boolean[] voiceChannels(RoutingConfig c) {
        boolean[] voice = new boolean[c.channels().size()];
        for (int k = 0; k < voice.length; k++) {
            voice[k] = c.channels().get(k).mediaClass() == MediaClass.REALTIME_VOICE;
        }
        return voice;
    }

    // ------------------------------------------------------------------ outputs

    void refuse(Refusal reason, String message) {
        effects.add(new Effect.Refused(reason, message));
    }

    void fact(Fact f) {
        facts.add(f);
    }

    void effect(Effect e) {
        effects.add(e);
    }

    /** After a change: apply unstaffed overflow where staffing dropped, then make every offer that can be made. */
    void settle() {
        for (VisitState v : index.newlyUnstaffed()) {
            overflow.unstaffedCheck(v); // again: an earlier rule in this loop may have moved or staffed it
        }
        index.match(this);
    }

    // ------------------------------------------------------------------ configuration

    // ------------------------------------------------------------------ advisors

    /** The advisor, or null with the command refused. */
    AgentState agent(String id) {
        AgentState a = agents.get(id);
        if (a == null) {
            refuse(Refusal.NOT_FOUND, "no such advisor");
        }
        return a;
    }

    // ------------------------------------------------------------------ interactions

    /** The live interaction, or null with the command refused. */
    InteractionState interaction(String id) {
        InteractionState i = interactions.get(id);
        if (i == null) {
            refuse(Refusal.NOT_FOUND, "no such live interaction");
        }
        return i;
    }

    // ------------------------------------------------------------------ queueing and visits

    // ------------------------------------------------------------------ offers

    /** Called by the index: offer the visit's interaction to the advisor. */
    void makeOffer(VisitState v, AgentState a) {
        offering.makeOffer(v, a);
    }

    // ------------------------------------------------------------------ reads

    public RoutingConfig config() {
        return config;
    }

    List<String> channelIds() {
        return channelIds;
    }

    TreeMap<String, QueueState> queues() {
        return queues;
    }

    TreeMap<String, AgentState> agents() {
        return agents;
    }

    LinkedHashMap<String, InteractionState> interactions() {
        return interactions;
    }

    LinkedHashMap<String, OfferState> offers() {
        return offers;
    }

    LinkedHashMap<String, AssignmentState> assignments() {
        return assignments;
    }

    TreeSet<Deadline> deadlines() {
        return deadlines;
    }

    RoutingIndex index() {
        return index;
    }

    long now() {
        return now;
    }

    /** 1 + the waiting interactions of its queue with a better place, or 0 when it is not waiting. */
    public int position(String interactionId) {
        InteractionState i = interactions.get(interactionId);
        return i == null || i.visit == null ? 0 : index.position(i.visit);
    }

    /** What the last input cost the index. */
    public WorkCounters counters() {
        return index.counters();
    }

    public long lastSeq() {
        return lastSeq;
    }

    public long lastAt() {
        return lastAt;
    }
}
