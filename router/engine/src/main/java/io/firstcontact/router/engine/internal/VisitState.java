package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PlaceInLine;
import io.firstcontact.router.api.model.Requirement;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** One stay of an interaction in one queue, and its static ordering key. */
final class VisitState {
    /** The waiting order of visits: their {@link PlaceInLine places in line}. */
    static final Comparator<VisitState> KEY = (x, y) ->
            PlaceInLine.compare(x.interaction.tier, x.dueAt(), x.order, y.interaction.tier, y.dueAt(), y.order);

    final String id;
    final InteractionState interaction;
    final QueueState queue;
    final long enteredAt;
    /** Where the service deadline counts from and with which threshold: the visit's own or inherited. */
    final long keyStart;

    final long keySlMillis;
    final long order;
    final boolean inherited;

    List<Requirement> baseRequirements;
    List<Requirement> effective;
    int relaxLevel;
    int appliedRules;
    int widenMask;
    int delayStage;
    boolean maxWaitFired;
    boolean ended;
    /** Advisors excluded from this visit (after reject, RONA, failure); created on the first exclusion. */
    TreeSet<String> excluded;

    /** Created on first use: many never need one. */
    Deadline deadline;

    Deadline deadline() {
        if (deadline == null) {
            deadline = new Deadline(Deadline.Kind.VISIT, this);
        }
        return deadline;
    }

    /** Owned by the routing index. */
    Object indexData;

    VisitState(
            String id,
            InteractionState interaction,
            QueueState queue,
            long enteredAt,
            long keyStart,
            long keySlMillis,
            long order,
            boolean inherited) {
        this.id = id;
        this.interaction = interaction;
        this.queue = queue;
        this.enteredAt = enteredAt;
        this.keyStart = keyStart;
        this.keySlMillis = keySlMillis;
        this.order = order;
        this.inherited = inherited;
    }

    long dueAt() {
        return PlaceInLine.dueAt(keyStart, keySlMillis, interaction.ageBonusMillis);
    }

    /** Waiting for an advisor: QUEUED and this is the interaction's current visit. */
    boolean waiting() {
        return !ended && interaction.phase == Phase.QUEUED && interaction.visit == this;
    }

    String id() {
        return id;
    }

    InteractionState interaction() {
        return interaction;
    }

    QueueState queue() {
        return queue;
    }

    long order() {
        return order;
    }

    long enteredAt() {
        return enteredAt;
    }

    List<Requirement> effective() {
        return effective;
    }

    int relaxLevel() {
        return relaxLevel;
    }

    int widenMask() {
        return widenMask;
    }

    int delayStage() {
        return delayStage;
    }

    int appliedRules() {
        return appliedRules;
    }

    boolean excludes(String agentId) {
        return excluded != null && excluded.contains(agentId);
    }

    void exclude(String agentId) {
        if (excluded == null) {
            excluded = new TreeSet<>();
        }
        excluded.add(agentId);
    }

    /** The excluded advisors in id order (a copy). */
    java.util.List<String> excludedAgents() {
        return excluded == null ? java.util.List.of() : java.util.List.copyOf(excluded);
    }

    boolean ended() {
        return ended;
    }

    Object indexData() {
        return indexData;
    }

    void indexData(Object data) {
        this.indexData = data;
    }
}
