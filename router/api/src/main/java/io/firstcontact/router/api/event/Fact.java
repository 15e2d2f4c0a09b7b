package io.firstcontact.router.api.event;

import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.api.model.VisitOutcome;
import java.util.List;

/** Something the engine decided happened. Times are engine time in epoch milliseconds. */
public sealed interface Fact {

    record ConfigurationApplied(long version) implements Fact {}

    record AgentDefined(String agentId, String utilisationProfile, String routingProfile) implements Fact {}

    record AgentSkillsChanged(String agentId) implements Fact {}

    record RoutingProfileAssigned(String agentId, String routingProfile, Actor actor) implements Fact {}

    /** The presence in force changed. */
    record PresenceChanged(String agentId, PresenceState from, PresenceState to, String reason, Actor actor)
            implements Fact {}

    /** A presence was asked for while work is open: ineligible now, applied when the last work ends. */
    record PresencePending(String agentId, PresenceState requested, String reason, Actor actor) implements Fact {}

    /**
     * A pending presence was withdrawn before it applied: READY was asked for while it waited for the advisor's open
     * work to end. The presence in force does not change by this fact.
     */
    record PresencePendingWithdrawn(String agentId, PresenceState withdrawn, Actor actor) implements Fact {}

    record SessionChanged(String agentId, boolean attached) implements Fact {}

    /** The advisor logged in at a phone device: the voice edge rings it for their calls until they log out. */
    record DeviceAssigned(String agentId, String device) implements Fact {}

    record InteractionCreated(
            String interactionId,
            String channel,
            Direction direction,
            String sourceRef,
            String conversationId,
            String customerRef,
            long arrivedAt)
            implements Fact {}

    /**
     * A visit started. {@code dueAt}, {@code order} and {@code tier} form its static ordering key.
     *
     * @param inherited the key (place in line) was kept from an earlier visit
     */
    record VisitStarted(
            String interactionId,
            String visitId,
            String queue,
            long enteredAt,
            long dueAt,
            long order,
            int tier,
            boolean inherited)
            implements Fact {}

    record VisitEnded(String interactionId, String visitId, String queue, VisitOutcome outcome, long enteredAt)
            implements Fact {}

    record RequirementsRelaxed(String interactionId, String visitId, int level, List<Requirement> requirements)
            implements Fact {}

    record OverflowApplied(
            String interactionId, String visitId, int rule, OverflowTrigger trigger, OverflowAction action)
            implements Fact {}

    record TierChanged(String interactionId, int tier, String reason) implements Fact {}

    /**
     * The age bonus of a waiting interaction changed through the API: its service deadline, and with it its place in
     * line, moves earlier by {@code ageBonusMillis} (from none, or from the bonus it had).
     */
    record AgeBonusChanged(String interactionId, long ageBonusMillis) implements Fact {}

    /** An interaction that had no {@code customerRef} took one: its customer was identified after it arrived. */
    record CustomerIdentified(String interactionId, String customerRef) implements Fact {}

    /** The attributes were replaced (their values are not part of the fact: they may be personal). */
    record AttributesChanged(String interactionId, int count) implements Fact {}

    record TargetReleased(String interactionId, String agentId, String reason) implements Fact {}

    record MaxWaitReached(String interactionId, String visitId, String action) implements Fact {}

    /**
     * An offer was made. A consult offer has no visit ({@code visitId} null) and names the queue of the call it
     * consults about.
     */
    record OfferCreated(
            String offerId,
            String interactionId,
            String agentId,
            String visitId,
            String queue,
            String channel,
            long expiresAt,
            OfferKind kind)
            implements Fact {}

    record OfferStatusChanged(String offerId, String interactionId, String agentId, OfferStatus status, String cause)
            implements Fact {}

    record AssignmentStarted(String assignmentId, String interactionId, String agentId, String channel)
            implements Fact {}

    record WrapUpStarted(String assignmentId, String agentId, long until) implements Fact {}

    record AssignmentEnded(String assignmentId, String agentId) implements Fact {}

    record InteractionEnded(String interactionId, EndReason reason, Phase lastPhase) implements Fact {}

    record QueueOpened(String queue) implements Fact {}

    record QueueClosed(String queue) implements Fact {}

    // ---- the channels' edges (docs/routing-contract.md §11) ----

    /** The advisor's phone changed state; voice is offered to them only while it is free. */
    record AgentDeviceChanged(String agentId, DeviceState state) implements Fact {}

    /** A waiting caller asked to be called back: their place in line is kept for the callback. */
    record CallbackRequested(String interactionId, String queue) implements Fact {}

    /**
     * A callback waits for its time: an advisor's promise ({@code attempt} 1) or the retry after a dial that failed.
     *
     * @param agentId the advisor it waits for first (a promise), or null
     * @param attempt the dial this wait leads to, from 1
     */
    record CallbackScheduled(String interactionId, String queue, long dueAt, String agentId, int attempt)
            implements Fact {}

    /** A callback's customer was dialled, after the advisor answered; {@code attempt} counts from 1. */
    record CallbackDialled(String interactionId, String agentId, DialOutcome outcome, int attempt) implements Fact {}

    /** The call is on hold: the advisor's assignment and capacity stay. */
    record InteractionParked(String interactionId) implements Fact {}

    /** The call is off hold. */
    record InteractionResumed(String interactionId) implements Fact {}

    /**
     * The customer's connection dropped.
     *
     * @param placeKeptUntil while they wait: engine time until which their place is kept; null with an advisor (a
     *     fact only)
     */
    record CustomerConnectionLost(String interactionId, Long placeKeptUntil) implements Fact {}

    /** The customer's connection is back. */
    record CustomerConnectionRestored(String interactionId) implements Fact {}

    /** A consulted colleague answered: their assignment is a second one on the interaction. */
    record ConsultStarted(String interactionId, String assignmentId, String agentId) implements Fact {}

    /**
     * A consultation ended: {@code COMPLETED}, the colleague's assignment is the call's now; {@code CANCELLED}, the
     * colleague's offer or leg ended (refused, unanswered, withdrawn or hung up) and the call stays where it was.
     */
    record ConsultEnded(String interactionId, String agentId, ConsultOutcome outcome) implements Fact {}

    /**
     * A source's inventory was reconciled: {@code ended} of its live interactions were missing and ended {@code
     * LOST_DURING_OUTAGE} (their facts precede this one); {@code unknownSourceRefs} are listed but unknown here, for
     * the source to create.
     */
    record InventoryReconciled(String source, int listed, int ended, List<String> unknownSourceRefs) implements Fact {}

    // ---- outcomes ----

    /** A self-service attempt ended; counted as telephone or chat self-service by its channel. */
    record SelfServiceRecorded(String interactionId, String channel, String service, SelfServiceOutcome outcome)
            implements Fact {}

    record CrossSellRecorded(
            String assignmentId, String interactionId, String agentId, String service, CrossSellOutcome outcome)
            implements Fact {}

    record WrapUpRecorded(String assignmentId, String interactionId, String agentId, List<String> codes)
            implements Fact {}

    /** The back office reported a customer's online self-service. */
    record OnlineActivityReported(String customerRef, String activity) implements Fact {}
}
