package io.firstcontact.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where a process's threads spent a window, from the kernel's scheduler statistics
 * ({@code /proc/<pid>/task/<tid>/schedstat}): time running on a CPU and time runnable but waiting for one, summed by
 * kind of thread (the thread's name without its trailing number). Waiting far beyond running says the latency is the
 * machine's (other processes had the CPUs), not the thread's own work.
 */
final class ThreadTimes {
    /** Nanoseconds on a CPU and waiting for one. */
    record Times(long runningNanos, long waitingNanos) {
        Times plus(Times o) {
            return new Times(runningNanos + o.runningNanos, waitingNanos + o.waitingNanos);
        }

        Times minus(Times o) {
            return new Times(runningNanos - o.runningNanos, waitingNanos - o.waitingNanos);
        }
    }

    private ThreadTimes() {}

    /** The process's threads now, by kind (threads gone meanwhile are not counted). */
    static Map<String, Times> of(long pid) {
        Map<String, Times> out = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = kind(Files.readString(task.resolve("comm")).strip());
                    String[] f =
                            Files.readString(task.resolve("schedstat")).strip().split(" ");
                    out.merge(name, new Times(Long.parseLong(f[0]), Long.parseLong(f[1])), Times::plus);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return out;
        }
        return out;
    }

    /** What each kind of thread spent between two readings. */
    static Map<String, Times> between(Map<String, Times> before, Map<String, Times> after) {
        Map<String, Times> out = new TreeMap<>();
        after.forEach((k, v) -> out.put(k, v.minus(before.getOrDefault(k, new Times(0, 0)))));
        return out;
    }

    /** {@code vert.x-eventloop-thread-3} and {@code vert.x-eventloo} (the kernel keeps 15 characters) alike. */
    static String kind(String comm) {
        String k = comm.replaceAll("[-_.]?\\d+$", "");
        return k.isEmpty() ? comm : k;
    }
}
