package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.api.model.VisitOutcome;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The statistics' state and how each committed fact changes it. Every fact touches only what it names — its queue's
 * line and counts, its channel's and the centre's counts, one advisor and the scopes they count in, one contact — so
 * each costs O(1) (an advisor's state change costs one step per scope they serve, a number the configuration
 * bounds). Two things cost more, and happen rarely: a configuration change re-counts every advisor's scopes, and the
 * first entry of a new day closes the day (every scope and advisor is brought up to midnight and the day is written to
 * the history store). Nothing here reads a clock: time is each entry's engine time, so the same journal always folds to
 * the same state.
 */
final class StatisticsFold {
    /** How many closed days stay in memory (and in the snapshot) after being handed to the history store. */
    static final int CLOSED_DAYS_KEPT = 2;

    private final StatisticsOptions options;
    private final Days days;
    private final HistoryStore history;
    private final CustomerKeys keys;
    final AlertWatch alerts;

    RoutingConfig config = RoutingConfig.empty();
    long seq;
    long at;
    LocalDate date;
    long dayStart;
    long dayEnd;

    final LinkedHashMap<String, QueueLine> lines = new LinkedHashMap<>();
    final LinkedHashMap<String, Scope> queueScopes = new LinkedHashMap<>();
    final TreeMap<String, Scope> channelScopes = new TreeMap<>();
    final Scope centre = new Scope("centre");
    CentreTally centreToday = new CentreTally();
    final TreeMap<String, Advisor> advisors = new TreeMap<>();
    final HashMap<String, Work> work = new HashMap<>();
    final HashMap<String, StatisticsSnapshot.OfferSnap> offers = new HashMap<>();
    final HashMap<String, Contact> contacts = new HashMap<>();
    final Outcomes outcomes = new Outcomes();
    final FirstContact firstContact;
    final ChannelShift channelShift;
    final Deque<DayRecord> closedDays = new ArrayDeque<>();

    /** The centre's record as last published, with its day: what readers on other threads see. */
    record PublishedCentre(LocalDate date, CentreRecord record) {}

    volatile PublishedCentre centrePublished = new PublishedCentre(null, CentreRecord.NONE);
    /** The queues or channels there are changed (configuration, a new day): readers' references need updating. */
    boolean reshaped = true;

    // What the entry being folded changed, for the listeners.
    final TreeSet<String> changedQueues = new TreeSet<>();
    final TreeSet<String> changedChannels = new TreeSet<>();
    final TreeSet<String> changedAgents = new TreeSet<>();

    /** The centre's day beyond the scopes' counts, mutable. */
    static final class CentreTally {
        final Map<String, Long> contactsByChannel = new TreeMap<>();
        final Map<String, Map<SelfServiceOutcome, Long>> selfService = new TreeMap<>();
        final Map<String, Long> advisorHandled = new TreeMap<>();
        long callbacksRequested;
        long callbacksKept;
        long callbacksDialled;
        long callbacksNotReached;
        long callbacksFailed;

        CentreRecord record() {
            return new CentreRecord(
                    contactsByChannel,
                    selfService,
                    advisorHandled,
                    callbacksRequested,
                    callbacksKept,
                    callbacksDialled,
                    callbacksNotReached,
                    callbacksFailed);
        }

        static CentreTally of(CentreRecord r) {
            CentreTally t = new CentreTally();
            t.contactsByChannel.putAll(r.contactsByChannel());
            r.selfServiceByChannel().forEach((c, m) -> {
                Map<SelfServiceOutcome, Long> copy = new EnumMap<>(SelfServiceOutcome.class);
                copy.putAll(m);
                t.selfService.put(c, copy);
            });
            t.advisorHandled.putAll(r.advisorHandledByChannel());
            t.callbacksRequested = r.callbacksRequested();
            t.callbacksKept = r.callbacksKept();
            t.callbacksDialled = r.callbacksDialled();
            t.callbacksNotReached = r.callbacksNotReached();
            t.callbacksFailed = r.callbacksFailed();
            return t;
        }
    }

    StatisticsFold(StatisticsOptions options, HistoryStore history, CustomerKeys keys, AlertWatch alerts) {
        this.options = options;
        this.days = new Days(options.zone());
        this.history = history;
        this.keys = keys;
        this.alerts = alerts;
        this.firstContact = new FirstContact(options.firstContactWindow().toMillis());
        this.channelShift = new ChannelShift(options.channelShiftWindow().toMillis(), options.channelShiftActivities());
    }

