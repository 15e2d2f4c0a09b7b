package io.firstcontact.router.api.command;

import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DeviceName;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that can happen to the routing engine. Each is applied by one sequenced {@code EngineInput}; records
 * validate their own fields, and the engine refuses what does not fit its state (docs/routing-contract.md §7).
 */
public sealed interface Command {

    /** A short name for metrics and traces ({@code CreateInteraction}, …). */
    default String type() {
        return getClass().getSimpleName();
    }

    // ---- configuration ----

    /** Replace the routing configuration atomically (it is already validated as a whole). */
    record ConfigureRouting(RoutingConfig config) implements Command {
        public ConfigureRouting {
            Objects.requireNonNull(config, "config");
        }
    }

    // ---- advisors ----

    /** Create an advisor, or redefine one (skills and profiles) at runtime. */
    record DefineAgent(String agentId, List<SkillLevel> skills, String utilisationProfile, String routingProfile)
            implements Command {
        public DefineAgent {
            Ids.require(agentId, "agentId");
            skills = Skills.check(skills);
            Ids.require(utilisationProfile, "utilisationProfile");
            Ids.require(routingProfile, "routingProfile");
        }
    }

    /** Change an advisor's skills at runtime. */
    record ChangeSkills(String agentId, List<SkillLevel> skills) implements Command {
        public ChangeSkills {
            Ids.require(agentId, "agentId");
            skills = Skills.check(skills);
        }
    }

