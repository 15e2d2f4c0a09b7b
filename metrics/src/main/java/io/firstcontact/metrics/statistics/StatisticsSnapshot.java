package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.PresenceState;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the statistics hold, as of the journal entry {@code seq}: saved beside each engine snapshot (the journal
 * before it is trimmed), restored before the entries after it are replayed, so that the figures after a restart equal
 * the figures before it. Plain records, so the server can write them as JSON. Customers appear only as keys.
 *
 * @param version the format's version ({@link #VERSION})
 * @param seq the last journal entry folded in
 * @param at that entry's engine time
 * @param config the routing configuration in force (queues, channels, profiles)
 * @param date the current day, or null before the first entry
 * @param closedDays the last days closed, kept until they are surely in the history store
 */
public record StatisticsSnapshot(
        int version,
        long seq,
        long at,
        RoutingConfig config,
        LocalDate date,
        List<ScopeSnap> queues,
        List<ScopeSnap> channels,
        ScopeSnap centre,
        CentreRecord centreToday,
        List<LineSnap> lines,
        List<AdvisorSnap> advisors,
        List<WorkSnap> work,
        List<OfferSnap> offers,
        List<ContactSnap> contacts,
        List<LastContact> lastContacts,
        List<PendingOffers> pendingOffers,
        List<OutcomeRecord> outcomeDays,
        List<DayRecord> closedDays) {

    public static final int VERSION = 1;

    public StatisticsSnapshot {
        queues = List.copyOf(queues);
        channels = List.copyOf(channels);
        lines = List.copyOf(lines);
        advisors = List.copyOf(advisors);
        work = List.copyOf(work);
        offers = List.copyOf(offers);
        contacts = List.copyOf(contacts);
        lastContacts = List.copyOf(lastContacts);
        pendingOffers = List.copyOf(pendingOffers);
        outcomeDays = List.copyOf(outcomeDays);
        closedDays = List.copyOf(closedDays);
    }

    /** A scope's day so far: counts, intervals, advisors by {@link AdvisorState} ordinal, integrated up to since. */
    public record ScopeSnap(
            String name, Counts day, List<IntervalCounts> intervals, List<Integer> advisors, long since) {}

    /** A visit in a queue's line. */
    public record Visit(String visitId, long enteredAt) {}

    /** A queue's line: its waiting visits in start order, those being offered, whether it is open. */
    public record LineSnap(String queue, boolean open, List<Visit> waiting, List<Visit> offered) {}

    /** An advisor's presence, work, derived state and today's report so far. */
    public record AdvisorSnap(
            String id,
            String utilisationProfile,
            String routingProfile,
            PresenceState presence,
            String reason,
            long presenceSince,
            int active,
            int wrapping,
            int offers,
            AdvisorState state,
            String stateReason,
            long stateSince,
            long enteredAt,
            AdvisorRecord today) {}

    /** An open assignment. */
    public record WorkSnap(
            String assignmentId,
            String agentId,
            String interactionId,
            String queue,
            String channel,
            long startedAt,
            AssignmentStatus status,
            long wrapStartedAt,
            long heldSince,
            long holdMillis,
            boolean leg,
            Map<String, CrossSellOutcome> crossSell) {}

    /** A live offer: the visit it is for and who it rings. */
    public record OfferSnap(String offerId, String visitId, String queue, String channel, String agentId) {}

    /**
     * A live contact and its export row so far.
     *
     * @param judgedAt when first contact resolution judged it under {@code identity}; null when unidentified, and in
     *     snapshots written before customers were identified after arrival (it was then its arrival)
     */
    public record ContactSnap(
            String interactionId,
            String channel,
            Direction direction,
            long arrivedAt,
            String customerRef,
            String identity,
            List<String> work,
            ContactRecord sofar,
            Long judgedAt) {}

    /** A customer's last contact within the first-contact window (listed in contact order). */
    public record LastContact(String identity, long at, LocalDate date) {}

    /** A customer's digital services offered within the channel-shift window (listed by latest offer). */
    public record PendingOffers(String identity, long lastAt, List<OfferedService> offers) {}

    /** One digital service offered: when, and which day counts it. */
    public record OfferedService(String service, long at, LocalDate date) {}
}