    Days days() {
        return days;
    }

    // ------------------------------------------------------------------ entries

    /** Folds one committed entry; an entry at or before the state's position (restored from a snapshot) is skipped. */
    boolean fold(EngineInput input, Decision decision) {
        if (input.seq() <= seq) {
            return false;
        }
        long t = input.at();
        rollTo(t);
        at = t;
        Command command = input.command();
        for (Fact f : decision.facts()) {
            apply(f, command, t);
        }
        seq = input.seq();
        return true;
    }

    private void apply(Fact fact, Command command, long t) {
        switch (fact) {
            case Fact.ConfigurationApplied f -> {
                if (command instanceof Command.ConfigureRouting c) {
                    configure(c.config(), t);
                }
            }
            case Fact.AgentDefined f -> profiles(f.agentId(), f.utilisationProfile(), f.routingProfile(), t);
            case Fact.RoutingProfileAssigned f -> {
                Advisor a = advisors.get(f.agentId());
                if (a != null) {
                    profiles(a.id, a.utilisationProfile, f.routingProfile(), t);
                }
            }
            case Fact.PresenceChanged f -> presence(f, t);
            case Fact.InteractionCreated f -> created(f, command, t);
            case Fact.AttributesChanged f -> {
                Contact c = contacts.get(f.interactionId());
                if (c != null && c.identity == null && command instanceof Command.UpdateAttributes u) {
                    identify(c, u.attributes(), t);
                }
            }
            case Fact.CustomerIdentified f -> customerIdentified(f, t);
            case Fact.VisitStarted f -> visitStarted(f, t);
            case Fact.VisitEnded f -> visitEnded(f, t);
            case Fact.OfferCreated f -> offerCreated(f, t);
            case Fact.OfferStatusChanged f -> offerEnded(f, t);
            case Fact.AssignmentStarted f -> assignmentStarted(f, t);
            case Fact.WrapUpStarted f -> {
                Work w = work.get(f.assignmentId());
                Advisor a = advisors.get(f.agentId());
                if (w != null && w.wrapStartedAt < 0 && a != null) {
                    w.endHold(t);
                    w.wrapStartedAt = t;
                    a.active--;
                    a.wrapping++;
                    settle(a, t);
                }
            }
            case Fact.AssignmentEnded f -> assignmentEnded(f, t);
            case Fact.InteractionEnded f -> {
                Contact c = contacts.get(f.interactionId());
                if (c != null) {
                    c.ended = true;
                    c.endedAt = t;
                    c.endReason = f.reason();
                    if (f.reason() == EndReason.CALLBACK_FAILED) {
                        centreToday.callbacksFailed++;
                        changedChannels.add(c.channel);
                    }
                    finishIfComplete(c);
                }
            }
            case Fact.QueueOpened f -> opened(f.queue(), true, t);
            case Fact.QueueClosed f -> opened(f.queue(), false, t);
            case Fact.SelfServiceRecorded f -> {
                centreToday
                        .selfService
                        .computeIfAbsent(f.channel(), c -> new EnumMap<>(SelfServiceOutcome.class))
                        .merge(f.outcome(), 1L, Long::sum);
                Contact c = contacts.get(f.interactionId());
                if (c != null) {
                    c.selfService.add(f.service() + ":" + f.outcome());
                }
                changedChannels.add(f.channel());
            }
            case Fact.CrossSellRecorded f -> crossSell(f, t);
            case Fact.WrapUpRecorded f -> {
                Contact c = contacts.get(f.interactionId());
                if (c != null) {
                    c.wrapUpCodes = List.copyOf(f.codes());
                }
            }
            case Fact.OnlineActivityReported f ->
                channelShift.activity(keys.key("ref", f.customerRef()), f.activity(), t, outcomes);
            case Fact.InteractionParked f -> {
                if (held(f.interactionId(), t, true)) {
                    countFor(f.interactionId(), t, x -> x.holds++);
                }
            }
            case Fact.InteractionResumed f -> held(f.interactionId(), t, false);
            case Fact.CallbackRequested f -> {
                centreToday.callbacksRequested++; // a waiting caller's: the visit ended CALLBACK_CONVERTED before
                changedChannels.add(channelOf(f.queue()));
            }
            case Fact.CallbackDialled f -> callbackDialled(f);
            case Fact.ConsultStarted f -> consultStarted(f, t);
            case Fact.ConsultEnded f -> consultEnded(f, t);
            case Fact.CustomerConnectionLost f -> countFor(f.interactionId(), t, x -> x.connectionsLost++);
            case Fact.CustomerConnectionRestored f -> countFor(f.interactionId(), t, x -> x.connectionsRestored++);
            // The channels' edges the statistics do not count: the visits, offers and assignments they cause do.
            case Fact.AgentDeviceChanged f -> {}
            case Fact.DeviceAssigned f -> {}
            case Fact.CallbackScheduled f -> {}
            case Fact.InventoryReconciled f -> {}
            // Routing details the statistics do not count.
            case Fact.AgentSkillsChanged f -> {}
            case Fact.PresencePending f -> {}
            case Fact.PresencePendingWithdrawn f -> {}
            case Fact.SessionChanged f -> {}
            case Fact.RequirementsRelaxed f -> {}
            case Fact.OverflowApplied f -> {}
            case Fact.TierChanged f -> {}
            case Fact.AgeBonusChanged f -> {}
            case Fact.TargetReleased f -> {}
            case Fact.MaxWaitReached f -> {}
        }
    }

