package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.OfferKind;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.PresenceState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One advisor's desk as the committed journal leaves it after entry {@code entryId}: their state, the offers ringing
 * for them and the work they hold. Pushed whole whenever an entry changes it, so a desktop that reconnects is whole
 * again with one message; their recent contacts ({@link Contact}) change less often and travel apart. Times are engine
 * times (epoch milliseconds; JSON writes them as RFC 3339).
 *
 * @param entryId the journal entry this state follows (the desktop resumes after it)
 * @param agent the advisor, or null when routing does not know this advisor id
 * @param offers offers ringing, oldest first
 * @param work assignments open (active or in wrap-up), oldest first
 */
public record DeskState(String entryId, Agent agent, List<OfferCard> offers, List<WorkCard> work) {
    public DeskState {
        offers = List.copyOf(offers);
        work = List.copyOf(work);
    }

    /**
     * @param presence LOGGED_OUT, READY or NOT_READY
     * @param reason the not-ready reason, or null
     * @param presenceSince when it began, or null when unknown (after a restart from a snapshot written before they were kept)
     * @param pendingPresence a presence asked for while work is open, or null
     * @param pendingReason its reason, or null
     * @param sessionAttached whether routing counts their desktop as connected
     * @param capacity how many of each channel they may hold at once (the chat panels side by side)
     */
    public record Agent(
            String agentId,
            PresenceState presence,
            String reason,
            Long presenceSince,
            PresenceState pendingPresence,
            String pendingReason,
            boolean sessionAttached,
            Map<String, Integer> capacity) {
        public Agent {
            capacity = Map.copyOf(capacity);
        }
    }

    /**
     * An offer ringing for the advisor, with the screen pop's context.
     *
     * @param kind CONNECT (a customer waiting), DIAL_CUSTOMER (a callback or an outbound call) or CONSULT (a colleague
     *     asks them into a call)
     * @param consultFrom for a consult: the colleague on the call who asks, else null
     */
    public record OfferCard(
            String offerId,
            String interactionId,
            String channel,
            String queue,
            OfferStatus status,
            long offeredAt,
            long expiresAt,
            InteractionContext context,
            OfferKind kind,
            Colleague consultFrom) {}

    /**
     * Another advisor, as the desk names them.
     *
     * @param agentId their advisor id
     * @param name their staff name and id where a member of staff works as them, else the id
     */
    public record Colleague(String agentId, String name) {
        public Colleague {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A consult (warm transfer) on a call.
     *
     * @param role CONSULTING: this advisor brought the colleague in and completes or cancels; CONSULTED: this
     *     advisor is the colleague, asked in
     * @param colleague the other advisor
     * @param answered whether the colleague answered (the two advisors talk) or is still being rung
     */
    public record Consult(Role role, Colleague colleague, boolean answered) {
        public enum Role {
            CONSULTING,
            CONSULTED
        }

        public Consult {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(colleague, "colleague");
        }
    }

    /**
     * Work the advisor holds.
     *
     * @param interactionEnded the customer has gone (a call hung up): only wrap-up is left
     * @param wrapUpCodes the codes recorded so far
     * @param crossSell the cross-sell outcomes recorded so far, by digital service
     * @param forms the scripts whose answers went to the back office
     * @param held the call is on hold
     * @param heldSince since when, or null when not on hold or not known (held before a restart from a snapshot written before they were kept)
     * @param consult the consult on the call, or null
     */
    public record WorkCard(
            String assignmentId,
            String interactionId,
            String channel,
            String queue,
            AssignmentStatus status,
            long startedAt,
            Long wrapUpUntil,
            boolean interactionEnded,
            InteractionContext context,
            List<String> wrapUpCodes,
            Map<String, CrossSellOutcome> crossSell,
            List<String> forms,
            boolean held,
            Long heldSince,
            Consult consult) {
        public WorkCard {
            wrapUpCodes = List.copyOf(wrapUpCodes);
            crossSell = Map.copyOf(crossSell);
            forms = List.copyOf(forms);
        }
    }

    /**
     * A contact the advisor handled.
     *
     * @param notes the advisor's own notes: personal, kept only here (never journaled), or null
     */
    public record Contact(
            String assignmentId,
            String interactionId,
            String channel,
            String queue,
            String customerRef,
            String reason,
            long startedAt,
            long endedAt,
            List<String> wrapUpCodes,
            Map<String, CrossSellOutcome> crossSell,
            List<String> forms,
            String notes) {
        public Contact {
            wrapUpCodes = List.copyOf(wrapUpCodes);
            crossSell = Map.copyOf(crossSell);
            forms = List.copyOf(forms);
        }
    }
}
