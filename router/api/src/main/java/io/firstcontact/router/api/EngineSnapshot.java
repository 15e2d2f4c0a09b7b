package io.firstcontact.router.api;

import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Target;
import java.util.List;
import java.util.Objects;

/**
 * The engine's whole state as immutable, canonically ordered data (agents and interactions by id): what the host
 * persists every N entries, and what {@link RoutingEngine#stateHash()} hashes. Indexes are not part of it; they are
 * rebuilt on restore.
 */
public record EngineSnapshot(
        int schemaVersion,
        RoutingConfig config,
        long lastSeq,
        long lastAt,
        long epoch,
        long deadlineCounter,
        long visitCounter,
        List<QueueSnap> queues,
        List<AgentSnap> agents,
        List<InteractionSnap> interactions,
        List<String> recentIdempotencyKeys,
        List<RecentOffer> recentOffers) {

    /**
     * 2: advisors' device states, callbacks, customer connections and consults; 3: the phone an advisor logged in at
     * ({@code AgentSnap.phone}); 4: when an advisor's presence began ({@code AgentSnap.presenceSince}) and when a held
     * call was parked ({@code InteractionSnap.parkedSince}).
     */
    public static final int SCHEMA_VERSION = 4;

    public EngineSnapshot {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        interactions = List.copyOf(interactions);
        recentIdempotencyKeys = List.copyOf(recentIdempotencyKeys);
        recentOffers = List.copyOf(recentOffers);
    }

    /** A scheduled deadline: its instant and its tie-breaking order. */
    public record DeadlineSnap(long due, long order) {}

    public record QueueSnap(String id, boolean open) {
        public QueueSnap {
            Objects.requireNonNull(id, "queue id");
        }
    }

    public record RecentOffer(String offerId, OfferStatus status) {
        public RecentOffer {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * An advisor.
     *
     * @param presenceSince when the current presence began, in engine time (the input that set it, or that defined
     *     the advisor); null when unknown: restored from a snapshot older than schema version 4 and unchanged since
     */
    public record AgentSnap(
            String id,
            List<SkillLevel> skills,
            String utilisationProfile,
            String routingProfile,
            PresenceState presence,
            String reason,
            Long presenceSince,
            PresenceState pendingPresence,
            String pendingReason,
            Actor pendingActor,
            boolean sessionAttached,
            String phone,
            DeadlineSnap sessionDeadline,
            List<Integer> active,
            List<Integer> wrapping,
            List<Long> availableSince,
            List<Long> rejectTimes,
            int rejectCount,
            List<AssignmentSnap> assignments,
            DeviceState device) {
        public AgentSnap {
            Objects.requireNonNull(id, "agent id");
            skills = List.copyOf(skills);
            active = List.copyOf(active);
            wrapping = List.copyOf(wrapping);
            availableSince = List.copyOf(availableSince);
            rejectTimes = List.copyOf(rejectTimes);
            assignments = List.copyOf(assignments);
            Objects.requireNonNull(device, "device");
        }
    }

    public record AssignmentSnap(
            String id,
            String interactionId,
            String interactionChannel,
            String channel,
            String queue,
            long startedAt,
            long keyStart,
            long keySlMillis,
            long keyOrder,
            AssignmentStatus status,
            long wrapStartedAt,
            long wrapUntil,
            DeadlineSnap deadline,
            boolean consult) {
        public AssignmentSnap {
            Objects.requireNonNull(id, "assignment id");
            Objects.requireNonNull(interactionId, "interactionId");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * An interaction alive in the engine.
     *
     * @param parkedSince while it is {@link Phase#PARKED} (a call on hold), when it was parked, in engine time; null
     *     when not parked, or when unknown: parked before a restore from a snapshot older than schema version 4
     */
    public record InteractionSnap(
            String id,
            String channel,
            Direction direction,
            String sourceRef,
            String conversationId,
            String customerRef,
            long arrivedAt,
            Attributes attributes,
            Phase phase,
            Long parkedSince,
            long firstQueuedAt,
            int tier,
            long ageBonusMillis,
            List<Target> targets,
            int ronaCount,
            int visitCount,
            String lastQueue,
            VisitSnap visit,
            OfferSnap offer,
            boolean dialOut,
            CallbackSnap callback,
            boolean customerAway,
            DeadlineSnap customerGrace,
            OfferSnap consultOffer) {
        public InteractionSnap {
            Objects.requireNonNull(id, "interaction id");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(attributes, "attributes");
            if (parkedSince != null && phase != Phase.PARKED) {
                throw new IllegalArgumentException(
                        "interaction " + id + " is " + phase + ": only a parked one has" + " a parkedSince");
            }
            targets = List.copyOf(targets);
        }
    }

    public record VisitSnap(
            String id,
            String queue,
            long enteredAt,
            long keyStart,
            long keySlMillis,
            long order,
            boolean inherited,
            List<Requirement> baseRequirements,
            int relaxLevel,
            int appliedRules,
            int widenMask,
            int delayStage,
            boolean maxWaitFired,
            List<String> excluded,
            DeadlineSnap deadline) {
        public VisitSnap {
            Objects.requireNonNull(id, "visit id");
            Objects.requireNonNull(queue, "queue");
            baseRequirements = List.copyOf(baseRequirements);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * A callback's own state ({@link InteractionSnap#dialOut()}: nobody waits on the line, so the adapter dials the
     * customer after an accept).
     *
     * @param dials dials made so far
     * @param promisedAgent the advisor who promised it, or null
     * @param dialling the advisor answered and the customer is being dialled
     * @param kept the customer answered a dial
     * @param queue while it waits for its time: the queue it goes to
     * @param place while it waits for its time: the place in line it keeps ({@code keyStart}, {@code keySlMillis},
     *     {@code keyOrder}), or null for a new one
     * @param due while it waits for its time: its deadline
     */
    public record CallbackSnap(
            int dials,
            String promisedAgent,
            boolean dialling,
            boolean kept,
            String queue,
            KeptPlaceSnap place,
            DeadlineSnap due) {}

    /** A place in line kept for a later visit. */
    public record KeptPlaceSnap(long keyStart, long keySlMillis, long keyOrder) {}

    public record OfferSnap(
            String id,
            String agentId,
            String channel,
            long createdAt,
            long expiresAt,
            OfferStatus status,
            DeadlineSnap deadline) {
        public OfferSnap {
            Objects.requireNonNull(id, "offer id");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(status, "status");
        }
    }
}