    // ------------------------------------------------------------------ configuration and advisors

    private void configure(RoutingConfig next, long t) {
        config = next;
        reshaped = true;
        for (QueueConfig qc : next.queues()) {
            QueueLine line = lines.get(qc.id());
            if (line == null) {
                lines.put(qc.id(), new QueueLine(qc, qc.openAtStart()));
            } else {
                line.configure(qc);
            }
            queueScopes.computeIfAbsent(qc.id(), this::newScope);
            changedQueues.add(qc.id());
        }
        for (ChannelConfig c : next.channels()) {
            channelScopes.computeIfAbsent(c.id(), this::newScope);
            changedChannels.add(c.id());
        }
        for (Advisor a : advisors.values()) {
            a.moveTo(t, scopesOf(a));
            changedAgents.add(a.id);
        }
        for (QueueLine line : lines.values()) {
            checkQueue(line, t);
        }
    }

    private Scope newScope(String name) {
        Scope s = new Scope(name);
        if (date != null) {
            s.newDay(dayStart, dayEnd, days.intervals(date), at);
        }
        return s;
    }

    private void profiles(String agentId, String utilisation, String routing, long t) {
        Advisor a = advisors.computeIfAbsent(agentId, Advisor::new);
        if (a.stateSince == 0) {
            a.stateSince = t;
            a.enteredAt = t;
        }
        List<Scope> before = a.scopes;
        a.utilisationProfile = utilisation;
        a.routingProfile = routing;
        a.moveTo(t, scopesOf(a));
        changedAgents.add(a.id);
        staffingChanged(before, t);
        staffingChanged(a.scopes, t);
    }

    /** The scopes an advisor counts in: the queues of their routing profile, the channels they can take, the centre. */
    List<Scope> scopesOf(Advisor a) {
        List<Scope> out = new ArrayList<>();
        RoutingProfile rp = config.routingProfile(a.routingProfile);
        if (rp != null) {
            for (QueueMembership m : rp.queues()) {
                Scope s = queueScopes.get(m.queue());
                if (s != null) {
                    out.add(s);
                }
            }
        }
        UtilisationProfile up = config.utilisationProfile(a.utilisationProfile);
        if (up != null) {
            for (ChannelCapacity c : up.channels()) {
                Scope s = channelScopes.get(c.channel());
                if (s != null) {
                    out.add(s);
                }
            }
        }
        out.add(centre);
        return out;
    }

    private void presence(Fact.PresenceChanged f, long t) {
        Advisor a = advisors.get(f.agentId());
        if (a == null) {
            return;
        }
        a.presence = f.to();
        a.reason = f.reason();
        a.presenceSince = t;
        settle(a, t);
        alerts.notReady(a, t, now -> recheckNotReady(a.id, now));
    }

    /** Re-derives the advisor's state; when it changed, their scopes' counts (and staffing alerts) follow. */
    private void settle(Advisor a, long t) {
        AdvisorState before = a.state;
        a.settle(t);
        changedAgents.add(a.id);
        if (before != a.state) {
            for (Scope s : a.scopes) {
                markChanged(s);
            }
            if ((before == AdvisorState.LOGGED_OUT) != (a.state == AdvisorState.LOGGED_OUT)) {
                staffingChanged(a.scopes, t);
            }
        }
    }

