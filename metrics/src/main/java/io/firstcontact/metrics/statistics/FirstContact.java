package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First contact resolution: each identified customer's last contact within the window, in the order of those
 * contacts, so the ones that fell out of the window are dropped from the front as time passes (amortised O(1) per
 * contact, no scan). A contact is a repeat when its customer's previous contact is at most the window old; that
 * previous contact was then not resolved first time.
 */
final class FirstContact {
    private final long windowMillis;
    private final LinkedHashMap<String, Last> last = new LinkedHashMap<>();

    /** A customer's last contact: when, and which day. */
    record Last(long at, LocalDate date) {}

    FirstContact(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * An identified contact at {@code at}: counts the customer's previous contact as repeated (in its day) when it is
     * at most the window old, and returns whether this one is a repeat. Each contact is counted repeated at most once:
     * the next contact replaces it.
     */
    boolean contact(String identity, long at, LocalDate date, Outcomes outcomes) {
        forgetBefore(at - windowMillis);
        Last previous = last.remove(identity);
        boolean repeat = previous != null && at - previous.at() <= windowMillis;
        if (repeat) {
            Outcomes.Day earlier = outcomes.day(previous.date());
            if (earlier != null) {
                earlier.repeated++;
            }
        }
        last.put(identity, new Last(at, date)); // at the end: the order stays the order of the contacts
        return repeat;
    }

    /**
     * Forgets the contact judged at {@code at} under {@code identity} if it is still that customer's last contact: it
     * is to be judged again under another key. Answers whether it was; if not, a later contact of the same key has
     * judged it already (repeated, or past the window) and it must not be counted again.
     */
    boolean release(String identity, long at) {
        Last l = last.get(identity);
        if (l == null || l.at() != at) {
            return false;
        }
        last.remove(identity);
        return true;
    }

    private void forgetBefore(long cutoff) {
        Iterator<Last> it = last.values().iterator();
        while (it.hasNext()) {
            if (it.next().at() >= cutoff) {
                return;
            }
            it.remove();
        }
    }

    List<StatisticsSnapshot.LastContact> snap() {
        List<StatisticsSnapshot.LastContact> out = new ArrayList<>(last.size());
        for (Map.Entry<String, Last> e : last.entrySet()) {
            out.add(new StatisticsSnapshot.LastContact(
                    e.getKey(), e.getValue().at(), e.getValue().date()));
        }
        return out;
    }

    void restore(List<StatisticsSnapshot.LastContact> snaps) {
        snaps.forEach(s -> last.put(s.identity(), new Last(s.at(), s.date())));
    }
}
