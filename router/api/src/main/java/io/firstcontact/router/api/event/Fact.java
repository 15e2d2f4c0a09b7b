package io.firstcontact.router.api.event;

import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
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

    /** The attributes were replaced (their values are not part of the fact: they may be personal). */
    record AttributesChanged(String interactionId, int count) implements Fact {}

    record TargetReleased(String interactionId, String agentId, String reason) implements Fact {}

    record MaxWaitReached(String interactionId, String visitId, String action) implements Fact {}

    record OfferCreated(
            String offerId,
            String interactionId,
            String agentId,
            String visitId,
            String queue,
            String channel,
            long expiresAt)
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
