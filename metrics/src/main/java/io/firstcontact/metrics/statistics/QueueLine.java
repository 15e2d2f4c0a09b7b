package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.config.QueueConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A queue's line now: the visits waiting and those being offered to an advisor, whether the queue is open, and its
 * threshold T. "Waiting" means as in the read model ({@code GET /api/v1/queues}): in the queue and not being
 * offered; the longest wait is the oldest of those.
 *
 * <p>Visits enter in the order of their start instants, so a linked map in arrival order has the oldest first, in
 * O(1). A visit coming back from an unanswered offer is usually the oldest (offers go to the head of the line) and
 * goes back first; one that is not (a higher tier was offered first) waits in a small sorted set beside it.
 */
final class QueueLine {
    private static final Comparator<Visit> BY_START =
            Comparator.comparingLong(Visit::enteredAt).thenComparing(Visit::visitId);

    final String queue;
    String channel;
    long thresholdMillis;
    boolean open;
    private final LinkedHashMap<String, Long> inOrder = new LinkedHashMap<>();
    private final TreeSet<Visit> returned = new TreeSet<>(BY_START);
    private final Map<String, Long> returnedStarts = new HashMap<>();
    private final Map<String, Long> offered = new HashMap<>();

    private volatile Published published;
    private boolean dirty = true;

    /** One visit in line: its id and start. */
    record Visit(String visitId, long enteredAt) {}

    /** What the scrape reads: replaced whole. */
    record Published(
            String channel, long thresholdMillis, int waiting, int beingOffered, long oldestSince, boolean open) {}

    QueueLine(QueueConfig config, boolean open) {
        this.queue = config.id();
        configure(config);
        this.open = open;
        publish();
    }

    void configure(QueueConfig config) {
        this.channel = config.channel();
        this.thresholdMillis = config.serviceLevelThresholdMillis();
        dirty = true;
    }

    void started(String visitId, long enteredAt) {
        inOrder.put(visitId, enteredAt);
        dirty = true;
    }

    void offered(String visitId) {
        Long enteredAt = take(visitId);
        if (enteredAt != null) {
            offered.put(visitId, enteredAt);
            dirty = true;
        }
    }

    /** An offer ended without an answer: the visit is back in line, in its place by its start. */
    void backInLine(String visitId) {
        Long enteredAt = offered.remove(visitId);
        if (enteredAt == null) {
            return;
        }
        long oldest = oldestSince();
        if (oldest < 0 || enteredAt <= oldest) {
            inOrder.putFirst(visitId, enteredAt);
        } else if (enteredAt >= inOrder.lastEntry().getValue()) {
            inOrder.put(visitId, enteredAt);
        } else {
            returned.add(new Visit(visitId, enteredAt));
            returnedStarts.put(visitId, enteredAt);
        }
        dirty = true;
    }

    private Long take(String visitId) {
        Long enteredAt = inOrder.remove(visitId);
        if (enteredAt == null) {
            enteredAt = returnedStarts.remove(visitId);
            if (enteredAt != null) {
                returned.remove(new Visit(visitId, enteredAt));
            }
        }
        return enteredAt;
    }

    void ended(String visitId) {
        if (take(visitId) != null || offered.remove(visitId) != null) {
            dirty = true;
        }
    }

    void open(boolean isOpen) {
        open = isOpen;
        dirty = true;
    }

    int waiting() {
        return inOrder.size() + returned.size();
    }

    int beingOffered() {
        return offered.size();
    }

    /** The oldest waiting visit's start, or -1. */
    long oldestSince() {
        long a = inOrder.isEmpty() ? Long.MAX_VALUE : inOrder.firstEntry().getValue();
        long b = returned.isEmpty() ? Long.MAX_VALUE : returned.first().enteredAt();
        long oldest = Math.min(a, b);
        return oldest == Long.MAX_VALUE ? -1 : oldest;
    }

    Published published() {
        return published;
    }

    void publish() {
        if (dirty) {
            published = new Published(channel, thresholdMillis, waiting(), beingOffered(), oldestSince(), open);
            dirty = false;
        }
    }

    StatisticsSnapshot.LineSnap snap() {
        TreeSet<Visit> all = new TreeSet<>(BY_START);
        inOrder.forEach((id, at) -> all.add(new Visit(id, at)));
        all.addAll(returned);
        TreeSet<Visit> ringing = new TreeSet<>(BY_START);
        offered.forEach((id, at) -> ringing.add(new Visit(id, at)));
        List<StatisticsSnapshot.Visit> waitingNow = new ArrayList<>();
        all.forEach(v -> waitingNow.add(new StatisticsSnapshot.Visit(v.visitId(), v.enteredAt())));
        List<StatisticsSnapshot.Visit> offeredNow = new ArrayList<>();
        ringing.forEach(v -> offeredNow.add(new StatisticsSnapshot.Visit(v.visitId(), v.enteredAt())));
        return new StatisticsSnapshot.LineSnap(queue, open, waitingNow, offeredNow);
    }

    void restore(StatisticsSnapshot.LineSnap s) {
        open = s.open();
        s.waiting().forEach(v -> inOrder.put(v.visitId(), v.enteredAt()));
        s.offered().forEach(v -> offered.put(v.visitId(), v.enteredAt()));
        dirty = true;
    }
}