    /** Put an advisor on other queues (e.g. emails this afternoon) without touching skills. */
    record AssignRoutingProfile(String agentId, String routingProfile, Actor actor) implements Command {
        public AssignRoutingProfile {
            Ids.require(agentId, "agentId");
            Ids.require(routingProfile, "routingProfile");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * An advisor logs in; they start READY or NOT_READY(LOGIN). Their session is attached.
     *
     * @param device the phone they sit at, which the voice edge rings for their calls ({@code PJSIP/1001}); null for
     *     none (an advisor without a device takes no voice calls through a telephony edge). It is theirs until they log
     *     out.
     */
    record LogIn(String agentId, boolean ready, Actor actor, String device) implements Command {
        public LogIn {
            Ids.require(agentId, "agentId");
            Objects.requireNonNull(actor, "actor");
            DeviceName.optional(device, "device");
        }

        /** A login without a phone device. */
        public LogIn(String agentId, boolean ready, Actor actor) {
            this(agentId, ready, actor, null);
        }
    }

    /**
     * Ask for a presence. With open work, NOT_READY and LOGGED_OUT are pending: the advisor is ineligible at once and
     * the presence applies when the last work ends. {@code force} (a supervisor's) applies a logout at once.
     */
    record ChangePresence(String agentId, PresenceState presence, String reason, Actor actor, boolean force)
            implements Command {
        public ChangePresence {
            Ids.require(agentId, "agentId");
            Objects.requireNonNull(presence, "presence");
            Objects.requireNonNull(actor, "actor");
            if (presence == PresenceState.NOT_READY) {
                Ids.require(reason, "not-ready reason");
            } else if (reason != null) {
                throw new IllegalArgumentException("only NOT_READY has a reason");
            }
        }
    }

    /** The advisor's desktop session is gone (socket closed, keep-alive missed). */
    record SessionLost(String agentId) implements Command {
        public SessionLost {
            Ids.require(agentId, "agentId");
        }
    }

    /** The advisor's desktop session is back. */
    record SessionRestored(String agentId) implements Command {
        public SessionRestored {
            Ids.require(agentId, "agentId");
        }
    }

    // ---- interactions ----

    /**
     * A new interaction at the edge. Idempotent on {@code sourceRef}: a second creation for a live source object
     * changes nothing and names the existing interaction. With {@code queue} null it starts in self-service.
     */
    record CreateInteraction(
            String interactionId,
            String channel,
            Direction direction,
            String sourceRef,
            String conversationId,
            String customerRef,
            Attributes attributes,
            QueueRequest queue)
            implements Command {
        public CreateInteraction {
            Ids.require(interactionId, "interactionId");
            Ids.require(channel, "channel");
            Objects.requireNonNull(direction, "direction");
            Ids.require(sourceRef, "sourceRef");
            Ids.optional(conversationId, "conversationId");
            Ids.optional(customerRef, "customerRef");
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /**
     * The customer of a live interaction that arrived without a {@code customerRef} turned out to be {@code
     * customerRef}: an account directory found them by the caller's number or address, or by a reference they keyed
     * in. The interaction takes the reference, so that "the same customer" holds across channels (docs/routing-contract.md
     * §11). The same reference again changes nothing; another reference than the one it has is refused: the edge's own
     * stands.
     */
    record IdentifyCustomer(String interactionId, String customerRef) implements Command {
        public IdentifyCustomer {
            Ids.require(interactionId, "interactionId");
            Ids.require(customerRef, "customerRef");
        }
    }

    /** Self-service is over: queue the interaction. */
    record QueueInteraction(String interactionId, QueueRequest request) implements Command {
        public QueueInteraction {
            Ids.require(interactionId, "interactionId");
            Objects.requireNonNull(request, "request");
        }
    }

    /** Replace the attributes (screen pop data, IVR choices). */
    record UpdateAttributes(String interactionId, Attributes attributes) implements Command {
        public UpdateAttributes {
            Ids.require(interactionId, "interactionId");
            Objects.requireNonNull(attributes, "attributes");
        }
    }

    /**
     * Change a waiting interaction's tier, age bonus and targets (its key changes accordingly). A component left
     * {@code null} keeps what the interaction has: raising a caller's tier keeps the advisors it is targeted to, and
     * naming an advisor keeps the tier. An empty {@code targets} removes every target.
     */
    record UpdateRouting(String interactionId, Integer tier, Long ageBonusMillis, List<Target> targets)
            implements Command {
        public UpdateRouting {
            Ids.require(interactionId, "interactionId");
            targets = targets == null ? null : List.copyOf(targets);
            new QueueRequest( // same bounds as at queueing
                    "check",
                    null,
                    tier == null ? 0 : tier,
                    ageBonusMillis == null ? 0 : ageBonusMillis,
                    targets == null ? List.of() : targets,
                    -1,
                    -1);
        }

        /** Changes all three: tier, age bonus and targets. */
        public UpdateRouting(String interactionId, int tier, long ageBonusMillis, List<Target> targets) {
            this(interactionId, Integer.valueOf(tier), Long.valueOf(ageBonusMillis), targets);
        }
    }

    /** Transfer to a queue: a new visit, keeping the caller's place when {@code inheritWait}. */
    record TransferToQueue(String interactionId, String queue, boolean inheritWait, Actor actor) implements Command {
        public TransferToQueue {
            Ids.require(interactionId, "interactionId");
            Ids.require(queue, "queue");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Transfer to a named advisor: a new visit in {@code queue} (null: the last queue) that waits for them only for
     * the policy's named-transfer window, then routes normally.
     */
    record TransferToAgent(String interactionId, String agentId, String queue, Actor actor) implements Command {
        public TransferToAgent {
            Ids.require(interactionId, "interactionId");
            Ids.require(agentId, "agentId");
            Ids.optional(queue, "queue");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Transfer out of the centre (an external number): the interaction ends here. */
    record TransferExternal(String interactionId, String destination, Actor actor) implements Command {
        public TransferExternal {
            Ids.require(interactionId, "interactionId");
            Ids.require(destination, "destination");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The interaction is over (caller hung up, chat closed, email answered, self-served). */
    record EndInteraction(String interactionId, EndReason reason) implements Command {
        public EndInteraction {
            Ids.require(interactionId, "interactionId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    // ---- offers ----

    /** The offer reached the advisor (phone ringing, desktop showing it): RESERVED → ALERTING. */
    record OfferDelivered(String offerId) implements Command {
        public OfferDelivered {
            Ids.require(offerId, "offerId");
        }
    }

    /** Accept, from the channel's authority (the answered phone for voice, the desktop for chat). */
    record AcceptOffer(String offerId, Actor actor) implements Command {
        public AcceptOffer {
            Ids.require(offerId, "offerId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    record RejectOffer(String offerId, Actor actor) implements Command {
        public RejectOffer {
            Ids.require(offerId, "offerId");
            Objects.requireNonNull(actor, "actor");
        }
    }

    record OfferFailed(String offerId, FailureCause cause) implements Command {
        public OfferFailed {
            Ids.require(offerId, "offerId");
            Objects.requireNonNull(cause, "cause");
        }
    }

    record CancelOffer(String offerId, CancelCause cause, Actor actor) implements Command {
        public CancelOffer {
            Ids.require(offerId, "offerId");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(actor, "actor");
        }
    }

    // ---- wrap-up ----

    /** Lengthen wrap-up, up to the queue's maximum in all. */
    record ExtendWrapUp(String assignmentId, long extraMillis) implements Command {
        public ExtendWrapUp {
            Ids.require(assignmentId, "assignmentId");
            if (extraMillis <= 0) {
                throw new IllegalArgumentException("extraMillis must be positive");
            }
        }
    }

    /** The advisor finished wrap-up early. */
    record EndWrapUp(String assignmentId) implements Command {
        public EndWrapUp {
            Ids.require(assignmentId, "assignmentId");
        }
    }

    // ---- outcomes: recorded for the statistics, no routing change ----

    /**
     * A self-service attempt on a live interaction ended (IVR by keypad, or its text form in a chat).
     *
     * @param service a configured self-service id ({@code pay-pcn}, {@code pay-council-tax}, {@code request-status})
     */
    record RecordSelfService(String interactionId, String service, SelfServiceOutcome outcome) implements Command {
        public RecordSelfService {
            Ids.require(interactionId, "interactionId");
            Ids.require(service, "service");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The advisor records what came of a cross-sell prompt, while the assignment is active or in wrap-up.
     *
     * @param service a digital service id ({@code online-account}, {@code pay-online}, {@code bin-alerts})
     */
    record RecordCrossSell(String assignmentId, String service, CrossSellOutcome outcome, Actor actor)
            implements Command {
        public RecordCrossSell {
            Ids.require(assignmentId, "assignmentId");
            Ids.require(service, "service");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * Wrap-up codes for an assignment that is active or in wrap-up; a later record replaces an earlier one. Free-text
     * notes are personal and never part of this command.
     */
    record RecordWrapUp(String assignmentId, List<String> codes, Actor actor) implements Command {
        /** The most codes one wrap-up carries. */
        public static final int MAX_CODES = 16;

        public RecordWrapUp {
            Ids.require(assignmentId, "assignmentId");
            codes = List.copyOf(codes);
            if (codes.size() > MAX_CODES) {
                throw new IllegalArgumentException("at most " + MAX_CODES + " wrap-up codes");
            }
            for (String code : codes) {
                Ids.require(code, "wrap-up code");
            }
            if (codes.stream().distinct().count() != codes.size()) {
                throw new IllegalArgumentException("a wrap-up code is given twice");
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /**
     * The back office reports a customer's online self-service, so that the statistics can tell whether a digital
     * service suggested in a contact was taken up.
     *
     * @param activity what they did online ({@code registered}, {@code paid-online}, {@code reported-online})
     */
    record ReportOnlineActivity(String customerRef, String activity) implements Command {
        public ReportOnlineActivity {
            Ids.require(customerRef, "customerRef");
            Ids.require(activity, "activity");
        }
    }

    // ---- queues ----

    /** A calendar opened the queue. */
    record OpenQueue(String queue) implements Command {
        public OpenQueue {
            Ids.require(queue, "queue");
        }
    }

    /** A calendar (or an emergency closure) closed the queue. */
    record CloseQueue(String queue) implements Command {
        public CloseQueue {
            Ids.require(queue, "queue");
        }
    }

    // ---- time ----

    /** Every deadline due at or before the input's time fires, in due order. Sent by the host's timer. */
    record DeadlinesDue() implements Command {}

    // ---- the channels' edges: devices, callbacks, hold, customer connections, consults, inventories ----

    /**
     * The advisor's phone changed state, as the telephony reports it. Voice is offered to an advisor only while
     * their phone is free ({@link DeviceState#free()}) or busy with the offer or call the engine itself gave them;
     * a phone becoming free can make an offer at once. Other channels do not look at it.
     */
    record DeviceStateChanged(String agentId, DeviceState state) implements Command {
        public DeviceStateChanged {
            Ids.require(agentId, "agentId");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A waiting caller asks to be called back, keeping their place in line. Their visit ends {@code
     * CALLBACK_CONVERTED} and a new one starts in the same queue with the same place; their leg may go (hanging up
     * is not an abandon). When an advisor is matched the offer is {@link io.firstcontact.router.api.model.OfferKind#
     * DIAL_CUSTOMER}: the advisor is rung first, and once they answer the adapter dials the customer and reports
     * {@link CallbackDialOutcome}.
     *
     * @param number the number to call back: personal, so an attribute of the interaction (sealed in the journal
     *     unless configuration classifies its name otherwise, which it should not)
     */
    record RequestCallback(String interactionId, Attribute number) implements Command {
        /** The attribute name of a callback's number when it is given as text. */
        public static final String NUMBER = "callbackNumber";

        public RequestCallback {
            Ids.require(interactionId, "interactionId");
            Objects.requireNonNull(number, "number");
        }

        /** A callback to {@code number}, kept as the interaction's {@value #NUMBER} attribute. */
        public RequestCallback(String interactionId, String number) {
            this(interactionId, new Attribute(NUMBER, number));
        }
    }

    /**
     * What came of dialling a callback's customer after the advisor answered. {@code ANSWERED}: the call goes on as a
     * connected call. Otherwise the advisor's assignment ends without wrap-up and, by the queue's callback rule, the
     * callback waits again with its place after the retry delay, or ends {@code CALLBACK_FAILED} once its attempts are
     * spent.
     */
    record CallbackDialOutcome(String interactionId, DialOutcome outcome) implements Command {
        public CallbackDialOutcome {
            Ids.require(interactionId, "interactionId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * An advisor promises to call a customer back at a time: a new callback interaction ({@code direction
     * CALLBACK}, source {@code callback:<interactionId>}) that waits, ineligible, until {@code dueAt}, then queues
     * in {@code queue} (a voice queue). With {@code agentId} it waits for that advisor only for the policy's
     * named-transfer window, then routes normally; without, it goes to the queue.
     *
     * @param number the number to call (personal: kept as the interaction's attribute)
     * @param dueAt engine time at which it queues; a time already past queues it at once
     * @param agentId the advisor who promised, or null for anyone of the queue
     * @param actor who promised
     */
    record ScheduleCallback(
            String interactionId,
            String customerRef,
            Attribute number,
            String queue,
            long dueAt,
            String agentId,
            Actor actor)
            implements Command {
        public ScheduleCallback {
            Ids.require(interactionId, "interactionId");
            Ids.optional(customerRef, "customerRef");
            Objects.requireNonNull(number, "number");
            Ids.require(queue, "queue");
            if (dueAt < 0) {
                throw new IllegalArgumentException("dueAt must not be negative");
            }
            Ids.optional(agentId, "agentId");
            Objects.requireNonNull(actor, "actor");
        }

        /** A callback to {@code number}, kept as the interaction's {@value RequestCallback#NUMBER} attribute. */
        public ScheduleCallback(
                String interactionId,
                String customerRef,
                String number,
                String queue,
                long dueAt,
                String agentId,
                Actor actor) {
            this(
                    interactionId,
                    customerRef,
                    new Attribute(RequestCallback.NUMBER, number),
                    queue,
                    dueAt,
                    agentId,
                    actor);
        }
    }

    /** Hold a connected call: it is {@code PARKED}; the advisor's assignment and capacity stay (hold is handle time). */
    record Park(String interactionId) implements Command {
        public Park {
            Ids.require(interactionId, "interactionId");
        }
    }

    /** Take a parked call off hold: it is {@code CONNECTED} again. */
    record Resume(String interactionId) implements Command {
        public Resume {
            Ids.require(interactionId, "interactionId");
        }
    }

    /**
     * The customer's connection dropped (a chat's socket). While they wait, their place is kept for the channel's
     * grace period and then their visit ends {@code ABANDONED}; with an advisor it is a fact only. A voice call whose
     * AMI session was lost is not this: the call still exists.
     */
    record CustomerDisconnected(String interactionId) implements Command {
        public CustomerDisconnected {
            Ids.require(interactionId, "interactionId");
        }
    }

    /** The customer's connection is back; within the grace period nothing else changes. */
    record CustomerReconnected(String interactionId) implements Command {
        public CustomerReconnected {
            Ids.require(interactionId, "interactionId");
        }
    }

    /**
     * The advisor of a connected (or parked) voice call consults a named colleague (warm transfer): the colleague,
     * who must be ready with their phone free, gets a {@link io.firstcontact.router.api.model.OfferKind#CONSULT}
     * offer; once they answer, a second assignment on the interaction is live.
     */
    record StartConsult(String interactionId, String agentId) implements Command {
        public StartConsult {
            Ids.require(interactionId, "interactionId");
            Ids.require(agentId, "agentId");
        }
    }

    /**
     * The consultation with {@code agentId} ends. {@code COMPLETED}: the original advisor's assignment goes to
     * wrap-up and the colleague's becomes the call's. {@code CANCELLED}: the colleague's leg ends without wrap-up (or
     * their offer is withdrawn) and the customer stays with the original advisor.
     */
    record EndConsult(String interactionId, String agentId, ConsultOutcome outcome) implements Command {
        public EndConsult {
            Ids.require(interactionId, "interactionId");
            Ids.require(agentId, "agentId");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * After a restart or a reconnect, a source lists every live object it still has ({@code sourceRefs}, each
     * {@code <source>:…}). Its live interactions that are missing end {@code LOST_DURING_OUTAGE}; the listed ones the
     * engine does not know are named back (the source creates them with their edge wait start). Callbacks waiting
     * for their time have no live object at the source and are left alone.
     */
    record SourceInventory(String source, List<String> sourceRefs) implements Command {
        /** The most objects one inventory lists. */
        public static final int MAX_REFS = 10_000;

        public SourceInventory {
            Ids.require(source, "source");
            sourceRefs = List.copyOf(sourceRefs);
            if (sourceRefs.size() > MAX_REFS) {
                throw new IllegalArgumentException("at most " + MAX_REFS + " sourceRefs");
            }
            for (String ref : sourceRefs) {
                Ids.require(ref, "sourceRef");
            }
        }
    }

    /**
     * An input journaled before its command was built, which the engine then refused as not supported yet. Reading
     * an older journal turns such an entry into this (see docs/journal-format.md), so that recovery decides the same
     * refusal again; nothing else sends it.
     *
     * @param command the simple name of the command it was ({@code Park}, {@code StartConsult}, …)
     */
    record RefusedAsNotSupported(String command) implements Command {
        public RefusedAsNotSupported {
            Ids.require(command, "command");
        }
    }

    /** Validation shared by the commands that carry skills. */
    final class Skills {
        private Skills() {}

        static List<SkillLevel> check(List<SkillLevel> skills) {
            List<SkillLevel> copy = List.copyOf(skills);
            List<String> seen = new ArrayList<>();
            for (SkillLevel s : copy) {
                if (seen.contains(s.skill())) {
                    throw new IllegalArgumentException("a skill is given twice");
                }
                seen.add(s.skill());
            }
            return copy;
        }
    }
}
