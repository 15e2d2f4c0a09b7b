package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.OfferStatus;

/** One attempt to give an interaction to one advisor (or, for a consult, to bring a colleague into its call). */
final class OfferState {
    final String id;
    final InteractionState interaction;
    final AgentState agent;
    final VisitState visit;
    int channelIndex;
    final long createdAt;
    final long expiresAt;
    OfferStatus status = OfferStatus.RESERVED;
    /** A consult offer: to a colleague of the call's advisor, with no visit. */
    boolean consult;

    final Deadline deadline = new Deadline(Deadline.Kind.OFFER_TIMEOUT, this);

    OfferState(
            String id,
            InteractionState interaction,
            AgentState agent,
            VisitState visit,
            int channelIndex,
            long createdAt,
            long expiresAt) {
        this.id = id;
        this.interaction = interaction;
        this.agent = agent;
        this.visit = visit;
        this.channelIndex = channelIndex;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String id() {
        return id;
    }

    OfferStatus status() {
        return status;
    }

    AgentState agent() {
        return agent;
    }

    InteractionState interaction() {
        return interaction;
    }

    int channelIndex() {
        return channelIndex;
    }
}
