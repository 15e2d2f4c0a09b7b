package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.port.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers a test runs by hand when its engine time passes their instant: no thread, no sleep. */
final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();
    private long seq;

    private record Task(long at, long order, Runnable run, boolean[] cancelled) {}

    @Override
    public Cancellable at(long atMillis, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(atMillis, seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task due at or before {@code now}, in due order. */
    void runUntil(long now) {
        while (true) {
            Task next = tasks.stream()
                    .filter(t -> !t.cancelled()[0] && t.at() <= now)
                    .min(Comparator.comparingLong(Task::at).thenComparingLong(Task::order))
                    .orElse(null);
            if (next == null) {
                tasks.removeIf(t -> t.cancelled()[0] || t.at() <= now);
                return;
            }
            tasks.remove(next);
            next.run().run();
        }
    }

    /** The instants of the timers still pending. */
    List<Long> pending() {
        return tasks.stream()
                .filter(t -> !t.cancelled()[0])
                .map(Task::at)
                .sorted()
                .toList();
    }
}
