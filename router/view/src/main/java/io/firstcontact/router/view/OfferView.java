package io.firstcontact.router.view;

import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;

/**
 * An offer of an interaction to one advisor. The API answers 404 for an offer the view does not know, 409 when it is
 * no longer {@link OfferStatus#ALERTING}, and lets an advisor act only on an offer whose {@code agentId} is theirs.
 *
 * @param offerId its id
 * @param interactionId the interaction offered
 * @param agentId the advisor it was offered to
 * @param visitId the visit it was offered from
 * @param queue the queue of that visit
 * @param channel the interaction's channel
 * @param status RESERVED, ALERTING, or the terminal status it reached
 * @param cause why it ended (a cancel or failure cause, RONA), or null
 * @param createdAt when it was made (engine time)
 * @param expiresAt when it times out if not accepted
 * @param endedAt when it reached its terminal status, or null while live
 * @param kind what its accept does: connect the waiting customer, dial the customer (a callback, an outbound call), or
 *     bring a consulted colleague into a call (then it has no visit)
 */
public record OfferView(
        String offerId,
        String interactionId,
        String agentId,
        String visitId,
        String queue,
        String channel,
        OfferStatus status,
        String cause,
        long createdAt,
        long expiresAt,
        Long endedAt,
        OfferKind kind) {

    /** Still reserved or alerting: capacity is held and the advisor can act on it. */
    public boolean live() {
        return status.live();
    }
}
