package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.port.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Watches the alert conditions, event-driven: each is evaluated when a fact changes what it depends on, and the
 * timed ones (a wait or a not-ready stretch growing past its threshold) get one timer at their exact deadline —
 * rescheduled when the oldest caller or the advisor's presence changes, never a periodic check. While the journal is
 * replayed nothing is watched; {@link #goLive} evaluates everything once, then changes keep it current.
 */
final class AlertWatch {
    private final StatisticsOptions.AlertThresholds thresholds;
    private final ServiceLevelDefinition serviceLevel;
    private final Scheduler scheduler;
    private final Consumer<Alert> raised;
    private final Consumer<Alert> cleared;

    private final TreeMap<String, Alert> active = new TreeMap<>();
    private final Map<String, Timer> timers = new HashMap<>();
    private boolean live;

    /** A pending timer and the deadline it was set for. */
    private record Timer(long at, Scheduler.Cancellable handle) {}

    /** Re-evaluation of a subject at an instant, for a timer to run. */
    @FunctionalInterface
    interface Recheck {
        void at(long now);
    }

    AlertWatch(
            StatisticsOptions.AlertThresholds thresholds,
            ServiceLevelDefinition serviceLevel,
            Scheduler scheduler,
            Consumer<Alert> raised,
            Consumer<Alert> cleared) {
        this.thresholds = thresholds;
        this.serviceLevel = serviceLevel;
        this.scheduler = scheduler;
        this.raised = raised;
        this.cleared = cleared;
    }

    boolean live() {
        return live;
    }

    void goLive() {
        live = true;
    }

    List<Alert> active() {
        return new ArrayList<>(active.values());
    }

    int activeOf(AlertKind kind) {
        int n = 0;
        for (Alert a : active.values()) {
            if (a.kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /** The queue's oldest waiting caller changed, or time reached its deadline. */
    void longestWait(QueueLine line, long now, Recheck recheck) {
        if (!live) {
            return;
        }
        String key = AlertKind.LONGEST_WAIT_OVER_THRESHOLD + ":" + line.queue;
        long threshold = thresholds.longestWaitMillis(line.queue, line.thresholdMillis);
        long oldest = line.oldestSince();
        if (oldest < 0) {
            cancel(key);
            clear(key);
            return;
        }
        long deadline = oldest + threshold;
        if (now >= deadline) {
            cancel(key);
            raise(new Alert(AlertKind.LONGEST_WAIT_OVER_THRESHOLD, line.queue, null, null, deadline, threshold));
        } else {
            clear(key);
            schedule(key, deadline, recheck);
        }
    }

    /** The queue's service level today changed (a visit ended), at {@code now}. */
    void serviceLevel(QueueLine line, Counts today, long now) {
        if (!live) {
            return;
        }
        String key = AlertKind.SERVICE_LEVEL_BELOW_TARGET + ":" + line.queue;
        boolean was = active.containsKey(key);
        Double sl = serviceLevel.ratio(today);
        double target = serviceLevel.target(line.queue);
        boolean enough = serviceLevel.contacts(today) >= thresholds.serviceLevelMinimum();
        if (sl != null && enough && sl < target) {
            if (!was) {
                raise(new Alert(AlertKind.SERVICE_LEVEL_BELOW_TARGET, line.queue, null, null, now, target));
            }
        } else {
            clear(key);
        }
    }

    /** The advisor's presence changed, or time reached their not-ready deadline. */
    void notReady(Advisor a, long now, Recheck recheck) {
        if (!live) {
            return;
        }
        String key = AlertKind.NOT_READY_TOO_LONG + ":" + a.id;
        Duration limit = a.presence == PresenceState.NOT_READY && a.reason != null
                ? thresholds.notReady().get(a.reason)
                : null;
        Alert current = active.get(key);
        if (limit == null) {
            cancel(key);
            clear(key);
            return;
        }
        long deadline = a.presenceSince + limit.toMillis();
        if (current != null && (current.holdsSince() != deadline || !a.reason.equals(current.reason()))) {
            clear(key); // another stretch, or another reason
        }
        if (now >= deadline) {
            cancel(key);
            raise(new Alert(AlertKind.NOT_READY_TOO_LONG, null, a.id, a.reason, deadline, limit.toMillis()));
        } else {
            schedule(key, deadline, recheck);
        }
    }

    /** The queue opened or closed, or its logged-in advisors changed. */
    void staffing(QueueLine line, int loggedIn, long now) {
        if (!live) {
            return;
        }
        String key = AlertKind.NO_ADVISOR_LOGGED_IN + ":" + line.queue;
        if (thresholds.noAdvisorLoggedIn() && line.open && loggedIn == 0) {
            if (!active.containsKey(key)) {
                raise(new Alert(AlertKind.NO_ADVISOR_LOGGED_IN, line.queue, null, null, now, 0));
            }
        } else {
            clear(key);
        }
    }

    /** A new day: every queue's service level starts again from nothing. */
    void newDay(java.util.Collection<QueueLine> lines) {
        for (QueueLine line : lines) {
            clear(AlertKind.SERVICE_LEVEL_BELOW_TARGET + ":" + line.queue);
        }
    }

    /** A queue left the configuration, or an advisor is gone: its alerts and timers go. */
    void forget(String subject) {
        for (AlertKind k : AlertKind.values()) {
            String key = k + ":" + subject;
            cancel(key);
            clear(key);
        }
    }

    private void schedule(String key, long deadline, Recheck recheck) {
        Timer t = timers.get(key);
        if (t != null && t.at() == deadline) {
            return;
        }
        cancel(key);
        timers.put(key, new Timer(deadline, scheduler.at(deadline, () -> {
            timers.remove(key);
            recheck.at(deadline);
        })));
    }

    private void cancel(String key) {
        Timer t = timers.remove(key);
        if (t != null) {
            t.handle().cancel();
        }
    }

    private void raise(Alert a) {
        Alert before = active.put(a.key(), a);
        if (!a.equals(before)) {
            raised.accept(a);
        }
    }

    private void clear(String key) {
        Alert gone = active.remove(key);
        if (gone != null) {
            cleared.accept(gone);
        }
    }
}
