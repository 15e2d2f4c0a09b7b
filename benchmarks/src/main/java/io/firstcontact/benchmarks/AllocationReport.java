package io.firstcontact.benchmarks;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.engine.RoutingEngine;
import java.lang.management.ManagementFactory;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes allocated by {@code engine.apply} alone, per input type, on the steady cycle. JMH's GC profiler divides an
 * iteration's allocation by its operations, which in the per-input benchmarks includes the rest of the turn applied
 * in set-up; this counts the thread's allocation around each {@code apply} instead (HotSpot's per-thread counter,
 * exact to the TLAB accounting), after a warm-up so the JIT has removed what escape analysis can.
 *
 * <p>Usage: {@code AllocationReport [turns] [shape...]}.
 */
public final class AllocationReport {
    private AllocationReport() {}

    public static void main(String[] args) {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String[] shapes = args.length > 1
                ? java.util.Arrays.copyOfRange(args, 1, args.length)
                : new String[] {Shape.SMALL, Shape.LARGE, Shape.STRESS};
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long overhead = threads.getCurrentThreadAllocatedBytes();
        overhead = threads.getCurrentThreadAllocatedBytes() - overhead;
        System.out.printf(
                Locale.ROOT, "# bytes allocated per engine.apply (mean / max over %d measured turns)%n", turns);
        System.out.printf(Locale.ROOT, "%-10s %-7s %-10s %12s %12s%n", "shape", "flavour", "input", "mean B", "max B");
        for (String name : shapes) {
            for (SteadyCycle.Flavour flavour : SteadyCycle.Flavour.values()) {
                SteadyCycle cycle = new Workload(Shape.named(name), 42)
                        .steadyState(RoutingEngine.create())
                        .flavour(flavour);
                for (int k = 0; k < turns; k++) {
                    cycle.turn();
                }
                Map<SteadyCycle.Step, long[]> stats = new EnumMap<>(SteadyCycle.Step.class);
                for (int k = 0; k < turns * flavour.length(); k++) {
                    SteadyCycle.Step step = cycle.peek();
                    EngineInput in = cycle.prepare();
                    long before = threads.getCurrentThreadAllocatedBytes();
                    Decision d = cycle.feeder().engine().apply(in);
                    long bytes = threads.getCurrentThreadAllocatedBytes() - before - overhead;
                    cycle.absorb(d);
                    long[] s = stats.computeIfAbsent(step, x -> new long[3]);
                    s[0] += bytes;
                    s[1]++;
                    s[2] = Math.max(s[2], bytes);
                }
                for (Map.Entry<SteadyCycle.Step, long[]> e : stats.entrySet()) {
                    long[] s = e.getValue();
                    System.out.printf(
                            Locale.ROOT,
                            "%-10s %-7s %-10s %12.1f %12d%n",
                            name,
                            flavour,
                            e.getKey(),
                            (double) s[0] / s[1],
                            s[2]);
                }
            }
        }
    }
}
