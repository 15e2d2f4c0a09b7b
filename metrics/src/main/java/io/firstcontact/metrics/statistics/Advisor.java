package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.PresenceState;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One advisor: presence and work as the facts leave them, the derived {@link AdvisorState} and since when, the
 * scopes (queues, channels, the centre) they count in, and today's figures for the agent time report. Time in a state
 * is added when the state ends; the current stretch is added at query time.
 */
final class Advisor {
    final String id;
    String utilisationProfile;
    String routingProfile;
    PresenceState presence = PresenceState.LOGGED_OUT;
    String reason;
    long presenceSince;
    int active;
    int wrapping;
    int offers;
    AdvisorState state = AdvisorState.LOGGED_OUT;
    /** The not-ready reason while {@link #state} is NOT_READY. */
    String stateReason;

    long stateSince;
    /** When the current state (with its reason) began, whatever day that was; {@link #stateSince} is cut at midnight. */
    long enteredAt;

    List<Scope> scopes = List.of();

    // today
    long handled;
    long talkMillis;
    long holdMillis;
    long wrapUpMillis;
    long ronas;
    long crossSellOffered;
    long crossSellAccepted;
    final Map<AdvisorState, Long> millisIn = new EnumMap<>(AdvisorState.class);
    final Map<String, Long> notReadyMillisBy = new TreeMap<>();

    Advisor(String id) {
        this.id = id;
    }

    /** Derives the state from presence and work; moves to it at {@code at} if it changed. */
    void settle(long at) {
        AdvisorState next = AdvisorState.of(presence, active, wrapping, offers);
        String nextReason = next == AdvisorState.NOT_READY ? reason : null;
        if (next != state || !java.util.Objects.equals(nextReason, stateReason)) {
            account(at);
            for (Scope s : scopes) {
                s.advisor(at, state, next);
            }
            state = next;
            stateReason = nextReason;
            enteredAt = at;
        }
    }

    /** Adds the current stretch up to {@code at} to today's time in state, and starts a new one there. */
    void account(long at) {
        long dt = at - stateSince;
        if (dt > 0 && state != AdvisorState.LOGGED_OUT) {
            millisIn.merge(state, dt, Long::sum);
            if (state == AdvisorState.NOT_READY && stateReason != null) {
                notReadyMillisBy.merge(stateReason, dt, Long::sum);
            }
        }
        stateSince = Math.max(stateSince, at);
    }

    /** Leaves the old scopes and joins the new ones, in its current state. */
    void moveTo(long at, List<Scope> next) {
        for (Scope s : scopes) {
            s.advisor(at, state, null);
        }
        scopes = List.copyOf(next);
        for (Scope s : scopes) {
            s.advisor(at, null, state);
        }
    }

    /** A new day: today's figures start again at {@code dayStart} (the stretch before it was accounted). */
    void newDay(long dayStart) {
        handled = 0;
        talkMillis = 0;
        holdMillis = 0;
        wrapUpMillis = 0;
        ronas = 0;
        crossSellOffered = 0;
        crossSellAccepted = 0;
        millisIn.clear();
        notReadyMillisBy.clear();
        stateSince = Math.max(stateSince, dayStart);
    }

    /** Today's report as of {@code now}. */
    AdvisorRecord record(long now) {
        Map<AdvisorState, Long> in = new EnumMap<>(AdvisorState.class);
        in.putAll(millisIn);
        Map<String, Long> by = new TreeMap<>(notReadyMillisBy);
        long dt = now - stateSince;
        if (dt > 0 && state != AdvisorState.LOGGED_OUT) {
            in.merge(state, dt, Long::sum);
            if (state == AdvisorState.NOT_READY && stateReason != null) {
                by.merge(stateReason, dt, Long::sum);
            }
        }
        return new AdvisorRecord(
                id, handled, talkMillis, holdMillis, wrapUpMillis, ronas, crossSellOffered, crossSellAccepted, in, by);
    }

    // ---- snapshot

    StatisticsSnapshot.AdvisorSnap snap() {
        return new StatisticsSnapshot.AdvisorSnap(
                id,
                utilisationProfile,
                routingProfile,
                presence,
                reason,
                presenceSince,
                active,
                wrapping,
                offers,
                state,
                stateReason,
                stateSince,
                enteredAt,
                new AdvisorRecord(
                        id,
                        handled,
                        talkMillis,
                        holdMillis,
                        wrapUpMillis,
                        ronas,
                        crossSellOffered,
                        crossSellAccepted,
                        millisIn,
                        notReadyMillisBy));
    }

    /** The advisor as snapshotted; its scopes are joined by the caller (they are counted in the scopes' own snaps). */
    static Advisor restore(StatisticsSnapshot.AdvisorSnap s) {
        Advisor a = new Advisor(s.id());
        a.utilisationProfile = s.utilisationProfile();
        a.routingProfile = s.routingProfile();
        a.presence = s.presence();
        a.reason = s.reason();
        a.presenceSince = s.presenceSince();
        a.active = s.active();
        a.wrapping = s.wrapping();
        a.offers = s.offers();
        a.state = s.state();
        a.stateReason = s.stateReason();
        a.stateSince = s.stateSince();
        a.enteredAt = s.enteredAt();
        AdvisorRecord t = s.today();
        a.handled = t.handled();
        a.talkMillis = t.talkMillis();
        a.holdMillis = t.holdMillis();
        a.wrapUpMillis = t.wrapUpMillis();
        a.ronas = t.ronas();
        a.crossSellOffered = t.crossSellOffered();
        a.crossSellAccepted = t.crossSellAccepted();
        a.millisIn.putAll(t.millisIn());
        a.notReadyMillisBy.putAll(t.notReadyMillisBy());
        return a;
    }
}