    private void markChanged(Scope s) {
        if (queueScopes.get(s.name()) == s) {
            changedQueues.add(s.name());
        } else if (channelScopes.get(s.name()) == s) {
            changedChannels.add(s.name());
        }
    }

    private void staffingChanged(List<Scope> scopes, long t) {
        for (Scope s : scopes) {
            QueueLine line = lines.get(s.name());
            if (line != null && queueScopes.get(s.name()) == s) {
                alerts.staffing(line, s.loggedIn(), t);
            }
        }
    }

    private void recheckNotReady(String agentId, long now) {
        Advisor a = advisors.get(agentId);
        if (a != null) {
            alerts.notReady(a, now, n -> recheckNotReady(agentId, n));
        }
    }

    private void recheckLongestWait(String queue, long now) {
        QueueLine line = lines.get(queue);
        if (line != null) {
            alerts.longestWait(line, now, n -> recheckLongestWait(queue, n));
        }
    }

    /** Every alert of a queue, from scratch (after a configuration change, and when going live). */
    void checkQueue(QueueLine line, long t) {
        alerts.longestWait(line, t, n -> recheckLongestWait(line.queue, n));
        Scope s = queueScopes.get(line.queue);
        if (s != null) {
            alerts.staffing(line, s.loggedIn(), t);
            alerts.serviceLevel(line, s.day(t), t);
        }
    }

    void checkAdvisor(Advisor a, long t) {
        alerts.notReady(a, t, now -> recheckNotReady(a.id, now));
    }

    private void opened(String queue, boolean open, long t) {
        QueueLine line = lines.get(queue);
        Scope s = queueScopes.get(queue);
        if (line != null && s != null) {
            line.open(open);
            alerts.staffing(line, s.loggedIn(), t);
            changedQueues.add(queue);
        }
    }

    // ------------------------------------------------------------------ contacts

    private void created(Fact.InteractionCreated f, Command command, long t) {
        Contact c = new Contact(f.interactionId(), f.channel(), f.direction(), f.arrivedAt(), f.customerRef());
        contacts.put(c.interactionId, c);
        centreToday.contactsByChannel.merge(f.channel(), 1L, Long::sum);
        changedChannels.add(f.channel());
        if (f.direction() == Direction.CALLBACK) { // a callback promised: an interaction of its own from the start
            centreToday.callbacksRequested++;
        }
        if (f.direction() == Direction.INBOUND) {
            Outcomes.Day day = outcomes.day(days.dateOf(c.arrivedAt));
            if (day != null) {
                day.contacts++;
            }
            Attributes attributes = command instanceof Command.CreateInteraction ci
                            && ci.interactionId().equals(f.interactionId())
                    ? ci.attributes()
                    : Attributes.NONE;
            identify(c, attributes, t);
        }
    }

    /**
     * Recognises the contact's customer — by customer reference, else by the first identity attribute it carries —
     * and checks it against their last contact. The key is opaque ({@link CustomerKeys}); the values are not kept.
     */
    private void identify(Contact c, Attributes attributes, long t) {
        if (c.direction != Direction.INBOUND) {
            return;
        }
        String key = null;
        if (c.customerRef != null) {
            key = keys.key("ref", c.customerRef);
        } else {
            for (String name : options.identityAttributes()) {
                String value = attributes.get(name);
                if (value != null && !value.isBlank()) {
                    key = keys.key(name, value.strip());
                    break;
                }
            }
        }
        if (key == null) {
            return;
        }
        Outcomes.Day day = outcomes.day(days.dateOf(c.arrivedAt));
        if (day != null) {
            day.identified++;
        }
        judge(c, key, t);
    }

    /**
     * The contact's customer was identified after it arrived (a caller found by their number or a reference keyed in
     * the IVR): from now on it counts under the customer reference, so that a call and an email of the same customer
     * are one customer's contacts, and cross-sell on it counts for channel shift. A contact already judged by its
     * number or address is judged again under the reference, never counted twice: it leaves its old key only while it
     * is still that key's last contact (a later contact from the same number has judged it already otherwise); it is
     * identified once, a repeat once, and each earlier contact is counted repeated at most once.
     */
    private void customerIdentified(Fact.CustomerIdentified f, long t) {
        Contact c = contacts.get(f.interactionId());
        if (c == null || c.customerRef != null) {
            return;
        }
        c.customerRef = f.customerRef();
        String ref = keys.key("ref", c.customerRef);
        for (String offered : c.crossSell) { // prompts recorded before the customer was known
            int colon = offered.lastIndexOf(':');
            offeredForShift(
                    ref, offered.substring(0, colon), CrossSellOutcome.valueOf(offered.substring(colon + 1)), t);
        }
        if (c.direction != Direction.INBOUND || ref.equals(c.identity)) {
            return;
        }
        if (c.identity == null) {
            identify(c, Attributes.NONE, t);
        } else if (firstContact.release(c.identity, c.judgedAt)) {
            judge(c, ref, t);
        } else {
            c.identity = ref;
        }
    }

