package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-sell → channel shift: for each customer offered a digital service, the offers still inside the window, in
 * the order of each customer's latest offer so the ones that fell out are dropped from the front (amortised O(1)).
 * When the back office reports the customer's online activity, each pending offer it matches counts as shifted in the
 * day it was made.
 */
final class ChannelShift {
    private final long windowMillis;
    /** A service's activities that count as using it; a service not listed counts any activity. */
    private final Map<String, List<String>> activities;

    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

    /** One service offered to a customer: when, and which day. */
    record Offer(String service, long at, LocalDate date) {}

    private static final class Pending {
        final List<Offer> offers = new ArrayList<>();
        long lastAt;
    }

    ChannelShift(long windowMillis, Map<String, List<String>> activities) {
        this.windowMillis = windowMillis;
        this.activities = Map.copyOf(activities);
    }

    /**
     * A customer was offered {@code service}; counts it in its day unless the same offer is already pending (an
     * advisor recording "offered" then "accepted" is one offer).
     */
    void offered(String identity, String service, long at, LocalDate date, Outcomes outcomes) {
        forgetBefore(at - windowMillis);
        Pending p = pending.remove(identity);
        if (p == null) {
            p = new Pending();
        }
        p.offers.removeIf(o -> at - o.at() > windowMillis);
        boolean known = p.offers.stream().anyMatch(o -> o.service().equals(service));
        if (!known) {
            p.offers.add(new Offer(service, at, date));
            Outcomes.Day day = outcomes.day(date);
            if (day != null) {
                day.crossSellOffered.merge(service, 1L, Long::sum);
            }
        }
        p.lastAt = at;
        pending.put(identity, p);
    }

    /** The customer did {@code activity} online: every pending offer it matches counts as shifted, once. */
    void activity(String identity, String activity, long at, Outcomes outcomes) {
        forgetBefore(at - windowMillis);
        Pending p = pending.get(identity);
        if (p == null) {
            return;
        }
        Iterator<Offer> it = p.offers.iterator();
        while (it.hasNext()) {
            Offer o = it.next();
            if (at - o.at() <= windowMillis && matches(o.service(), activity)) {
                Outcomes.Day day = outcomes.day(o.date());
                if (day != null) {
                    day.shifted.merge(o.service(), 1L, Long::sum);
                }
                it.remove();
            }
        }
        if (p.offers.isEmpty()) {
            pending.remove(identity);
        }
    }

    private boolean matches(String service, String activity) {
        List<String> counted = activities.get(service);
        return counted == null || counted.isEmpty() || counted.contains(activity);
    }

    private void forgetBefore(long cutoff) {
        Iterator<Pending> it = pending.values().iterator();
        while (it.hasNext()) {
            if (it.next().lastAt >= cutoff) {
                return;
            }
            it.remove();
        }
    }

    List<StatisticsSnapshot.PendingOffers> snap() {
        List<StatisticsSnapshot.PendingOffers> out = new ArrayList<>(pending.size());
        pending.forEach((id, p) -> {
            List<StatisticsSnapshot.OfferedService> offers = new ArrayList<>();
            p.offers.forEach(o -> offers.add(new StatisticsSnapshot.OfferedService(o.service(), o.at(), o.date())));
            out.add(new StatisticsSnapshot.PendingOffers(id, p.lastAt, offers));
        });
        return out;
    }

    void restore(List<StatisticsSnapshot.PendingOffers> snaps) {
        for (StatisticsSnapshot.PendingOffers s : snaps) {
            Pending p = new Pending();
            p.lastAt = s.lastAt();
            s.offers().forEach(o -> p.offers.add(new Offer(o.service(), o.at(), o.date())));
            pending.put(s.identity(), p);
        }
    }
}
