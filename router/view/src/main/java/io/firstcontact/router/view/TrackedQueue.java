package io.firstcontact.router.view;

import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.model.MediaClass;
import java.util.TreeSet;

/** A configured queue: its waiting visits in key order and by entered time, its live count and today's counts. */
final class TrackedQueue {
    QueueConfig config;
    MediaClass media;
    boolean open;
    final TreeSet<TrackedVisit> waiting = new TreeSet<>(TrackedVisit.KEY);
    final TreeSet<TrackedVisit> byEntered = new TreeSet<>(TrackedVisit.ENTERED);
    /** Live visits: waiting or being offered. */
    int live;

    int answeredToday;
    int abandonedToday;

    TrackedQueue(QueueConfig config, MediaClass media) {
        this.config = config;
        this.media = media;
        this.open = config.openAtStart();
    }

    void add(TrackedVisit v) {
        if (!v.waiting) {
            waiting.add(v);
            byEntered.add(v);
            v.waiting = true;
        }
    }

    void remove(TrackedVisit v) {
        if (v.waiting) {
            waiting.remove(v);
            byEntered.remove(v);
            v.waiting = false;
        }
    }
}
