package io.firstcontact.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What else used the machine: the machine's busy CPU time ({@code /proc/stat}) and every process's ({@code
 * /proc/<pid>/stat}) at one instant; the difference of two snapshots names, by kind and without paths, the processes
 * other than the server and the generator that used CPU in between.
 */
public final class MachineLoad {
    /** The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), or "unknown". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    record Snapshot(long machineBusyTicks, Map<Long, Long> ticks, Map<Long, String> labels) {}

    private MachineLoad() {}

    static Snapshot snapshot() {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, String> labels = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    ticks.put(pid, ServerProcess.parseTicks(stat));
                    labels.put(pid, label(stat, p));
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no /proc: nothing to say
        }
        return new Snapshot(machineBusy(), ticks, labels);
    }

    private static long machineBusy() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += i < f.length ? Long.parseLong(f[i]) : 0;
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process's kind, never its paths: the command name, and for a JVM what it runs. */
    private static String label(String stat, Path proc) {
        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (!comm.equals("java")) {
            return comm;
        }
        try {
            String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            if (cmd.contains("surefire")) {
                return "java (a Maven Surefire test JVM)";
            }
            if (cmd.contains("plexus-classworlds") || cmd.contains("maven")) {
                return "java (a Maven build)";
            }
            if (cmd.contains("firstcontact-server")) {
                return "java (another FirstContact server)";
            }
            if (cmd.contains("jmh") || cmd.contains("benchmarks.jar")) {
                return "java (benchmarks)";
            }
        } catch (IOException e) {
            // gone
        }
        return "java";
    }

    /** What used the machine between two snapshots. */
    record Usage(double machineBusySeconds, double othersSeconds, Map<String, Double> othersByKind) {}

    static Usage between(Snapshot a, Snapshot b, Set<Long> ours) {
        double tick = 1.0 / ServerProcess.clockTicksPerSecond();
        Map<String, Double> byKind = new TreeMap<>();
        double others = 0;
        for (Map.Entry<Long, Long> e : b.ticks().entrySet()) {
            long pid = e.getKey();
            if (ours.contains(pid)) {
                continue;
            }
            long before = a.ticks().getOrDefault(pid, 0L);
            long d = e.getValue() - before;
            if (d <= 0) {
                continue;
            }
            double s = d * tick;
            others += s;
            byKind.merge(b.labels().get(pid), s, Double::sum);
        }
        Map<String, Double> top = new LinkedHashMap<>();
        byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.05)
                .limit(8)
                .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        return new Usage((b.machineBusyTicks() - a.machineBusyTicks()) * tick, others, top);
    }

    /** Our own processes: the generator and the server's JVMs and Redis. */
    static Set<Long> ours(ServerProcess server) {
        Set<Long> out = new java.util.HashSet<>(server == null ? List.of() : server.pids());
        out.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> out.add(p.pid()));
        return out;
    }

    /**
     * Waits until the other processes use less than {@code share} of the machine over a 3 s sample, for at most
     * {@code maxWaitMillis}; returns what the last sample saw.
     */
    static Usage awaitQuiet(double share, long maxWaitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxWaitMillis;
        int cores = Runtime.getRuntime().availableProcessors();
        while (true) {
            Snapshot a = snapshot();
            Thread.sleep(3_000);
            Usage u = between(a, snapshot(), ours(null));
            if (u.othersSeconds() / 3.0 / cores < share || System.currentTimeMillis() >= deadline) {
                return u;
            }
            LoadGenerator.log(String.format(
                    java.util.Locale.ROOT,
                    "the machine is busy (others used %.0f%% of it: %s); waiting for it to quieten",
                    100 * u.othersSeconds() / 3.0 / cores,
                    u.othersByKind()));
        }
    }
}
