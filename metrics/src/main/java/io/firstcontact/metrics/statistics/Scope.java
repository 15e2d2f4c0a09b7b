package io.firstcontact.metrics.statistics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One queue, one channel or the whole centre for the current day: its counts for the day and for each 15-minute
 * interval, and its advisors by state (the advisors who serve it: a queue's members, a channel's advisors, everyone).
 * Staffed and busy time are integrated from the advisors' counts whenever they change, split at interval boundaries;
 * the stretch since the last change is added at query time, never by a timer. Folded on the engine thread; {@link
 * #published()} is what other threads (the scrape) read.
 */
final class Scope {
    private final String name;
    private long dayStart;
    private long dayEnd;
    private Tally day = new Tally();
    private Tally[] intervals = new Tally[0];
    private final int[] advisors = new int[AdvisorState.values().length];
    /** Staffed and busy time is integrated up to here. */
    private long since;

    private volatile Published published;
    private boolean dirty = true;

    /**
     * What readers on other threads see: replaced whole at the end of each committed entry that changed the scope.
     *
     * @param day the day's counts, staffed and busy time up to {@code since}
     */
    record Published(long dayStart, long dayEnd, Counts day, int[] advisors, long since) {
        int staffed() {
            return staffedOf(advisors);
        }

        int busy() {
            return busyOf(advisors);
        }

        /** The day's counts as of {@code now} (staffed and busy time up to it); none once the day is over. */
        Counts asOf(long now, Days days) {
            if (now < dayEnd) {
                long dt = Math.max(0, now - since);
                return day.withTime(staffed() * dt, busy() * dt);
            }
            long dt = Math.max(0, now - Math.max(since, days.start(days.dateOf(now))));
            return Counts.NONE.withTime(staffed() * dt, busy() * dt);
        }

        int advisors(AdvisorState s) {
            return advisors[s.ordinal()];
        }

        int loggedIn() {
            return loggedInOf(advisors);
        }
    }

    Scope(String name) {
        this.name = name;
        publish();
    }

    String name() {
        return name;
    }

    void newDay(long start, long end, int intervalCount, long at) {
        dayStart = start;
        dayEnd = end;
        day = new Tally();
        intervals = new Tally[intervalCount];
        since = Math.max(at, start);
        dirty = true;
    }

    /** Applies a change to the day's and the interval's counts at {@code at}. */
    void record(long at, java.util.function.Consumer<Tally> change) {
        change.accept(day);
        change.accept(interval(Days.interval(dayStart, at)));
        dirty = true;
    }

    private Tally interval(int i) {
        int index = Math.min(Math.max(i, 0), intervals.length - 1);
        Tally t = intervals[index];
        if (t == null) {
            t = new Tally();
            intervals[index] = t;
        }
        return t;
    }

    /** An advisor of this scope went from one state to another ({@code null}: joined or left the scope). */
    void advisor(long at, AdvisorState from, AdvisorState to) {
        flush(at);
        if (from != null) {
            advisors[from.ordinal()]--;
        }
        if (to != null) {
            advisors[to.ordinal()]++;
        }
        dirty = true;
    }

    /** Integrates staffed and busy time up to {@code at} (within the day), split at interval boundaries. */
    void flush(long at) {
        long to = Math.min(at, dayEnd);
        int staffed = staffedOf(advisors);
        int busy = busyOf(advisors);
        if (to <= since) {
            return;
        }
        if (staffed > 0) {
            long from = since;
            while (from < to) {
                int i = Days.interval(dayStart, from);
                long boundary = Math.min(to, dayStart + (i + 1) * Days.INTERVAL_MILLIS);
                long dt = boundary - from;
                Tally t = interval(i);
                t.staffedMillis += staffed * dt;
                t.busyMillis += busy * dt;
                from = boundary;
            }
            day.staffedMillis += staffed * (to - since);
            day.busyMillis += busy * (to - since);
            dirty = true;
        }
        since = to;
    }

    int loggedIn() {
        return loggedInOf(advisors);
    }

    int advisorsIn(AdvisorState s) {
        return advisors[s.ordinal()];
    }

    Map<AdvisorState, Integer> advisorsByState() {
        Map<AdvisorState, Integer> m = new EnumMap<>(AdvisorState.class);
        for (AdvisorState s : AdvisorState.values()) {
            if (s != AdvisorState.LOGGED_OUT) {
                m.put(s, advisors[s.ordinal()]);
            }
        }
        return m;
    }

    /** The day's counts as of {@code now}. */
    Counts day(long now) {
        long dt = Math.max(0, Math.min(now, dayEnd) - since);
        return day.counts().withTime(staffedOf(advisors) * dt, busyOf(advisors) * dt);
    }

    /** Every interval with something in it (or open staffed time), as of {@code now}. */
    List<IntervalCounts> intervals(long now) {
        List<IntervalCounts> out = new ArrayList<>();
        long end = Math.min(now, dayEnd);
        for (int i = 0; i < intervals.length; i++) {
            long is = dayStart + i * Days.INTERVAL_MILLIS;
            long ie = Math.min(dayEnd, is + Days.INTERVAL_MILLIS);
            Counts c = intervals[i] == null ? Counts.NONE : intervals[i].counts();
            long open = Math.max(0, Math.min(end, ie) - Math.max(since, is));
            c = c.withTime(staffedOf(advisors) * open, busyOf(advisors) * open);
            if (!c.equals(Counts.NONE)) {
                out.add(new IntervalCounts(i, is, ie, c));
            }
        }
        return out;
    }

    Published published() {
        return published;
    }

    /** Publishes the current state if it changed since the last time. */
    void publish() {
        if (dirty) {
            published = new Published(dayStart, dayEnd, day.counts(), advisors.clone(), since);
            dirty = false;
        }
    }

    // ---- snapshot

    StatisticsSnapshot.ScopeSnap snap() {
        List<IntervalCounts> kept = new ArrayList<>();
        for (int i = 0; i < intervals.length; i++) {
            if (intervals[i] != null) {
                long is = dayStart + i * Days.INTERVAL_MILLIS;
                kept.add(new IntervalCounts(i, is, Math.min(dayEnd, is + Days.INTERVAL_MILLIS), intervals[i].counts()));
            }
        }
        List<Integer> counts = new ArrayList<>();
        for (int a : advisors) {
            counts.add(a);
        }
        return new StatisticsSnapshot.ScopeSnap(name, day.counts(), kept, counts, since);
    }

    /** Restores the day so far; call after {@link #newDay} for the snapshot's day. */
    void restore(StatisticsSnapshot.ScopeSnap s) {
        day = Tally.of(s.day());
        for (IntervalCounts ic : s.intervals()) {
            intervals[ic.index()] = Tally.of(ic.counts());
        }
        for (int i = 0; i < advisors.length; i++) {
            advisors[i] = s.advisors().get(i);
        }
        since = s.since();
        dirty = true;
    }

    static int staffedOf(int[] advisors) {
        int n = 0;
        for (AdvisorState s : AdvisorState.values()) {
            if (s.staffed()) {
                n += advisors[s.ordinal()];
            }
        }
        return n;
    }

    static int busyOf(int[] advisors) {
        return advisors[AdvisorState.BUSY.ordinal()] + advisors[AdvisorState.WRAP_UP.ordinal()];
    }

    static int loggedInOf(int[] advisors) {
        int n = 0;
        for (AdvisorState s : AdvisorState.values()) {
            if (s != AdvisorState.LOGGED_OUT) {
                n += advisors[s.ordinal()];
            }
        }
        return n;
    }
}
