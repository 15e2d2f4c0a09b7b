package io.firstcontact.router.api.event;

import io.firstcontact.router.api.model.OfferKind;

/** Something the edges must do. Effects leave only after the journal entry holding them is committed. */
public sealed interface Effect {

    /**
     * Offer work to an advisor (voice: originate the advisor leg; chat/email: show it on the desktop). {@code kind}
     * says what follows the accept: connect the waiting customer, dial the customer (a callback or an outbound
     * call), or bridge a consulted colleague into the call.
     */
    record OfferToAgent(
            String offerId,
            String interactionId,
            String agentId,
            String channel,
            String queue,
            long expiresAt,
            boolean autoAccepted,
            OfferKind kind)
            implements Effect {}

    /** Stop alerting the advisor (timeout, cancel, caller gone). */
    record WithdrawOffer(String offerId, String interactionId, String agentId, String cause) implements Effect {}

    /** The offer was accepted: connect the customer (voice: bridge the waiting caller to the advisor leg). */
    record Connect(String offerId, String interactionId, String agentId) implements Effect {}

    /** The queue's maximum wait was reached: the adapter offers a callback, voicemail or a message. */
    record MaxWaitAction(String interactionId, String queue, String action) implements Effect {}

    /** The queue is full: the interaction was not queued; the adapter performs the queue-full action. */
    record QueueFullAction(String interactionId, String queue, String action) implements Effect {}

    /** The queue is closed: the visit ended CLOSED; the adapter plays the closed treatment. */
    record ClosedTreatment(String interactionId, String queue) implements Effect {}

    /** Overflow to an external destination: the adapter transfers the customer out. */
    record TransferOut(String interactionId, String destination) implements Effect {}

    /** Something a supervisor should see now (repeated RONA on one caller, an advisor paused for rejects). */
    record SupervisorAlert(String kind, String interactionId, String agentId) implements Effect {}

    /** The command changed nothing, for this reason. */
    record Refused(Refusal reason, String message) implements Effect {}

    /** The idempotency key was seen before: nothing changed (the host answers with the first result). */
    record Duplicate(String idempotencyKey) implements Effect {}

    /** A creation for a live source object: nothing changed; the existing interaction is named. */
    record AlreadyExists(String interactionId) implements Effect {}
}
