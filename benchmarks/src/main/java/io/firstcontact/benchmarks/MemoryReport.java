package io.firstcontact.benchmarks;

import io.firstcontact.router.engine.RoutingEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Heap retained by the engine holding 100,000 registered advisors (defined and logged in READY) and 10,000 queues,
 * all reached by feeding events. Prints the machine's facts first. Usage: {@code MemoryReport [agents] [queues]}.
 */
public final class MemoryReport {
    private MemoryReport() {}

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "# machine: %d cores, %s %s (%s), max heap %d MiB, GC %s%n",
                rt.availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                System.getProperty("os.arch"),
                rt.maxMemory() >> 20,
                gcNames());
        System.out.println("# jvm args: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);

        // 100 skills, 1,000 routing profiles (teams) of 20 queues each, 10 skills per advisor; nothing waits.
        Shape shape = new Shape("memory", agents, 0, queues, 100, 10, 20, 1_000, 0);
        long t0 = System.nanoTime();
        Workload workload = new Workload(shape, 42);
        RoutingEngine engine = RoutingEngine.create();
        workload.loggedIn(engine);
        long buildMillis = (System.nanoTime() - t0) / 1_000_000;
        workload = null;
        long used = usedAfterGc(memory);
        long retained = used - baseline;
        System.out.printf(
                Locale.ROOT,
                "agents=%d queues=%d skills=%d profiles=%d queuesPerAgent=%d skillsPerAgent=%d%n",
                shape.agents(),
                shape.queues(),
                shape.skills(),
                shape.profiles(),
                shape.queuesPerAgent(),
                shape.skillsPerAgent());
        System.out.printf(Locale.ROOT, "fed in %d ms (configure + define + log in, wall clock)%n", buildMillis);
        System.out.printf(
                Locale.ROOT,
                "heap used after GC: baseline %.1f MiB, with engine %.1f MiB, engine retains %.1f MiB%n",
                baseline / 1048576.0,
                used / 1048576.0,
                retained / 1048576.0);
        System.out.printf(
                Locale.ROOT, "per advisor (all retained / advisors): %.0f bytes%n", (double) retained / agents);
        if (engine.nextDeadline() == Long.MIN_VALUE) {
            System.out.println(); // keeps the engine reachable until here
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int k = 0; k < 5; k++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String gcNames() {
        StringBuilder sb = new StringBuilder();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(gc.getName());
        }
        return sb.toString();
    }
}
