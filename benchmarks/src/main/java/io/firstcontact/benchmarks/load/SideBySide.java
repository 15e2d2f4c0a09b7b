package io.firstcontact.benchmarks.load;

import java.util.List;
import java.util.Locale;

/**
 * Two windows of the same traffic on one server, without and with some extra load (desktops, wallboards), reported
 * side by side: routing's L1/L2 at the client, the server's own pipeline stages and its CPU, as ratios measured in one
 * run.
 */
final class SideBySide {
    private SideBySide() {}

    /** One window's figures on one line, for the log. */
    static String line(String label, LoadGenerator.StepResult r) {
        return String.format(
                Locale.ROOT,
                "%s: L1 p99 %.2f ms, L2 p99 %.2f ms, server %.1f%% of the machine",
                label,
                r.p99Ms(Latencies.L1),
                r.p99Ms(Latencies.L2),
                100 * r.serverMachineShare());
    }

    /** The table of both windows, {@code what} naming the extra load ({@code desktops}). */
    static void table(StringBuilder s, String what, LoadGenerator.StepResult without, LoadGenerator.StepResult with) {
        s.append("| | without ")
                .append(what)
                .append(" | with ")
                .append(what)
                .append(" | with / without |\n|---|---|---|---|\n");
        for (String name : List.of(Latencies.L1, Latencies.L2)) {
            double a = without.p99Ms(name);
            double c = with.p99Ms(name);
            s.append(String.format(Locale.ROOT, "| %s p99 (ms) | %.2f | %.2f | %.2f |%n", name, a, c, c / a));
        }
        for (String stage : List.of(
                "sequenced (submitted → on the engine thread)",
                "decided: every input",
                "committed (journal append, per group commit)",
                "pushed (committed → written to the event stream)")) {
            double a = 1000 * without.stages.get(stage).quantile(0.99);
            double c = 1000 * with.stages.get(stage).quantile(0.99);
            s.append(String.format(Locale.ROOT, "| server: %s, p99 (ms) | %.3f | %.3f | %.2f |%n", stage, a, c, c / a));
        }
        s.append(String.format(
                Locale.ROOT,
                "| server CPU (%% of the machine) | %.1f | %.1f | %.2f |%n",
                100 * without.serverMachineShare(),
                100 * with.serverMachineShare(),
                with.serverMachineShare() / without.serverMachineShare()));
        s.append(String.format(
                Locale.ROOT,
                "| arrivals achieved (/s) | %.1f | %.1f | |%n%n",
                without.achievedArrivals(),
                with.achievedArrivals()));
    }
}
