package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CrossSellOutcome;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The interactions' contexts and the assignments' recorded outcomes, followed from committed entries on the engine
 * thread: created with an interaction, replaced when its attributes are, kept a while after it ends (an advisor wraps
 * up after the caller hangs up), then forgotten, oldest first.
 */
final class Contexts {
    /** Ended interactions (and closed assignments) remembered, for wrap-up and late looks. */
    static final int RETAINED = 10_000;

    private final String reasonAttribute;
    private final Map<String, InteractionContext> live = new HashMap<>();
    private final Map<String, InteractionContext> ended = retained();
    private final Map<String, Outcomes> outcomes = retained();

    /** What an advisor recorded on one assignment: wrap-up codes and cross-sell outcomes by service. */
    static final class Outcomes {
        List<String> codes = List.of();
        final Map<String, CrossSellOutcome> crossSell = new LinkedHashMap<>();
        final java.util.List<String> forms = new java.util.ArrayList<>();
    }

    Contexts(String reasonAttribute) {
        this.reasonAttribute = reasonAttribute;
    }

    void restore(EngineSnapshot snapshot) {
        for (EngineSnapshot.InteractionSnap i : snapshot.interactions()) {
            live.put(
                    i.id(),
                    context(i.id(), i.channel(), i.direction(), i.customerRef(), i.attributes(), i.arrivedAt()));
        }
    }

    void committed(EngineInput input, Decision decision) {
        for (Fact f : decision.facts()) {
            switch (f) {
                case Fact.InteractionCreated c -> {
                    Attributes attributes = input.command() instanceof Command.CreateInteraction create
                            ? create.attributes()
                            : Attributes.NONE;
                    live.put(
                            c.interactionId(),
                            context(
                                    c.interactionId(),
                                    c.channel(),
                                    c.direction(),
                                    c.customerRef(),
                                    attributes,
                                    c.arrivedAt()));
                }
                case Fact.AttributesChanged c -> {
                    InteractionContext old = live.get(c.interactionId());
                    if (old != null && input.command() instanceof Command.UpdateAttributes u) {
                        live.put(
                                old.interactionId(),
                                context(
                                        old.interactionId(),
                                        old.channel(),
                                        old.direction(),
                                        old.customerRef(),
                                        u.attributes(),
                                        old.arrivedAt()));
                    }
                }
                case Fact.CustomerIdentified c -> {
                    InteractionContext old = live.get(c.interactionId());
                    if (old != null) { // as a restore from a later snapshot would have it
                        live.put(
                                old.interactionId(),
                                new InteractionContext(
                                        old.interactionId(),
                                        old.channel(),
                                        old.direction(),
                                        c.customerRef(),
                                        old.reason(),
                                        old.attributes(),
                                        old.arrivedAt()));
                    }
                }
                case Fact.InteractionEnded e -> {
                    InteractionContext c = live.remove(e.interactionId());
                    if (c != null) {
                        ended.put(c.interactionId(), c);
                    }
                }
                case Fact.WrapUpRecorded w ->
                    outcomes.computeIfAbsent(w.assignmentId(), a -> new Outcomes()).codes = List.copyOf(w.codes());
                case Fact.CrossSellRecorded x ->
                    outcomes.computeIfAbsent(x.assignmentId(), a -> new Outcomes())
                            .crossSell
                            .put(x.service(), x.outcome());
                default -> {}
            }
        }
    }

    InteractionContext get(String interactionId) {
        InteractionContext c = live.get(interactionId);
        return c != null ? c : ended.get(interactionId);
    }

    /** A script's answers went to the back office during this assignment (not journaled: the desk records it). */
    void formRecorded(String assignmentId, String formId) {
        Outcomes o = outcomes.computeIfAbsent(assignmentId, a -> new Outcomes());
        if (!o.forms.contains(formId)) {
            o.forms.add(formId);
        }
    }

    Outcomes outcomes(String assignmentId) {
        Outcomes o = outcomes.get(assignmentId);
        return o != null ? o : new Outcomes();
    }

    private InteractionContext context(
            String id,
            String channel,
            io.firstcontact.router.api.model.Direction direction,
            String customerRef,
            Attributes attributes,
            long arrivedAt) {
        return new InteractionContext(
                id, channel, direction, customerRef, attributes.get(reasonAttribute), attributes.entries(), arrivedAt);
    }

    private static <V> Map<String, V> retained() {
        return new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > RETAINED;
            }
        };
    }
}