    /** Checks the contact against its customer's last contact under {@code key}; a repeat is counted once. */
    private void judge(Contact c, String key, long t) {
        c.identity = key;
        c.judgedAt = t;
        LocalDate arrived = days.dateOf(c.arrivedAt);
        boolean repeat = firstContact.contact(key, t, arrived, outcomes);
        if (repeat && !c.repeat) {
            c.repeat = true;
            Outcomes.Day day = outcomes.day(arrived);
            if (day != null) {
                day.repeats++;
            }
        }
    }

    private void finishIfComplete(Contact c) {
        if (!c.complete()) {
            return;
        }
        contacts.remove(c.interactionId);
        LocalDate arrived = days.dateOf(c.arrivedAt);
        if (c.repeat) {
            Outcomes.Day day = outcomes.day(arrived);
            if (day != null) {
                day.repeatsByReason.merge(c.reason(), 1L, Long::sum);
            }
        }
        history.saveContact(arrived, c.record());
    }

    private void crossSell(Fact.CrossSellRecorded f, long t) {
        Work w = work.get(f.assignmentId());
        if (w != null) {
            w.crossSell.put(f.service(), f.outcome());
        }
        Contact c = contacts.get(f.interactionId());
        if (c == null) {
            return;
        }
        c.crossSell.removeIf(s -> s.startsWith(f.service() + ":"));
        c.crossSell.add(f.service() + ":" + f.outcome());
        if (c.customerRef != null) {
            offeredForShift(keys.key("ref", c.customerRef), f.service(), f.outcome(), t);
        }
    }

    /** A prompt the customer heard (not one the advisor found unsuitable) waits for their channel shift. */
    private void offeredForShift(String customer, String service, CrossSellOutcome outcome, long t) {
        if (outcome != CrossSellOutcome.NOT_SUITABLE) {
            channelShift.offered(customer, service, t, days.dateOf(t), outcomes);
        }
    }

    // ------------------------------------------------------------------ visits, offers, assignments

    private void visitStarted(Fact.VisitStarted f, long t) {
        QueueLine line = lines.get(f.queue());
        if (line == null) {
            return;
        }
        line.started(f.visitId(), f.enteredAt());
        count(f.queue(), line.channel, t, x -> x.offered++);
        Contact c = contacts.get(f.interactionId());
        if (c != null) {
            c.visits++;
            if (c.firstQueue == null) {
                c.firstQueue = f.queue();
            }
            c.lastQueue = f.queue();
        }
        recheckLongestWait(f.queue(), t);
    }

    private void visitEnded(Fact.VisitEnded f, long t) {
        QueueLine line = lines.get(f.queue());
        if (line == null) {
            return;
        }
        line.ended(f.visitId());
        long wait = t - f.enteredAt();
        long threshold = line.thresholdMillis;
        VisitOutcome o = f.outcome();
        ServiceLevelDefinition sl = options.serviceLevel();
        count(f.queue(), line.channel, t, x -> {
            switch (o) {
                case ANSWERED -> {
                    x.answered++;
                    x.answerWaitMillis += wait;
                    if (wait <= threshold) {
                        x.answeredWithinThreshold++;
                    }
                }
                case ABANDONED, ABANDONED_WHILE_ALERTING -> {
                    x.abandoned++;
                    if (sl.shortAbandon(wait)) {
                        x.abandonedShort++;
                    }
                    if (wait <= threshold) {
                        x.abandonedWithinThreshold++;
                    }
                    if (o == VisitOutcome.ABANDONED_WHILE_ALERTING) {
                        x.abandonedWhileAlerting++;
                    }
                }
                default -> x.endedOtherwise++;
            }
        });
        Contact c = contacts.get(f.interactionId());
        if (c != null) {
            if (!c.answered) {
                c.waitMillis += wait;
            }
            if (o == VisitOutcome.ANSWERED) {
                c.answered = true;
            }
        }
        recheckLongestWait(f.queue(), t);
        Scope s = queueScopes.get(f.queue());
        if (s != null) {
            alerts.serviceLevel(line, s.day(t), t);
        }
    }

