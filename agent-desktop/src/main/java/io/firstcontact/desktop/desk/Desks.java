package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.AssignmentView;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Every advisor's desk, followed from committed entries: subscribed to routing <em>after</em> the read model, so that
 * when an entry arrives here the {@link LiveView} already holds it. For each entry it works out which advisors it
 * touched (an offer made or withdrawn, a presence change, a caller who hung up on their assignment, …) and pushes the
 * new {@link DeskState} to the listeners of those advisors only, so a busy centre costs each desk only its own work.
 *
 * <p>Engine thread only, like the read model: {@link #committed}, {@link #attach} and {@link #state} are called there.
 */
public final class Desks implements EffectSink {
    private final LiveView view;
    private final Contexts contexts;
    private final DeskHistory history = new DeskHistory();
    private final Map<String, List<DeskListener>> listeners = new HashMap<>();
    private final ContactRecorder recorder;
    private final Function<String, String> names;

    /** Hears each contact an advisor finished (on the engine thread; hand it off). */
    @FunctionalInterface
    public interface ContactRecorder {
        ContactRecorder NONE = (agentId, contact) -> {};

        void ended(String agentId, DeskState.Contact contact);
    }

    /**
     * @param view the read model, fed before this
     * @param reasonAttribute the interaction attribute that says why the customer got in touch
     * @param recorder hears each finished contact (to write it to the back office)
     * @param names how advisors are named to their colleagues (a consult's)
     */
    public Desks(LiveView view, String reasonAttribute, ContactRecorder recorder, Function<String, String> names) {
        this.view = Objects.requireNonNull(view, "view");
        this.contexts = new Contexts(reasonAttribute);
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** After a restart from a snapshot: the live interactions' contexts. */
    public void restore(EngineSnapshot snapshot) {
        contexts.restore(snapshot);
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        contexts.committed(input, decision);
        Set<String> touched = new LinkedHashSet<>();
        boolean everyone = false;
        for (Fact f : decision.facts()) {
            if (f instanceof Fact.ConfigurationApplied) {
                everyone = true;
            }
            if (f instanceof Fact.AssignmentEnded e) {
                contactEnded(e);
            }
            String agent = io.firstcontact.router.view.Mentions.agentId(f);
            if (agent != null) {
                touched.add(agent);
            }
            holdersOf(f, touched);
        }
        for (Effect e : decision.effects()) {
            String agent = io.firstcontact.router.view.Mentions.agentId(e);
            if (agent != null) {
                touched.add(agent);
            }
        }
        if (listeners.isEmpty()) {
            return;
        }
        for (String agent : everyone ? new ArrayList<>(listeners.keySet()) : touched) {
            List<DeskListener> ls = listeners.get(agent);
            if (ls != null) {
                DeskState s = state(agent);
                ls.forEach(l -> l.changed(s));
            }
        }
    }

    /**
     * A fact about a call the advisors holding it see on their cards (the caller hung up, new attributes, the call
     * held, a colleague rung for a consult or answering it): they are touched, as well as any advisor it names.
     */
    private void holdersOf(Fact f, Set<String> touched) {
        String interactionId = switch (f) {
            case Fact.AttributesChanged c -> c.interactionId();
            case Fact.InteractionEnded c -> c.interactionId();
            case Fact.VisitEnded c -> c.interactionId();
            case Fact.InteractionParked c -> c.interactionId();
            case Fact.InteractionResumed c -> c.interactionId();
            case Fact.ConsultStarted c -> c.interactionId();
            case Fact.ConsultEnded c -> c.interactionId();
            case Fact.OfferCreated c when c.kind() == OfferKind.CONSULT -> c.interactionId();
            default -> null;
        };
        if (interactionId == null) {
            return;
        }
        view.interaction(interactionId).ifPresent(i -> {
            if (i.agentId() != null) {
                touched.add(i.agentId());
            }
            for (String a : i.assignmentIds()) {
                view.assignment(a).ifPresent(as -> touched.add(as.agentId()));
            }
        });
    }

    private void contactEnded(Fact.AssignmentEnded e) {
        AssignmentView as = view.assignment(e.assignmentId()).orElse(null);
        if (as == null) {
            return;
        }
        InteractionContext c = contexts.get(as.interactionId());
        Contexts.Outcomes o = contexts.outcomes(as.assignmentId());
        DeskState.Contact recorded = history.ended(
                as.agentId(),
                new DeskState.Contact(
                        as.assignmentId(),
                        as.interactionId(),
                        as.channel(),
                        as.queue(),
                        c == null ? null : c.customerRef(),
                        c == null ? null : c.reason(),
                        as.startedAt(),
                        as.endedAt() == null ? view.asOf() : as.endedAt(),
                        o.codes,
                        o.crossSell,
                        o.forms,
                        null));
        recorder.ended(as.agentId(), recorded);
        List<DeskListener> ls = listeners.get(as.agentId());
        if (ls != null) {
            List<DeskState.Contact> contacts = history.of(as.agentId());
            ls.forEach(l -> l.contacts(contacts));
        }
    }

    /** A script's answers went to the back office for this assignment of {@code agentId}: their desk shows it. */
    public void formRecorded(String agentId, String assignmentId, String formId) {
        contexts.formRecorded(assignmentId, formId);
        List<DeskListener> ls = listeners.get(agentId);
        if (ls != null) {
            DeskState s = state(agentId);
            ls.forEach(l -> l.changed(s));
        }
    }

    /** Registers a listener of one advisor's desk and returns the desk as it is now, in the same step. */
    public DeskState attach(String agentId, DeskListener listener) {
        listeners.computeIfAbsent(agentId, a -> new CopyOnWriteArrayList<>()).add(listener);
        return state(agentId);
    }

    public void detach(String agentId, DeskListener listener) {
        List<DeskListener> ls = listeners.get(agentId);
        if (ls != null) {
            ls.remove(listener);
            if (ls.isEmpty()) {
                listeners.remove(agentId);
            }
        }
    }

    /** Advisors with a desk listening now. */
    public int listening() {
        return listeners.size();
    }

    /** Notes written in wrap-up, kept with the contact when the assignment ends (never journaled). */
    public void noted(String assignmentId, String notes) {
        history.noted(assignmentId, notes);
    }

    /** The notes written so far for an assignment, or null. */
    public String notes(String assignmentId) {
        return history.notes(assignmentId);
    }

    /** The context of an interaction, while it is live or remembered; null if unknown. */
    public InteractionContext context(String interactionId) {
        return contexts.get(interactionId);
    }

    /** One advisor's desk now. */
    public DeskState state(String agentId) {
        AgentView a = view.agent(agentId).orElse(null);
        if (a == null) {
            return new DeskState(view.lastEntryId(), null, List.of(), List.of());
        }
        List<DeskState.OfferCard> offers = new ArrayList<>();
        for (String id : a.offerIds()) {
            OfferView o = view.offer(id).orElse(null);
            if (o != null && o.live()) {
                offers.add(new DeskState.OfferCard(
                        o.offerId(),
                        o.interactionId(),
                        o.channel(),
                        o.queue(),
                        o.status(),
                        o.createdAt(),
                        o.expiresAt(),
                        contexts.get(o.interactionId()),
                        o.kind(),
                        o.kind() == OfferKind.CONSULT ? callOwner(o.interactionId()) : null));
            }
        }
        List<DeskState.WorkCard> work = new ArrayList<>();
        for (String id : a.assignmentIds()) {
            AssignmentView as = view.assignment(id).orElse(null);
            if (as == null) {
                continue;
            }
            InteractionView i = view.interaction(as.interactionId()).orElse(null);
            Contexts.Outcomes o = contexts.outcomes(as.assignmentId());
            boolean live = as.status() == AssignmentStatus.ACTIVE && i != null && i.endedAt() == null;
            boolean held = live && !as.consult() && i.phase() == Phase.PARKED;
            OptionalLong heldSince = held ? view.heldSince(i.interactionId()) : OptionalLong.empty();
            work.add(new DeskState.WorkCard(
                    as.assignmentId(),
                    as.interactionId(),
                    as.channel(),
                    as.queue(),
                    as.status(),
                    as.startedAt(),
                    as.wrapUpUntil(),
                    i == null || i.endedAt() != null,
                    contexts.get(as.interactionId()),
                    o.codes,
                    o.crossSell,
                    o.forms,
                    held,
                    heldSince.isPresent() ? heldSince.getAsLong() : null,
                    live ? consult(as, i) : null));
        }
        return new DeskState(
                view.lastEntryId(),
                new DeskState.Agent(
                        a.agentId(),
                        a.presence(),
                        a.reason(),
                        a.presenceSince(),
                        a.pendingPresence(),
                        a.pendingReason(),
                        a.sessionAttached(),
                        capacity(a)),
                offers,
                work);
    }

    /** The consult on the call of {@code as} as its advisor sees it, or null. Engine thread. */
    DeskState.Consult consult(AssignmentView as) {
        return view.interaction(as.interactionId()).map(i -> consult(as, i)).orElse(null);
    }

    private DeskState.Consult consult(AssignmentView as, InteractionView i) {
        if (as.consult()) {
            DeskState.Colleague owner = callOwner(i.interactionId());
            return owner == null ? null : new DeskState.Consult(DeskState.Consult.Role.CONSULTED, owner, true);
        }
        for (String id : i.assignmentIds()) {
            AssignmentView other = view.assignment(id).orElse(null);
            if (other != null && other.consult() && other.status() == AssignmentStatus.ACTIVE) {
                return new DeskState.Consult(DeskState.Consult.Role.CONSULTING, colleague(other.agentId()), true);
            }
        }
        return view.consultOffer(i.interactionId())
                .map(offer ->
                        new DeskState.Consult(DeskState.Consult.Role.CONSULTING, colleague(offer.agentId()), false))
                .orElse(null);
    }

    /** The advisor whose call it is (its active assignment that is not a colleague's consult), or null. */
    private DeskState.Colleague callOwner(String interactionId) {
        InteractionView i = view.interaction(interactionId).orElse(null);
        if (i == null) {
            return null;
        }
        for (String id : i.assignmentIds()) {
            AssignmentView as = view.assignment(id).orElse(null);
            if (as != null && !as.consult() && as.status() == AssignmentStatus.ACTIVE) {
                return colleague(as.agentId());
            }
        }
        return null;
    }

    private DeskState.Colleague colleague(String agentId) {
        return new DeskState.Colleague(agentId, names.apply(agentId));
    }

    /** One advisor's recent contacts, newest first. */
    public List<DeskState.Contact> history(String agentId) {
        return history.of(agentId);
    }

    private Map<String, Integer> capacity(AgentView a) {
        Map<String, Integer> out = new LinkedHashMap<>();
        RoutingConfig config = view.configuration().orElse(null);
        UtilisationProfile up = config == null ? null : config.utilisationProfile(a.utilisationProfile());
        if (up != null) {
            for (ChannelCapacity c : up.channels()) {
                out.put(c.channel(), c.max());
            }
        }
        return out;
    }
}
