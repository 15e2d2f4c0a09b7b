package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.AssignmentStatus;

/** One advisor's work on an interaction after accept; wrap-up belongs to it. */
final class AssignmentState {
    final String id;
    final InteractionState interaction;
    final AgentState agent;
    int channelIndex;
    final QueueState queue;
    final long startedAt;
    /** The answered visit's key, so that requeued open work keeps its place. */
    final long keyStart;

    final long keySlMillis;
    final long keyOrder;
    AssignmentStatus status = AssignmentStatus.ACTIVE;
    /** A consulted colleague's leg, until the consult completes (then it is the call's) or ends. */
    boolean consult;

    long wrapStartedAt;
    long wrapUntil;
    /** Created on first use: many never need one. */
    Deadline deadline;

    Deadline deadline() {
        if (deadline == null) {
            deadline = new Deadline(Deadline.Kind.WRAP_UP_END, this);
        }
        return deadline;
    }

    AssignmentState(
            String id,
            InteractionState interaction,
            AgentState agent,
            int channelIndex,
            QueueState queue,
            long startedAt,
            long keyStart,
            long keySlMillis,
            long keyOrder) {
        this.id = id;
        this.interaction = interaction;
        this.agent = agent;
        this.channelIndex = channelIndex;
        this.queue = queue;
        this.startedAt = startedAt;
        this.keyStart = keyStart;
        this.keySlMillis = keySlMillis;
        this.keyOrder = keyOrder;
    }

    String id() {
        return id;
    }

    AssignmentStatus status() {
        return status;
    }

    AgentState agent() {
        return agent;
    }

    int channelIndex() {
        return channelIndex;
    }

    InteractionState interaction() {
        return interaction;
    }
}