    /**
     * The call goes on or comes off hold: the hold runs on its open assignments not yet wrapping up. Says whether a
     * hold started (a second park of a call on hold is not a second hold).
     */
    private boolean held(String interactionId, long t, boolean onHold) {
        Contact c = contacts.get(interactionId);
        if (c == null) {
            return false;
        }
        boolean started = false;
        for (String id : c.work) { // an interaction's open assignments: one, two during a consult
            Work w = work.get(id);
            if (w != null && w.wrapStartedAt < 0) {
                if (!onHold) {
                    w.endHold(t);
                } else if (w.heldSince < 0) {
                    w.heldSince = t;
                    started = true;
                }
            }
        }
        return started;
    }

    private void callbackDialled(Fact.CallbackDialled f) {
        centreToday.callbacksDialled++;
        if (f.outcome() == DialOutcome.ANSWERED) { // the promise kept: the customer was reached
            centreToday.callbacksKept++;
        } else {
            centreToday.callbacksNotReached++;
        }
        Contact c = contacts.get(f.interactionId());
        if (c != null) {
            changedChannels.add(c.channel);
            for (String id : c.work) {
                Work w = work.get(id);
                if (w != null && f.outcome() != DialOutcome.ANSWERED && w.agentId.equals(f.agentId())) {
                    w.leg = true; // the advisor's dial reached nobody: not a contact handled
                }
            }
        }
    }

    /**
     * A colleague joined the call: a consultation of the call's queue. Their leg is not a contact handled (unless it
     * takes the call over), and the call's advisor stays the one who handles it until then.
     */
    private void consultStarted(Fact.ConsultStarted f, long t) {
        Work leg = work.get(f.assignmentId());
        if (leg != null) {
            leg.leg = true;
        }
        Contact c = contacts.get(f.interactionId());
        if (c != null) {
            for (String id : c.work) {
                Work w = work.get(id);
                if (w != null && !w.leg) {
                    c.agentId = w.agentId;
                }
            }
        }
        countFor(f.interactionId(), t, x -> x.consults++);
    }

    private void consultEnded(Fact.ConsultEnded f, long t) {
        if (f.outcome() != ConsultOutcome.COMPLETED) {
            return; // a leg that ends (or an offer nobody answered) changes nothing counted
        }
        Contact c = contacts.get(f.interactionId());
        if (c == null) {
            return;
        }
        for (String id : c.work) {
            Work w = work.get(id);
            if (w != null && w.leg && w.agentId.equals(f.agentId())) {
                w.leg = false; // the colleague's leg is the call now: handled when it ends
                c.agentId = w.agentId;
            }
        }
        countFor(f.interactionId(), t, x -> x.consultTransfers++);
    }

    /** Counts at {@code t} for an interaction: in the queue it is in or was last in, its channel and the centre. */
    private void countFor(String interactionId, long t, java.util.function.Consumer<Tally> change) {
        Contact c = contacts.get(interactionId);
        if (c == null) {
            return;
        }
        String queue = c.lastQueue == null ? "" : c.lastQueue;
        QueueLine line = lines.get(queue);
        count(queue, line != null ? line.channel : c.channel, t, change);
    }

    private String channelOf(String queue) {
        QueueLine line = lines.get(queue);
        return line != null ? line.channel : "";
    }

    /** Counts at {@code t} in the queue, its channel and the centre. */
    private void count(String queue, String channel, long t, java.util.function.Consumer<Tally> change) {
        Scope q = queueScopes.get(queue);
        if (q != null) {
            q.record(t, change);
            changedQueues.add(queue);
        }
        Scope c = channelScopes.get(channel);
        if (c != null) {
            c.record(t, change);
            changedChannels.add(channel);
        }
        centre.record(t, change);
    }

    private void offerCreated(Fact.OfferCreated f, long t) {
        offers.put(
                f.offerId(),
                new StatisticsSnapshot.OfferSnap(f.offerId(), f.visitId(), f.queue(), f.channel(), f.agentId()));
        QueueLine line = lines.get(f.queue());
        if (line != null) {
            line.offered(f.visitId());
            changedQueues.add(f.queue());
            recheckLongestWait(f.queue(), t);
        }
        Advisor a = advisors.get(f.agentId());
        if (a != null) {
            a.offers++;
            settle(a, t);
        }
    }

