package io.firstcontact.desktop.push;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes one message to many push connections without holding their event loop: on each loop, one drain writes a
 * slice of the connections and then queues itself again behind whatever else the loop was given meanwhile. The loop
 * that holds a wallboard's socket also serves other connections (API calls, desks), so a message to a thousand
 * wallboards would otherwise keep their requests waiting behind a thousand socket writes; sliced, a request waits for
 * one slice at most. (The server keeps these loops apart from routing's: see its public listener.) Messages leave in
 * the order they were given, on every connection.
 */
public final class Fanout {
    /** Connections written before the loop runs its other tasks (default of the wallboard's fan-out). */
    public static final int DEFAULT_SLICE = 50;

    private final int slice;
    private final Map<Context, Drain> drains = new ConcurrentHashMap<>();

    public Fanout(int slice) {
        if (slice < 1) {
            throw new IllegalArgumentException("a slice holds at least one connection");
        }
        this.slice = slice;
    }

    /**
     * Sends {@code json} to every connection of {@code to}, after every message given before, and runs {@code
     * written} once it has been written to all of them (on one of their loops). Any thread.
     */
    public void send(String json, List<? extends PushConnection> to, Runnable written) {
        Map<Context, List<PushConnection>> byLoop = new LinkedHashMap<>();
        for (PushConnection c : to) {
            byLoop.computeIfAbsent(c.context(), k -> new ArrayList<>()).add(c);
        }
        if (byLoop.isEmpty()) {
            written.run();
            return;
        }
        AtomicInteger loopsLeft = new AtomicInteger(byLoop.size());
        Runnable oneLoopDone = () -> {
            if (loopsLeft.decrementAndGet() == 0) {
                written.run();
            }
        };
        byLoop.forEach((loop, connections) ->
                drains.computeIfAbsent(loop, Drain::new).offer(new Job(json, connections, oneLoopDone)));
    }

    private record Job(String json, List<PushConnection> to, Runnable done) {}

    /** One loop's queue of messages and the task that writes them, a slice at a time. */
    private final class Drain {
        private final Context loop;
        private final Queue<Job> jobs = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** The job being written and the next connection of it: touched on the loop only. */
        private Job current;

        private int next;

        Drain(Context loop) {
            this.loop = loop;
        }

        void offer(Job job) {
            jobs.add(job);
            if (scheduled.compareAndSet(false, true)) {
                loop.runOnContext(v -> drain());
            }
        }

        private void drain() {
            int written = 0;
            while (written < slice) {
                if (current == null) {
                    current = jobs.poll();
                    next = 0;
                    if (current == null) {
                        break;
                    }
                }
                while (next < current.to().size() && written < slice) {
                    current.to().get(next++).send(current.json());
                    written++;
                }
                if (next == current.to().size()) {
                    Job done = current;
                    current = null;
                    done.done().run();
                }
            }
            if (current != null || !jobs.isEmpty()) {
                loop.runOnContext(v -> drain()); // behind what the loop was given meanwhile
                return;
            }
            scheduled.set(false);
            // A job offered between the last poll and the flag's reset found the drain still scheduled.
            if (!jobs.isEmpty() && scheduled.compareAndSet(false, true)) {
                loop.runOnContext(v -> drain());
            }
        }
    }
}
