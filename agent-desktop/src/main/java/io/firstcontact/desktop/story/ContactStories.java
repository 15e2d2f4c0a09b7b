package io.firstcontact.desktop.story;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every contact's decision trace in words ({@link Story}), followed from committed entries: subscribed to routing
 * <em>after</em> the read model, so that each offer's reasons are read against the state the entry left — the state
 * the engine decided in. Live contacts are kept, and ended ones as long as the read model keeps them (its {@link
 * ViewOptions#endedInteractions()}), oldest dropped first; after a restart, contacts live at the snapshot start their
 * story there, as their trace does.
 *
 * <p>Engine thread only, like the read model.
 */
public final class ContactStories implements EffectSink {
    /** Steps kept per contact; older ones are dropped and counted. */
    public static final int MAX_STEPS = 200;

    private final LiveView view;
    private final Function<String, String> names;
    private final int keepEnded;
    private final Map<String, Followed> live = new HashMap<>();
    private final LinkedHashMap<String, Followed> ended = new LinkedHashMap<>();
    /** The advisors of each routing profile's team, with their contact-independent classes, for offers' reasons. */
    private final AdvisorClasses classes;

    /**
     * @param view the read model, fed before this
     * @param names how an advisor is named in the stories ({@code Asha Patel (adv-1)}, or the id)
     * @param keepEnded ended contacts kept (the read model's own bound)
     */
    public ContactStories(LiveView view, Function<String, String> names, int keepEnded) {
        this(view, names, keepEnded, true);
    }

    /**
     * @param indexed whether offers' reasons keep the advisors' contact-independent classes across offers (the
     *     product), or read every advisor's state at each offer (the reference the index is tested against); an
     *     indexed instance watches the view's advisors, and a view has one watcher
     */
    ContactStories(LiveView view, Function<String, String> names, int keepEnded, boolean indexed) {
        this.view = Objects.requireNonNull(view, "view");
        this.classes = new AdvisorClasses(view, indexed);
        if (indexed) {
            view.watchAdvisors(classes::changed);
        }
        this.names = Objects.requireNonNull(names, "names");
        if (keepEnded < 0) {
            throw new IllegalArgumentException("keepEnded must not be negative");
        }
        this.keepEnded = keepEnded;
    }

    /** The story of a live contact or of an ended one still kept. */
    public Optional<Story> story(String interactionId) {
        Followed f = live.get(interactionId);
        if (f == null) {
            f = ended.get(interactionId);
        }
        return f == null ? Optional.empty() : Optional.of(f.story());
    }

    /** After a restart from a snapshot, before the replay: the live contacts, whose stories start here. */
    public void restore(EngineSnapshot snapshot) {
        RoutingConfig config = snapshot.config();
        classes.clear();
        for (EngineSnapshot.AgentSnap a : snapshot.agents()) {
            profile(a.id(), a.routingProfile());
        }
        for (EngineSnapshot.InteractionSnap i : snapshot.interactions()) {
            Followed f = new Followed(i.id());
            f.earlierUnknown = true;
            f.targets = i.targets();
            f.queue = i.lastQueue();
            EngineSnapshot.VisitSnap v = i.visit();
            if (v != null) {
                f.visit(v.queue(), v.id(), v.enteredAt());
                f.requirements = v.baseRequirements();
                f.relaxLevel = v.relaxLevel();
                v.excluded().forEach(a -> f.excluded.put(a, "been left out of it earlier"));
                QueueConfig qc = config.queue(v.queue());
                if (qc != null) {
                    for (int r = 0; r < qc.overflow().size(); r++) {
                        OverflowRule rule = qc.overflow().get(r);
                        if ((v.widenMask() & (1 << r)) != 0 && rule.action() == OverflowAction.WIDEN) {
                            f.widenedTo.addAll(rule.queues());
                        }
                    }
                }
            }
            live.put(i.id(), f);
        }
    }

    @Override
    public void committed(EngineInput input, Decision decision) {
        if (decision.refused() || decision.facts().isEmpty()) {
            return;
        }
        long at = input.at();
        String entry = input.entryId();
        Command command = input.command();
        Map<String, String> offeredNow = new HashMap<>();
        for (Fact fact : decision.facts()) {
            if (fact instanceof Fact.OfferCreated o) {
                offeredNow.put(o.agentId(), o.interactionId());
            }
        }
        routingOf(command);
        OfferReasons.Scene scene = null;
        List<String> asked = new ArrayList<>();
        for (Fact fact : decision.facts()) {
            switch (fact) {
                case Fact.AgentDefined d -> profile(d.agentId(), d.routingProfile());
                case Fact.RoutingProfileAssigned r -> profile(r.agentId(), r.routingProfile());
                default -> {}
            }
            String interactionId = interactionOf(fact);
            if (interactionId == null) {
                continue;
            }
            Followed f = fact instanceof Fact.InteractionCreated
                    ? live.computeIfAbsent(interactionId, Followed::new)
                    : live.get(interactionId);
            if (f == null) {
                continue; // ended and dropped, or never seen
            }
            if (!asked.contains(interactionId)) {
                asked.add(interactionId);
                String words = Narration.asked(command, names);
                if (words != null && interactionId.equals(interactionOf(command))) {
                    f.add(new Step(at, entry, words), MAX_STEPS);
                }
            }
            String text;
            if (fact instanceof Fact.OfferCreated o) {
                if (scene == null) {
                    scene = new OfferReasons.Scene(
                            view, view.configuration().orElse(null), classes, names, offeredNow, at);
                }
                offeredNow.remove(o.agentId(), o.interactionId());
                text = OfferReasons.explain(o, f, scene);
                offeredNow.put(o.agentId(), o.interactionId());
            } else {
                text = Narration.of(fact, at, f, names);
            }
            if (text != null) {
                f.add(new Step(at, entry, text), MAX_STEPS);
            }
            follow(fact, f, command);
        }
    }

    /** What a fact changes of the contact's routing that later offers' reasons need. */
    private void follow(Fact fact, Followed f, Command command) {
        switch (fact) {
            case Fact.VisitStarted v -> {
                f.visit(v.queue(), v.visitId(), v.enteredAt());
                QueueRequest request = request(command, f.interactionId);
                f.requirements = request == null ? null : request.requirements();
                if (request != null) {
                    f.targets = request.targets();
                } else if (command instanceof Command.TransferToAgent t
                        && t.interactionId().equals(f.interactionId)) {
                    f.targets = List.of(new Target(t.agentId(), Long.MAX_VALUE, TargetMode.ONLY));
                }
            }
            case Fact.RequirementsRelaxed r -> {
                f.requirements = r.requirements();
                f.relaxLevel = r.level();
            }
            case Fact.OverflowApplied o -> {
                if (o.action() == OverflowAction.WIDEN) {
                    QueueConfig qc =
                            view.configuration().map(c -> c.queue(f.queue)).orElse(null);
                    if (qc != null && o.rule() >= 0 && o.rule() < qc.overflow().size()) {
                        f.widenedTo.addAll(qc.overflow().get(o.rule()).queues());
                    }
                }
            }
            case Fact.TargetReleased t ->
                f.targets = f.targets.stream()
                        .filter(x -> !x.agentId().equals(t.agentId()))
                        .toList();
            case Fact.OfferStatusChanged s -> {
                String why = Narration.exclusion(s);
                if (why != null) {
                    f.excluded.put(s.agentId(), why);
                }
            }
            case Fact.InteractionEnded e -> end(f);
            default -> {}
        }
    }

    /** Targets a command sets on a contact that is already queued. */
    private void routingOf(Command command) {
        if (command instanceof Command.UpdateRouting u && u.targets() != null) {
            Followed f = live.get(u.interactionId());
            if (f != null) {
                f.targets = u.targets();
            }
        }
    }

    private static QueueRequest request(Command command, String interactionId) {
        return switch (command) {
            case Command.CreateInteraction c when c.interactionId().equals(interactionId) -> c.queue();
            case Command.QueueInteraction q when q.interactionId().equals(interactionId) -> q.request();
            default -> null;
        };
    }

    /** The contact a fact is about, or null for a fact about no one contact. */
    private static String interactionOf(Fact fact) {
        return switch (fact) {
            case Fact.InteractionCreated f -> f.interactionId();
            case Fact.VisitStarted f -> f.interactionId();
            case Fact.VisitEnded f -> f.interactionId();
            case Fact.RequirementsRelaxed f -> f.interactionId();
            case Fact.OverflowApplied f -> f.interactionId();
            case Fact.TierChanged f -> f.interactionId();
            case Fact.AgeBonusChanged f -> f.interactionId();
            case Fact.TargetReleased f -> f.interactionId();
            case Fact.MaxWaitReached f -> f.interactionId();
            case Fact.OfferCreated f -> f.interactionId();
            case Fact.OfferStatusChanged f -> f.interactionId();
            case Fact.InteractionEnded f -> f.interactionId();
            case Fact.SelfServiceRecorded f -> f.interactionId();
            case Fact.CrossSellRecorded f -> f.interactionId();
            case Fact.WrapUpRecorded f -> f.interactionId();
            default -> null;
        };
    }

    /** The contact a command acts on, for the step that says who asked. */
    private static String interactionOf(Command command) {
        return switch (command) {
            case Command.TransferToQueue c -> c.interactionId();
            case Command.TransferToAgent c -> c.interactionId();
            case Command.TransferExternal c -> c.interactionId();
            default -> null;
        };
    }

    private void end(Followed f) {
        live.remove(f.interactionId);
        ended.put(f.interactionId, f);
        Iterator<String> oldest = ended.keySet().iterator();
        while (ended.size() > keepEnded && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private void profile(String agentId, String routingProfile) {
        classes.profile(agentId, routingProfile);
    }
}