    private void offerEnded(Fact.OfferStatusChanged f, long t) {
        if (f.status().live()) {
            return;
        }
        StatisticsSnapshot.OfferSnap offer = switch (f.status()) {
            case ACCEPTED -> offers.get(f.offerId()); // its assignment takes it next
            default -> offers.remove(f.offerId());
        };
        Advisor a = advisors.get(f.agentId());
        if (a != null) {
            a.offers--;
            if (f.status() == OfferStatus.TIMED_OUT) {
                a.ronas++;
            }
            settle(a, t);
        }
        if (offer != null && f.status() != OfferStatus.ACCEPTED) {
            QueueLine line = lines.get(offer.queue());
            if (line != null) {
                line.backInLine(offer.visitId()); // unless a later fact of the entry ends the visit
                changedQueues.add(offer.queue());
                recheckLongestWait(offer.queue(), t);
            }
        }
    }

    private void assignmentStarted(Fact.AssignmentStarted f, long t) {
        StatisticsSnapshot.OfferSnap offer = offers.remove(f.assignmentId()); // an assignment is named after its offer
        Contact c = contacts.get(f.interactionId());
        String queue = offer != null ? offer.queue() : (c != null ? c.lastQueue : null);
        work.put(f.assignmentId(), new Work(f.assignmentId(), f.agentId(), f.interactionId(), queue, f.channel(), t));
        Advisor a = advisors.get(f.agentId());
        if (a != null) {
            a.active++;
            settle(a, t);
        }
        if (c != null) {
            if (c.agentId == null) {
                centreToday.advisorHandled.merge(f.channel(), 1L, Long::sum);
                changedChannels.add(f.channel());
            }
            c.agentId = f.agentId();
            c.work.add(f.assignmentId());
        }
    }

    private void assignmentEnded(Fact.AssignmentEnded f, long t) {
        Work w = work.remove(f.assignmentId());
        if (w == null) {
            return;
        }
        w.endHold(t);
        if (w.leg) {
            legEnded(w, t);
            return;
        }
        long hold = w.holdMillis;
        long talk = Math.max(0, (w.wrapStartedAt >= 0 ? w.wrapStartedAt : t) - w.startedAt - hold);
        long wrap = w.wrapStartedAt >= 0 ? t - w.wrapStartedAt : 0;
        String channel = w.channel;
        if (w.queue != null) {
            QueueLine line = lines.get(w.queue);
            if (line != null) {
                channel = line.channel;
            }
        }
        String queue = w.queue;
        count(queue == null ? "" : queue, channel, t, x -> {
            x.handled++;
            x.talkMillis += talk;
            x.holdMillis += hold;
            x.wrapUpMillis += wrap;
        });
        Advisor a = advisors.get(w.agentId);
        if (a != null) {
            if (w.wrapStartedAt >= 0) {
                a.wrapping--;
            } else {
                a.active--;
            }
            a.handled++;
            a.talkMillis += talk;
            a.holdMillis += hold;
            a.wrapUpMillis += wrap;
            for (CrossSellOutcome o : w.crossSell.values()) {
                if (o != CrossSellOutcome.NOT_SUITABLE) {
                    a.crossSellOffered++;
                }
                if (o == CrossSellOutcome.ACCEPTED) {
                    a.crossSellAccepted++;
                }
            }
            settle(a, t);
        }
        Contact c = contacts.get(w.interactionId);
        if (c != null) {
            c.talkMillis += talk;
            c.holdMillis += hold;
            c.wrapUpMillis += wrap;
            c.work.remove(w.assignmentId);
            finishIfComplete(c);
        }
    }

    /** A leg ended (a consult that did not take the call, an unanswered dial): the advisor is free, nothing handled. */
    private void legEnded(Work w, long t) {
        Advisor a = advisors.get(w.agentId);
        if (a != null) {
            if (w.wrapStartedAt >= 0) {
                a.wrapping--;
            } else {
                a.active--;
            }
            settle(a, t);
        }
        Contact c = contacts.get(w.interactionId);
        if (c != null) {
            c.work.remove(w.assignmentId);
            finishIfComplete(c);
        }
    }

    // ------------------------------------------------------------------ days

