package io.firstcontact.router.view;

import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import java.util.Comparator;

/** An offer followed through the facts. */
final class TrackedOffer {
    /** Oldest first: created at, then the order the engine made them in (its ids, {@link NaturalOrder}). */
    static final Comparator<TrackedOffer> ORDER =
            Comparator.<TrackedOffer>comparingLong(o -> o.createdAt).thenComparing(o -> o.id, NaturalOrder.IDS);

    final String id;
    final String interactionId;
    final String agentId;
    final String visitId;
    final String queue;
    final String channel;
    final long createdAt;
    final long expiresAt;
    final OfferKind kind;

    OfferStatus status = OfferStatus.RESERVED;
    String cause;
    Long endedAt;

    TrackedOffer(
            String id,
            String interactionId,
            String agentId,
            String visitId,
            String queue,
            String channel,
            long createdAt,
            long expiresAt,
            OfferKind kind) {
        this.id = id;
        this.interactionId = interactionId;
        this.agentId = agentId;
        this.visitId = visitId;
        this.queue = queue;
        this.channel = channel;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.kind = kind;
    }

    OfferView view() {
        return new OfferView(
                id,
                interactionId,
                agentId,
                visitId,
                queue,
                channel,
                status,
                cause,
                createdAt,
                expiresAt,
                endedAt,
                kind);
    }
}