    /** Starts the first day, or closes each day that ended before {@code t}. */
    void rollTo(long t) {
        if (date == null) {
            startDay(days.dateOf(t), t);
            return;
        }
        while (t >= dayEnd) {
            closeDay();
            startDay(date.plusDays(1), dayEnd);
        }
    }

    private void startDay(LocalDate d, long from) {
        date = d;
        dayStart = days.start(d);
        dayEnd = days.end(d);
        int n = days.intervals(d);
        for (Scope s : allScopes()) {
            s.newDay(dayStart, dayEnd, n, from);
        }
        for (Advisor a : advisors.values()) {
            a.newDay(dayStart);
        }
        centreToday = new CentreTally();
        outcomes.day(d);
        for (OutcomeRecord finished : outcomes.dropBefore(d.minusDays(options.outcomeDays() - 1L))) {
            history.saveOutcomes(finished);
        }
        alerts.newDay(lines.values());
        changedQueues.addAll(queueScopes.keySet());
        changedChannels.addAll(channelScopes.keySet());
    }

    /** Brings every scope and advisor up to midnight, writes the day, and forgets queues no longer configured. */
    private void closeDay() {
        for (Scope s : allScopes()) {
            s.flush(dayEnd);
        }
        for (Advisor a : advisors.values()) {
            a.account(dayEnd);
        }
        DayRecord day = record(dayEnd);
        history.saveDay(day);
        closedDays.addLast(day);
        while (closedDays.size() > CLOSED_DAYS_KEPT) {
            closedDays.removeFirst();
        }
        for (OutcomeRecord open : outcomes.records()) {
            history.saveOutcomes(open);
        }
        queueScopes.keySet().removeIf(q -> config.queue(q) == null);
        channelScopes.keySet().removeIf(c -> config.channel(c) == null);
        reshaped = true;
    }

    List<Scope> allScopes() {
        List<Scope> all = new ArrayList<>(queueScopes.values());
        all.addAll(channelScopes.values());
        all.add(centre);
        return all;
    }

    /** The current day as of {@code now} (at most the day's end). */
    DayRecord record(long now) {
        long until = Math.min(now, dayEnd);
        List<DayRecord.ScopeRecord> queues = new ArrayList<>();
        queueScopes.forEach((id, s) -> {
            QueueLine line = lines.get(id);
            queues.add(new DayRecord.ScopeRecord(
                    id,
                    line != null ? line.channel : null,
                    line != null ? line.thresholdMillis : 0,
                    s.day(until),
                    s.intervals(until)));
        });
        List<DayRecord.ScopeRecord> channels = new ArrayList<>();
        channelScopes.forEach(
                (id, s) -> channels.add(new DayRecord.ScopeRecord(id, id, 0, s.day(until), s.intervals(until))));
        List<AdvisorRecord> people = new ArrayList<>();
        for (Advisor a : advisors.values()) {
            AdvisorRecord r = a.record(until);
            if (r.handled() > 0 || !r.millisIn().isEmpty() || a.state != AdvisorState.LOGGED_OUT) {
                people.add(r);
            }
        }
        return new DayRecord(
                date,
                queues,
                channels,
                new DayRecord.ScopeRecord("centre", null, 0, centre.day(until), centre.intervals(until)),
                centreToday.record(),
                people);
    }

    /**
     * Publishes what the entry changed for readers on other threads: the scopes and lines it touched (each knows
     * whether it did), and the centre's record when a channel's figures changed.
     */
    void publish() {
        for (String q : changedQueues) {
            publish(queueScopes.get(q));
            QueueLine l = lines.get(q);
            if (l != null) {
                l.publish();
            }
        }
        for (String c : changedChannels) {
            publish(channelScopes.get(c));
        }
        centre.publish();
        if (!changedChannels.isEmpty() || centrePublished.date() != date) {
            centrePublished = new PublishedCentre(date, centreToday.record());
        }
    }

    private static void publish(Scope s) {
        if (s != null) {
            s.publish();
        }
    }

    /** Publishes everything (after a restore, a new day or a configuration change). */
    void publishAll() {
        for (Scope s : allScopes()) {
            s.publish();
        }
        for (QueueLine l : lines.values()) {
            l.publish();
        }
        centrePublished = new PublishedCentre(date, centreToday.record());
    }

    void clearChanges() {
        changedQueues.clear();
        changedChannels.clear();
        changedAgents.clear();
    }
}
