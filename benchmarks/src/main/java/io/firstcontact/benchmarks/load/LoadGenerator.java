package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/**
 * The end-to-end load generator (docs/routing-contract.md §10): launches the server as a child process and drives it through its
 * API, open loop, measuring L1 and L2 at the client and splitting them on the server.
 *
 * <pre>
 * LoadGenerator steady   [--rate 300] [--presence 3000] [--duration 60s] [--warmup 60s] [--agents N] [--queues 10]
 *                        [--floor true] [--floor-warmup 20s] [--floor-duration 30s]
 * LoadGenerator sweep    [--rates 100,250,500,1000,1500,2000] [--presence-factor 10] [--step-warmup 10s]
 *                        [--step-duration 30s]
 * LoadGenerator recovery [--calls 5000] [--day-rate 250] [--day-presence 1000] [--lease-ttl 10s]
 * LoadGenerator idle     [--waiting 1000] [--duration 60s]
 * common: [--seed 42] [--server-jar server/target/firstcontact-server.jar] [--out benchmarks/results]
 *         [--backlog-share 0.1] [--accept-ms 500,500] [--talk-ms 200,200] [--wrap-ms 100,200] [--break-ms 300]
 *         [--patience 10s]
 * </pre>
 *
 * Results go to {@code <out>/load-<UTC timestamp>-<mode>/}: {@code environment.json}, {@code summary.md}, raw
 * histogram logs ({@code .hlog}) and percentile distributions ({@code .hgrm}, milliseconds).
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TARGET_RECOVERY_S = 10;

    private LoadGenerator() {}

    // ------------------------------------------------------------------ options

    static final class Options {
        String mode;
        double rate = 300;
        double presence = 3000;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(60);
        int agents;
        int queues = 10;
        long seed = 42;
        Path serverJar = Path.of("server/target/firstcontact-server.jar");
        Path out = Path.of("benchmarks/results");
        double backlogShare = 0.1;
        double[] accept = {500, 500};
        double[] talk = {200, 200};
        double[] wrap = {100, 200};
        double breakMs = 300;
        Duration patience = Duration.ofSeconds(10);
        List<Double> rates = List.of(100.0, 250.0, 500.0, 1000.0, 1500.0, 2000.0);
        double presenceFactor = 10;
        Duration stepWarmup = Duration.ofSeconds(20);
        Duration stepDuration = Duration.ofSeconds(30);
        long calls = 5000;
        double dayRate = 250;
        double dayPresence = 1000;
        Duration leaseTtl;
        /** The server's journal.snapshotEveryEntries; 0: its default. */
        long snapshotEveryEntries;

        int waiting = 1000;
        int clientThreads = 1;
        int connections = ApiClient.DEFAULT_CONNECTIONS;
        double quietShare = 0.15;
        Duration quietWait = Duration.ofMinutes(3);
        boolean floor = true;
        Duration floorWarmup = Duration.ofSeconds(20);
        Duration floorDuration = Duration.ofSeconds(30);
        String raw;

        Simulation.Behaviour behaviour() {
            return new Simulation.Behaviour(
                    accept[0], accept[1], talk[0], talk[1], wrap[0], wrap[1], breakMs, patience.toMillis());
        }

        static Options parse(String[] args) {
            if (args.length == 0) {
                throw new IllegalArgumentException("give a mode: steady, sweep, recovery or idle");
            }
            Options o = new Options();
            o.mode = args[0];
            o.raw = String.join(" ", args);
            if (o.mode.equals("idle")) {
                o.duration = Duration.ofSeconds(60);
            }
            for (int i = 1; i < args.length; i++) {
                String k = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(k + " needs a value");
                }
                String v = args[++i];
                switch (k) {
                    case "--rate" -> o.rate = Double.parseDouble(v);
                    case "--presence" -> o.presence = Double.parseDouble(v);
                    case "--duration" -> o.duration = duration(v);
                    case "--warmup" -> o.warmup = duration(v);
                    case "--agents" -> o.agents = Integer.parseInt(v);
                    case "--queues" -> o.queues = Integer.parseInt(v);
                    case "--seed" -> o.seed = Long.parseLong(v);
                    case "--server-jar" -> o.serverJar = Path.of(v);
                    case "--out" -> o.out = Path.of(v);
                    case "--backlog-share" -> o.backlogShare = Double.parseDouble(v);
                    case "--accept-ms" -> o.accept = pair(v);
                    case "--talk-ms" -> o.talk = pair(v);
                    case "--wrap-ms" -> o.wrap = pair(v);
                    case "--break-ms" -> o.breakMs = Double.parseDouble(v);
                    case "--patience" -> o.patience = duration(v);
                    case "--rates" -> {
                        List<Double> r = new ArrayList<>();
                        for (String s : v.split(",")) {
                            r.add(Double.parseDouble(s.strip()));
                        }
                        o.rates = r;
                    }
                    case "--presence-factor" -> o.presenceFactor = Double.parseDouble(v);
                    case "--step-warmup" -> o.stepWarmup = duration(v);
                    case "--step-duration" -> o.stepDuration = duration(v);
                    case "--calls" -> o.calls = Long.parseLong(v);
                    case "--day-rate" -> o.dayRate = Double.parseDouble(v);
                    case "--day-presence" -> o.dayPresence = Double.parseDouble(v);
                    case "--lease-ttl" -> o.leaseTtl = duration(v);
                    case "--snapshot-every-entries" -> o.snapshotEveryEntries = Long.parseLong(v);
                    case "--waiting" -> o.waiting = Integer.parseInt(v);
                    case "--quiet-share" -> o.quietShare = Double.parseDouble(v);
                    case "--client-threads" -> o.clientThreads = Integer.parseInt(v);
                    case "--connections" -> o.connections = Integer.parseInt(v);
                    case "--server-jvm" ->
                        ServerProcess.jvmFlags(List.of(v.strip().split("\\s+")));
                    case "--quiet-wait" -> o.quietWait = duration(v);
                    case "--floor" -> o.floor = Boolean.parseBoolean(v);
                    case "--floor-warmup" -> o.floorWarmup = duration(v);
                    case "--floor-duration" -> o.floorDuration = duration(v);
                    default -> throw new IllegalArgumentException("unknown option " + k);
                }
            }
            return o;
        }

        private static double[] pair(String v) {
            String[] p = v.split(",");
            return new double[] {Double.parseDouble(p[0]), p.length > 1 ? Double.parseDouble(p[1]) : 0};
        }
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("durations look like 500ms, 60s, 2m");
        };
    }

    /** Front and backlog advisors for a rate: enough front advisors that arrivals find one free, a backlog team that cannot keep up. */
    static int[] staffing(double rate, double presence, double backlogShare, Simulation.Behaviour b, int agents) {
        double occupancy = b.occupancyMs() / 1000;
        int backlog = (int) Math.max(2, Math.floor(0.85 * rate * backlogShare * occupancy));
        int front = agents > 0
                ? agents - backlog
                : (int) Math.ceil(1.3 * (rate * (1 - backlogShare) * occupancy + presence / 2 * b.breakMeanMs() / 1000))
                        + 20;
        if (front < 1) {
            throw new IllegalArgumentException("too few advisors for the backlog team of " + backlog);
        }
        return new int[] {front, backlog};
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: LoadGenerator steady|sweep|recovery|idle [options] (see the class comment)");
            System.exit(2);
            return;
        }
        String ts = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path dir = o.out.resolve("load-" + ts + "-" + o.mode);
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("firstcontact-load-");
        ObjectNode env = Environment.collect(o.mode, o.raw);
        log("results in " + dir);
        String summary;
        try {
            summary = switch (o.mode) {
                case "steady" -> steady(o, dir, work, env);
                case "sweep" -> sweep(o, dir, work, env);
                case "recovery" -> recovery(o, dir, work, env);
                case "idle" -> idle(o, dir, work, env);
                default -> throw new IllegalArgumentException("unknown mode " + o.mode);
            };
        } finally {
            deleteTree(work); // the servers' data directories, also when a run fails
        }
        Environment.write(dir, env);
        Files.writeString(dir.resolve("summary.md"), summary);
        System.out.println(summary);
        System.exit(0);
    }

    static void log(String s) {
        System.err.println("[load " + java.time.LocalTime.now(ZoneOffset.UTC).withNano(0) + "] " + s);
    }

    // ------------------------------------------------------------------ one run under traffic

    /** What one measured window gave. */
    static final class StepResult {
        String label;
        double offeredArrivals;
        double offeredPresence;
        int frontAgents;
        int backlogAgents;
        double seconds;
        long arrivalsSent;
        long presenceSent;
        long breaksSkipped;
        long lifecycles;
        long abandons;
        long unmatchedOffers;
        Map<String, Long> offersByInput;
        Map<String, Long> entriesByInput;
        Map<String, Long> apiOutcomes;
        Map<String, Histogram> client = new LinkedHashMap<>();
        Map<String, PromMetrics.Buckets> stages = new LinkedHashMap<>();
        Map<String, Double> inputsByType;
        long serverCpuNanos;
        /** JVM user, JVM system, redis-server user, redis-server system. */
        long[] serverCpuSplit = new long[4];

        double gcPauses;
        double gcPauseSeconds;
        double gcPauseMaxSeconds;
        long generatorGcCount;
        long generatorGcMillis;

        long generatorCpuNanos;
        List<String> serverWarnings = List.of();
        MachineLoad.Usage machine;
        MachineLoad.Usage before;

        double serverCoreShare() {
            return serverCpuNanos / (seconds * 1e9);
        }

        double serverMachineShare() {
            return serverCoreShare() / Runtime.getRuntime().availableProcessors();
        }

        double cpuPerLifecycleMicros() {
            return lifecycles == 0 ? Double.NaN : serverCpuNanos / 1e3 / lifecycles;
        }

        double achievedArrivals() {
            return arrivalsSent / seconds;
        }

        double committedArrivals() {
            return entriesByInput.getOrDefault("CreateInteraction", 0L) / seconds;
        }

        double achievedPresence() {
            return presenceSent / seconds;
        }

        /** Every API request the window answered (or failed), whatever its route and status. */
        long requests() {
            return apiOutcomes.values().stream().mapToLong(Long::longValue).sum();
        }

        long errors() {
            long n = 0;
            for (Map.Entry<String, Long> e : apiOutcomes.entrySet()) {
                String status = e.getKey().substring(e.getKey().lastIndexOf(' ') + 1);
                if (!status.startsWith("2")) {
                    n += e.getValue();
                }
            }
            return n;
        }

        double p99Ms(String name) {
            Histogram h = client.get(name);
            return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0;
        }
    }

    /** A started server with its generator attached: API client, latencies, simulation, event stream. */
    record Rig(ServerProcess server, ApiClient api, Latencies latencies, Simulation sim, EventStreamClient stream)
            implements AutoCloseable {
        /**
         * Stops what sends before what it sends through: the stream (whose events make the simulation act), the
         * simulation, then the API client and the server.
         */
        @Override
        public void close() {
            stream.close();
            sim.close();
            api.close();
            server.close();
        }
    }

    static Rig rig(Options o, Path work, Centre centre, JsonNode seed, Map<String, JsonNode> extra, String runId)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        ServerProcess server = new ServerProcess(o.serverJar, work, seed, extra);
        server.start();
        server.awaitReady(Duration.ofMinutes(3));
        server.scrapeLikePrometheus();
        ApiClient api = new ApiClient(server.apiBase(), server.integrationToken(), o.clientThreads, o.connections);
        Latencies latencies = new Latencies();
        Simulation sim = new Simulation(centre, api, latencies, runId);
        EventStreamClient stream =
                new EventStreamClient(server.apiBase() + "/api/v1/events", api.bearer(), null, 100, sim).start();
        if (!stream.awaitConnected(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the event stream did not connect");
        }
        return new Rig(server, api, latencies, sim, stream);
    }

    /** The configuration every run adds: sessions never time out (the simulated desktops send no keep-alives). */
    static Map<String, JsonNode> extraConfig(Options o, Duration leaseTtl) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("sessions", JSON.createObjectNode().put("keepAliveTimeout", "24h"));
        if (leaseTtl != null) {
            extra.put("lease", JSON.createObjectNode().put("ttl", leaseTtl.toMillis() + "ms"));
        }
        if (o.snapshotEveryEntries > 0) {
            extra.put("journal", JSON.createObjectNode().put("snapshotEveryEntries", o.snapshotEveryEntries));
        }
        return extra;
    }

    /**
     * Pauses and their accumulated time (ms) in the generator's JVM. ZGC reports its concurrent cycles apart from its
     * pauses ("ZGC Minor Cycles" beside "ZGC Minor Pauses"); only the pauses stall the schedule, so cycles are left out.
     */
    static long[] generatorGc() {
        long n = 0;
        long ms = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().endsWith("Cycles")) {
                continue;
            }
            n += Math.max(0, gc.getCollectionCount());
            ms += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    static long generatorCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Measures one window of {@code seconds} on a running rig. */
    static StepResult measure(Rig rig, Duration window, Path dir, String prefix) throws Exception {
        rig.api().resetCounts();
        rig.sim().resetCounts();
        PromMetrics m0 = rig.server().scrape();
        MachineLoad.Snapshot s0 = MachineLoad.snapshot();
        long cpu0 = rig.server().cpuNanos();
        long[] split0 = rig.server().cpuSplitNanos();
        long gen0 = generatorCpuNanos();
        long[] ggc0 = generatorGc();
        long t0 = System.nanoTime();
        rig.latencies().open(dir.resolve(prefix + "latency.hlog"));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "histogram-log");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(rig.latencies()::interval, 1, 1, TimeUnit.SECONDS);
        Thread.sleep(window.toMillis());
        long t1 = System.nanoTime();
        long cpu1 = rig.server().cpuNanos();
        long[] split1 = rig.server().cpuSplitNanos();
        long gen1 = generatorCpuNanos();
        long[] ggc1 = generatorGc();
        MachineLoad.Snapshot s1 = MachineLoad.snapshot();
        Simulation.Counts c = rig.sim().counts();
        rig.sim().resetCounts();
        Map<String, Long> outcomes = rig.api().outcomes();
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        rig.latencies().close();
        PromMetrics m1 = rig.server().scrape();

        StepResult r = new StepResult();
        r.seconds = (t1 - t0) / 1e9;
        r.arrivalsSent = c.arrivalsSent.sum();
        r.presenceSent = c.breaksSent.sum() + c.readiesSent.sum();
        r.breaksSkipped = c.breaksSkipped.sum();
        r.lifecycles = c.lifecycles.sum();
        r.abandons = c.abandonsSent.sum();
        r.unmatchedOffers = c.unmatchedOffers.sum();
        r.offersByInput = Simulation.Counts.sorted(c.offersByInput);
        r.entriesByInput = Simulation.Counts.sorted(c.entriesByInput);
        r.apiOutcomes = outcomes;
        for (String name : Latencies.ALL) {
            r.client.put(name, rig.latencies().total(name).copy());
        }
        rig.latencies().writeDistributions(dir, prefix);
        r.serverCpuNanos = cpu1 - cpu0;
        for (int i = 0; i < 4; i++) {
            r.serverCpuSplit[i] = split1[i] - split0[i];
        }
        r.generatorCpuNanos = gen1 - gen0;
        r.generatorGcCount = ggc1[0] - ggc0[0];
        r.generatorGcMillis = ggc1[1] - ggc0[1];
        r.machine = MachineLoad.between(s0, s1, MachineLoad.ours(rig.server()));
        stages(r, m0, m1);
        return r;
    }

    static void stages(StepResult r, PromMetrics m0, PromMetrics m1) {
        Predicate<Map<String, String>> all = l -> true;
        r.stages.put(
                "sequenced (submitted → on the engine thread)",
                delta(m0, m1, "firstcontact_pipeline_sequenced_seconds", all));
        for (String input :
                List.of("CreateInteraction", "EndWrapUp", "ChangePresence", "AcceptOffer", "EndInteraction")) {
            r.stages.put(
                    "decided: " + input,
                    delta(m0, m1, "firstcontact_engine_decision_seconds", l -> input.equals(l.get("input"))));
        }
        r.stages.put("decided: every input", delta(m0, m1, "firstcontact_engine_decision_seconds", all));
        r.stages.put(
                "committed (journal append, per group commit)",
                delta(m0, m1, "firstcontact_journal_commit_seconds", all));
        r.stages.put(
                "pushed (committed → written to the event stream)",
                delta(m0, m1, "firstcontact_events_push_seconds", all));
        r.stages.put("entries per group commit", delta(m0, m1, "firstcontact_journal_batch_entries", all));
        r.gcPauses = m1.sum("jvm_gc_pause_seconds_count") - m0.sum("jvm_gc_pause_seconds_count");
        r.gcPauseSeconds = m1.sum("jvm_gc_pause_seconds_sum") - m0.sum("jvm_gc_pause_seconds_sum");
        r.gcPauseMaxSeconds = m1.max("jvm_gc_pause_seconds_max");
        Map<String, Double> before = m0.byLabel("firstcontact_engine_decision_seconds_count", "input");
        Map<String, Double> after = m1.byLabel("firstcontact_engine_decision_seconds_count", "input");
        Map<String, Double> inputs = new TreeMap<>();
        after.forEach((k, v) -> inputs.put(k, v - before.getOrDefault(k, 0.0)));
        r.inputsByType = inputs;
    }

    static PromMetrics.Buckets delta(PromMetrics m0, PromMetrics m1, String name, Predicate<Map<String, String>> f) {
        return m1.buckets(name, f).minus(m0.buckets(name, f));
    }

    /** Starts a server for one traffic run, warms up, measures, stops. */
    static StepResult trafficRun(
            Options o,
            Path dir,
            Path work,
            ObjectNode env,
            String prefix,
            double rate,
            double presence,
            Duration warmup,
            Duration window)
            throws Exception {
        Simulation.Behaviour b = o.behaviour();
        int[] staff = staffing(rate, presence, o.backlogShare, b, o.agents);
        Centre centre = new Centre(o.queues, staff[0], staff[1], o.seed);
        log(String.format(
                Locale.ROOT,
                "%s: %.0f arrivals/s, %.0f presence changes/s, %d front + %d backlog advisors, %d queues",
                prefix,
                rate,
                presence,
                staff[0],
                staff[1],
                o.queues));
        MachineLoad.Usage before = quiet(o);
        try (Rig rig = rig(o, work, centre, centre.seed(), extraConfig(o, null), prefix)) {
            rig.sim().logIn(centre.agents(), Duration.ofMinutes(3));
            log("advisors READY; traffic starts, warm-up " + warmup.toSeconds() + " s");
            rig.sim().start(new Simulation.Plan(rate, presence, o.backlogShare, b, o.seed), Long.MAX_VALUE);
            Thread.sleep(warmup.toMillis());
            log("measuring " + window.toSeconds() + " s");
            StepResult r = measure(rig, window, dir, prefix);
            rig.sim().stopSchedules();
            r.label = prefix;
            r.before = before;
            r.offeredArrivals = rate;
            r.offeredPresence = presence;
            r.frontAgents = staff[0];
            r.backlogAgents = staff[1];
            log(String.format(
                    Locale.ROOT,
                    "%s: L1 p99 %.2f ms (%d), L2 p99 %.2f ms (%d), server CPU %.0f%% of the machine, %.0f µs/lifecycle,"
                            + " errors %d, states %s",
                    prefix,
                    r.p99Ms(Latencies.L1),
                    r.client.get(Latencies.L1).getTotalCount(),
                    r.p99Ms(Latencies.L2),
                    r.client.get(Latencies.L2).getTotalCount(),
                    100 * r.serverMachineShare(),
                    r.cpuPerLifecycleMicros(),
                    r.errors(),
                    rig.sim().advisorStates()));
            r.serverWarnings = warnings(rig.server());
            Environment.finish(env, rig.server());
            sharedWith(env, prefix + " during the window", others(r.machine, r.seconds));
            sharedWith(env, prefix + " in the 3 s before the server started", others(before, 3));
            return r;
        }
    }

    static List<String> warnings(ServerProcess server) {
        List<String> out = new ArrayList<>();
        for (String line : server.logLines()) {
            if (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")) {
                out.add(line.replace(server.dataDir().toString(), "<dataDir>"));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ modes

    static String steady(Options o, Path dir, Path work, ObjectNode env) throws Exception {
        StepResult r =
                trafficRun(o, dir, work.resolve("steady"), env, "steady-", o.rate, o.presence, o.warmup, o.duration);
        Floor.Result f = o.floor ? floor(o, work, r) : null;
        if (f != null) {
            sharedWith(env, "floor during its window", others(f.machine(), f.seconds()));
        }
        StringBuilder s = header("steady", o, env);
        s.append(String.format(
                Locale.ROOT,
                "Open loop, %.0f arrivals/s and %.0f presence changes/s (seeded Poisson, seed %d) for %.0f s after a"
                        + " %d s warm-up; %d front advisors over %d front queues, a backlog team of %d on queue `%s`"
                        + " (%.0f%% of arrivals).%n%n",
                o.rate,
                o.presence,
                o.seed,
                r.seconds,
                o.warmup.toSeconds(),
                r.frontAgents,
                o.queues - 1,
                r.backlogAgents,
                Centre.BACKLOG,
                100 * o.backlogShare));
        behaviour(s, o);
        targets(s, o, r, f);
        step(s, r);
        if (f != null) {
            floorSection(s, r, f);
        }
        return s.toString();
    }

    /**
     * The targets, as ratios to the floor of the same run (docs/routing-contract.md §10), with the absolute figures
     * beside them; a run that did not send the offered rates judges nothing.
     */
    static void targets(StringBuilder s, Options o, StepResult r, Floor.Result f) {
        boolean rates = r.achievedArrivals() >= 0.95 * o.rate && r.achievedPresence() >= 0.95 * o.presence;
        s.append("## Targets: ratios to the floor measured in the same run\n\n");
        if (f == null) {
            s.append("Not judged: the floor was not measured (`--floor false`).\n\n");
        } else {
            List<RatioTarget> targets = RatioTarget.steady(
                    r.serverCpuNanos / 1e3 / r.requests(),
                    f.microsPerRequest(),
                    r.p99Ms(Latencies.L1),
                    r.p99Ms(Latencies.L2),
                    floorP99Ms(f));
            s.append("| target | server | floor | ratio | at most | verdict |\n|---|---|---|---|---|---|\n");
            List<String> verdicts = new ArrayList<>();
            for (RatioTarget t : targets) {
                String v = verdict(t.met() && rates);
                s.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %.2f× | %.1f× | %s |%n",
                        t.name(),
                        figure(t.server(), t.unit()),
                        figure(t.floor(), t.unit()),
                        t.ratio(),
                        t.maxRatio(),
                        v));
                verdicts.add(String.format(
                        Locale.ROOT, "%s %.2f× (≤ %.1f×) %s", t.name(), t.ratio(), t.maxRatio(), v.replace("*", "")));
            }
            s.append('\n');
            log("targets: " + String.join("; ", verdicts));
        }
        s.append(String.format(
                Locale.ROOT,
                "Condition: the offered rates were sent (≥ 95%%): arrivals %.1f/s of %.0f, presence changes %.1f/s of"
                        + " %.0f: %s.%n%n",
                r.achievedArrivals(),
                o.rate,
                r.achievedPresence(),
                o.presence,
                verdict(rates)));
        s.append(String.format(
                Locale.ROOT,
                "Absolute figures of the same run (reported; the ratios above judge them): L1 p50 / p99 / p99.9 %s ms,"
                        + " L2 p99 %s ms; server CPU %.0f µs per lifecycle (all the window's traffic, presence"
                        + " changes included, over %d lifecycles), %.1f%% of the machine (%d vCPUs), journal on.%n%n",
                percentiles(r.client.get(Latencies.L1)),
                num(r.p99Ms(Latencies.L2)),
                r.cpuPerLifecycleMicros(),
                r.lifecycles,
                100 * r.serverMachineShare(),
                Runtime.getRuntime().availableProcessors()));
    }

    private static String figure(double value, String unit) {
        return String.format(Locale.ROOT, unit.equals("ms") ? "%.2f %s" : "%.0f %s", value, unit);
    }

    private static double floorP99Ms(Floor.Result f) {
        Histogram h = f.latencyMicros();
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1e3;
    }

    private static String percentiles(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return "–";
        }
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.2f",
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3);
    }

    /** Runs {@link FloorServer} at the request rate the server took in {@code r}'s window. */
    static Floor.Result floor(Options o, Path work, StepResult r) throws Exception {
        double rate = r.requests() / r.seconds;
        log(String.format(Locale.ROOT, "floor: %.0f requests/s, warm-up %d s", rate, o.floorWarmup.toSeconds()));
        quiet(o);
        Floor.Result f = Floor.measure(
                work.resolve("floor"), rate, o.clientThreads, o.connections, o.seed, o.floorWarmup, o.floorDuration);
        log(String.format(
                Locale.ROOT,
                "floor: %.0f µs/request (JVM %.0f, redis-server %.0f), p99 %.2f ms, %d errors",
                f.microsPerRequest(),
                f.jvmMicrosPerRequest(),
                f.redisMicrosPerRequest(),
                f.latencyMicros().getValueAtPercentile(99) / 1e3,
                f.errors()));
        return f;
    }

    static void floorSection(StringBuilder s, StepResult r, Floor.Result f) {
        long requests = r.requests();
        double perLifecycle = r.lifecycles == 0 ? Double.NaN : (double) requests / r.lifecycles;
        double floorPerLifecycle = f.microsPerRequest() * perLifecycle;
        double serverPerRequest = r.serverCpuNanos / 1e3 / requests;
        s.append("## Baseline: the floor of this shape, measured in the same run\n\n");
        s.append("`FloorServer` (benchmarks module) on the server's JVM flags, driven open loop at the request rate the"
                + " server took, with an event stream open: per request one HTTP/1.1 exchange with a parsed JSON body,"
                + " one journal entry appended by the journal's own code to an embedded redis-server (AOF everysec)"
                + " from the event loop, one event pushed, one JSON reply; no routing, read model, authentication,"
                + " idempotency, validation or metrics.\n\n");
        s.append("| measure | server | floor | ratio |\n|---|---|---|---|\n");
        s.append(String.format(
                Locale.ROOT,
                "| requests/s (the floor is offered the server's) | %.0f | %.0f offered, %.0f answered (%d errors) | |%n",
                requests / r.seconds,
                f.offeredPerSecond(),
                f.requests() / f.seconds(),
                f.errors()));
        s.append(String.format(
                Locale.ROOT,
                "| CPU per request, JVM + redis-server (µs) | %.0f | %.0f (JVM %.0f, redis-server %.0f) | %.2f |%n",
                serverPerRequest,
                f.microsPerRequest(),
                f.jvmMicrosPerRequest(),
                f.redisMicrosPerRequest(),
                serverPerRequest / f.microsPerRequest()));
        s.append(String.format(
                Locale.ROOT,
                "| CPU per lifecycle at %.2f requests per lifecycle (µs) | %.0f | %.0f | %.2f |%n",
                perLifecycle,
                r.cpuPerLifecycleMicros(),
                floorPerLifecycle,
                r.cpuPerLifecycleMicros() / floorPerLifecycle));
        Histogram h = f.latencyMicros();
        s.append(String.format(
                Locale.ROOT,
                "| latency ms, p50 / p99 / max (count) (server: L1, intended send → offer pushed; floor: intended"
                        + " send → reply, sent once committed) | %s | %s | %.2f (p99) |%n%n",
                triple(r.client.get(Latencies.L1)),
                triple(h),
                r.p99Ms(Latencies.L1) / floorP99Ms(f)));
        s.append(String.format(
                Locale.ROOT,
                "During the floor's window the machine was %.1f%% busy; other processes: %s.%n%n",
                100
                        * f.machine().machineBusySeconds()
                        / f.seconds()
                        / Runtime.getRuntime().availableProcessors(),
                others(f.machine(), f.seconds())));
    }

    static String sweep(Options o, Path dir, Path work, ObjectNode env) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        List<Double> rates = new ArrayList<>(o.rates);
        rates.sort(Comparator.naturalOrder());
        for (double rate : rates) {
            String prefix = String.format(Locale.ROOT, "sweep-%04.0f-", rate);
            try {
                steps.add(trafficRun(
                        o,
                        dir,
                        work.resolve(prefix),
                        env,
                        prefix,
                        rate,
                        rate * o.presenceFactor,
                        o.stepWarmup,
                        o.stepDuration));
            } catch (RuntimeException e) {
                log(prefix + " failed: " + e);
                StepResult failed = new StepResult();
                failed.label = prefix + " FAILED: " + e.getMessage();
                failed.offeredArrivals = rate;
                failed.offeredPresence = rate * o.presenceFactor;
                steps.add(failed);
            }
        }
        StringBuilder s = header("sweep", o, env);
        s.append(String.format(
                Locale.ROOT,
                "Saturation sweep: each step a fresh server (fresh journal), advisors staffed for the step, %d s warm-up"
                        + " then %d s measured; presence changes = %.0f × arrivals. The knee is the first step whose"
                        + " p99 (the worse of L1 and L2) exceeds 5 × the lowest step's, or whose achieved rate (arrivals"
                        + " or presence) falls under 95 %% of the offered.%n%n",
                o.stepWarmup.toSeconds(),
                o.stepDuration.toSeconds(),
                o.presenceFactor));
        behaviour(s, o);
        s.append(
                "| arrivals/s offered → sent (committed) | presence/s offered → sent | advisors | L1 p50 / p99 / max ms"
                        + " (n) | L2 p50 / p99 / max ms (n) | create response p99 ms | send lateness p99 ms | server CPU % machine"
                        + " (core) | server CPU µs / lifecycle | generator CPU % machine | errors |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        double base = Double.NaN;
        String knee = null;
        int cores = Runtime.getRuntime().availableProcessors();
        for (StepResult r : steps) {
            if (r.entriesByInput == null) {
                s.append("| ")
                        .append(fmt(r.offeredArrivals))
                        .append(" | ")
                        .append(r.label)
                        .append(" |||||||||\n");
                if (knee == null) {
                    knee = fmt(r.offeredArrivals) + "/s (the step failed)";
                }
                continue;
            }
            double p99 = Math.max(nz(r.p99Ms(Latencies.L1)), nz(r.p99Ms(Latencies.L2)));
            if (Double.isNaN(base)) {
                base = p99;
            }
            boolean saturated = p99 > 5 * base
                    || r.achievedArrivals() < 0.95 * r.offeredArrivals
                    || r.achievedPresence() < 0.95 * r.offeredPresence;
            if (saturated && knee == null) {
                knee = String.format(
                        Locale.ROOT,
                        "%.0f arrivals/s + %.0f presence/s (p99 %.2f ms vs %.2f ms at the lowest step; achieved %.0f"
                                + " arrivals/s, %.0f presence/s)",
                        r.offeredArrivals,
                        r.offeredPresence,
                        p99,
                        base,
                        r.achievedArrivals(),
                        r.achievedPresence());
            }
            s.append(String.format(
                    Locale.ROOT,
                    "| %.0f → %.0f (%.0f) | %.0f → %.0f | %d + %d | %s | %s | %.2f | %.2f | %.0f%% (%.0f%%) | %.0f | %.0f%% | %d |%n",
                    r.offeredArrivals,
                    r.achievedArrivals(),
                    r.committedArrivals(),
                    r.offeredPresence,
                    r.achievedPresence(),
                    r.frontAgents,
                    r.backlogAgents,
                    triple(r.client.get(Latencies.L1)),
                    triple(r.client.get(Latencies.L2)),
                    r.p99Ms(Latencies.CREATE),
                    r.p99Ms(Latencies.SEND_LATENESS),
                    100 * r.serverMachineShare(),
                    100 * r.serverCoreShare(),
                    r.cpuPerLifecycleMicros(),
                    100 * r.generatorCpuNanos / (r.seconds * 1e9) / cores,
                    r.errors()));
        }
        s.append("\n**Knee:** ")
                .append(knee == null ? "not reached within the sweep" : knee)
                .append(".\n\n");
        for (StepResult r : steps) {
            if (r.entriesByInput != null) {
                s.append("## Step ").append(r.label).append("\n\n");
                step(s, r);
            }
        }
        return s.toString();
    }

    /** Records in environment.json what else used the machine (measured, by kind of process). */
    static void sharedWith(ObjectNode env, String when, String what) {
        ObjectNode o =
                env.has("otherProcesses") ? (ObjectNode) env.get("otherProcesses") : env.putObject("otherProcesses");
        o.put(when, what);
    }

    static MachineLoad.Usage quiet(Options o) throws InterruptedException {
        return MachineLoad.awaitQuiet(o.quietShare, o.quietWait.toMillis());
    }

    static String others(MachineLoad.Usage u, double seconds) {
        if (u == null) {
            return "–";
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return String.format(
                Locale.ROOT,
                "%.1f%% of the machine%s",
                100 * u.othersSeconds() / seconds / cores,
                u.othersByKind().isEmpty() ? "" : " " + u.othersByKind());
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    static String recovery(Options o, Path dir, Path work, ObjectNode env) throws Exception {
        Simulation.Behaviour b = o.behaviour();
        int[] staff = staffing(o.dayRate, o.dayPresence, o.backlogShare, b, o.agents);
        Centre centre = new Centre(o.queues, staff[0], staff[1], o.seed);
        String runId = "day";
        Map<String, String> facts = new LinkedHashMap<>();
        long killed;
        long readyAt;
        long firstOffer;
        String firstEntry;
        long entriesBefore;
        String lastIdBefore;
        List<String> healthStates = new ArrayList<>();
        List<String> warnings;
        MachineLoad.Usage before = quiet(o);
        try (Rig rig = rig(o, work.resolve("recovery"), centre, centre.seed(), extraConfig(o, o.leaseTtl), runId)) {
            rig.sim().logIn(centre.agents(), Duration.ofMinutes(3));
            log(String.format(
                    Locale.ROOT,
                    "a day of traffic: %d calls at %.0f/s with %.0f presence changes/s, %d advisors",
                    o.calls,
                    o.dayRate,
                    o.dayPresence,
                    centre.agents()));
            long dayStart = System.nanoTime();
            rig.sim().start(new Simulation.Plan(o.dayRate, o.dayPresence, o.backlogShare, b, o.seed), o.calls);
            while (rig.sim().arrivalsSentTotal() < o.calls) {
                Thread.sleep(100);
            }
            Thread.sleep(1_500); // the last calls are answered and committed; traffic goes on
            double daySeconds = (System.nanoTime() - dayStart) / 1e9;
            lastIdBefore = rig.stream().lastId();
            entriesBefore = seqOf(lastIdBefore);
            long epochBefore = Simulation.epochOf(lastIdBefore);
            facts.put("journal entries before the kill (last id seen)", lastIdBefore);
            facts.put("calls driven", o.calls + " in " + String.format(Locale.ROOT, "%.1f s", daySeconds));
            facts.put("advisors", centre.agents() + " (" + staff[0] + " front, " + staff[1] + " backlog)");
            facts.put(
                    "callers waiting at the kill (generator's view)",
                    Integer.toString(rig.sim().waitingCallers()));
            facts.put("advisor states at the kill", rig.sim().advisorStates().toString());
            rig.sim().watchFirstOfferAfterEpoch(epochBefore);
            rig.sim().stopSchedules();
            log("kill -9 of the server (pid " + rig.server().pid() + ")");
            killed = System.nanoTime();
            rig.server().kill9();
            long restartAt = System.nanoTime();
            rig.server().start();
            // Desktops and the event stream retry; the health endpoint is polled to time the phases.
            String lastState = "";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            boolean keptAlive = false;
            readyAt = 0;
            while (System.nanoTime() < deadline && rig.sim().firstOfferNanos() == 0) {
                String body = rig.server().healthBody();
                String state = body == null
                        ? "not answering"
                        : JSON.readTree(body).path("routing").asText("?");
                if (body != null
                        && readyAt == 0
                        && JSON.readTree(body).path("status").asText().equals("UP")) {
                    readyAt = System.nanoTime();
                }
                if (!state.equals(lastState)) {
                    healthStates.add(
                            String.format(Locale.ROOT, "%.3f s: %s", (System.nanoTime() - killed) / 1e9, state));
                    lastState = state;
                }
                if (readyAt != 0 && !keptAlive) {
                    keptAlive = true;
                    // Desktops re-attach (their keep-alive restores the session the restart marked lost).
                    Thread.ofVirtual().start(() -> {
                        try {
                            rig.sim().keepAliveAll(centre.agents());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
                Thread.sleep(10);
            }
            firstOffer = rig.sim().firstOfferNanos();
            firstEntry = rig.sim().firstOfferEntry();
            facts.put(
                    "server restarted after the kill",
                    String.format(Locale.ROOT, "%.3f s", (restartAt - killed) / 1e9));
            facts.put(
                    "event stream reconnected (Last-Event-ID) after",
                    String.format(Locale.ROOT, "%.3f s", (rig.stream().connectedNanos() - killed) / 1e9));
            Thread.sleep(2_000);
            warnings = warnings(rig.server());
            Environment.finish(env, rig.server());
        }
        StringBuilder s = header("recovery", o, env);
        s.append("A day's worth of traffic is driven through the API into a fresh journal, then the server's JVM is"
                + " killed with `kill -9` (its embedded redis-server lives on, as after a real crash) and started again"
                + " on the same data directory at once. Measured: from the kill to the receipt, on the generator's"
                + " event stream (resumed with Last-Event-ID), of the first `OfferCreated` committed in the new epoch."
                + " Desktops re-attach with a keep-alive as soon as the server is ready.\n\n");
        s.append("| fact | value |\n|---|---|\n");
        facts.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        sharedWith(env, "in the 3 s before the server started", others(before, 3));
        s.append("| other processes in the 3 s before the server started | ")
                .append(others(before, 3))
                .append(" |\n");
        s.append("| lease TTL | ")
                .append(o.leaseTtl == null ? "server default (10 s)" : o.leaseTtl.toMillis() + " ms")
                .append(" |\n");
        s.append("| routing state seen on /health after the kill | ")
                .append(String.join("; ", healthStates))
                .append(" |\n");
        s.append(String.format(
                Locale.ROOT,
                "| ready (/health UP) after the kill | %s |%n",
                readyAt == 0 ? "never (2 min)" : String.format(Locale.ROOT, "%.3f s", (readyAt - killed) / 1e9)));
        double seconds = firstOffer == 0 ? Double.NaN : (firstOffer - killed) / 1e9;
        s.append(String.format(
                Locale.ROOT,
                "| **kill -9 → first offer after restart** | **%s** (%s) |%n%n",
                firstOffer == 0 ? "no offer within 2 min" : String.format(Locale.ROOT, "%.3f s", seconds),
                firstEntry));
        s.append(String.format(
                Locale.ROOT,
                "Target ≤ 10 s with a full day in the journal (%d entries): %s.%n%n",
                entriesBefore,
                verdict(seconds <= TARGET_RECOVERY_S)));
        warningsSection(s, warnings);
        return s.toString();
    }

    static String idle(Options o, Path dir, Path work, ObjectNode env) throws Exception {
        long relax = 20_000;
        long maxWait = 40_000;
        Centre centre = new Centre(2, 1, 1, o.seed); // only for the simulation's advisor table; none logs in
        JsonNode seed = Centre.idleSeed(100, relax, maxWait);
        quiet(o);
        StringBuilder s;
        try (Rig rig = rig(o, work.resolve("idle"), centre, seed, extraConfig(o, null), "idle")) {
            log("creating " + o.waiting + " interactions with no advisor logged in");
            rig.sim().collectArrivals();
            long creating = System.nanoTime();
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(64);
            List<java.util.concurrent.CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < o.waiting; i++) {
                inFlight.acquire();
                all.add(rig.api()
                        .post(
                                "create",
                                "/api/v1/interactions",
                                "{\"sourceRef\":\"idle:" + i
                                        + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"idle\"}}")
                        .whenComplete((r, e) -> inFlight.release()));
            }
            java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(2, TimeUnit.MINUTES);
            long created = System.nanoTime();
            Thread.sleep(1_000);
            Map<String, Long> createOutcomes = rig.api().outcomes();
            rig.api().resetCounts();
            rig.sim().resetCounts();
            PromMetrics m0 = rig.server().scrape();
            MachineLoad.Snapshot s0 = MachineLoad.snapshot();
            long cpu0 = rig.server().cpuNanos();
            long t0 = System.nanoTime();
            log("idle for " + o.duration.toSeconds() + " s");
            Thread.sleep(o.duration.toMillis());
            long t1 = System.nanoTime();
            long cpu1 = rig.server().cpuNanos();
            MachineLoad.Usage machine = MachineLoad.between(s0, MachineLoad.snapshot(), MachineLoad.ours(rig.server()));
            Simulation.Counts c = rig.sim().counts();
            PromMetrics m1 = rig.server().scrape();
            StepResult r = new StepResult();
            stages(r, m0, m1);
            double inputs = r.inputsByType.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            double deadlineInputs = r.inputsByType.getOrDefault("DeadlinesDue", 0.0);
            Map<String, Long> factsSeen = Simulation.Counts.sorted(c.factsByType);
            long relaxed = factsSeen.getOrDefault("RequirementsRelaxed", 0L);
            long maxWaits = factsSeen.getOrDefault("MaxWaitReached", 0L);
            Map<String, Long> entries = Simulation.Counts.sorted(c.entriesByInput);
            java.util.TreeSet<Long> instants = new java.util.TreeSet<>();
            for (long a : rig.sim().arrivals()) {
                instants.add(a + relax);
                instants.add(a + maxWait);
            }
            double secs = (t1 - t0) / 1e9;
            double cpuMs = (cpu1 - cpu0) / 1e6;
            Environment.finish(env, rig.server());
            s = header("idle", o, env);
            s.append(String.format(
                    Locale.ROOT,
                    "%d interactions created in queue `idle` (%.1f s), no advisor logged in (100 defined). Each"
                            + " interaction has two deadlines: a relaxation step at %d s and a max-wait action at %d s"
                            + " after its arrival, so all %d deadlines fall due inside the %.0f s window that starts 1 s"
                            + " after the last creation.%n%n",
                    o.waiting,
                    (created - creating) / 1e9,
                    relax / 1000,
                    maxWait / 1000,
                    2 * o.waiting,
                    secs));
            s.append("| measure | value |\n|---|---|\n");
            s.append(String.format(Locale.ROOT, "| creations answered | %s |%n", createOutcomes));
            s.append(String.format(
                    Locale.ROOT, "| engine inputs in the window (all types, server count) | %.0f |%n", inputs));
            s.append(String.format(Locale.ROOT, "| of which DeadlinesDue | %.0f |%n", deadlineInputs));
            s.append(String.format(Locale.ROOT, "| inputs by type | %s |%n", r.inputsByType));
            s.append(String.format(
                    Locale.ROOT,
                    "| deadlines that fell due (facts on the event stream) | %d relaxations + %d max-wait = %d |%n",
                    relaxed,
                    maxWaits,
                    relaxed + maxWaits));
            s.append(String.format(
                    Locale.ROOT,
                    "| distinct deadline instants (ms; arrivedAt + %d s and + %d s of each interaction) | %d |%n",
                    relax / 1000,
                    maxWait / 1000,
                    instants.size()));
            s.append(String.format(Locale.ROOT, "| entries on the event stream, by input | %s |%n", entries));
            s.append(String.format(Locale.ROOT, "| facts on the event stream, by type | %s |%n", factsSeen));
            s.append(String.format(
                    Locale.ROOT,
                    "| server CPU over the window (JVM + redis-server) | %.0f ms in %.1f s = %.2f%% of one core, %.2f%% of"
                            + " the machine |%n",
                    cpuMs,
                    secs,
                    100 * cpuMs / 1e3 / secs,
                    100 * cpuMs / 1e3 / secs / Runtime.getRuntime().availableProcessors()));
            s.append(String.format(
                    Locale.ROOT,
                    "| other processes during the window (CPU s by kind) | %s |%n",
                    others(machine, secs)));
            sharedWith(env, "idle window", others(machine, secs));
            PromMetrics.Buckets dd = r.stages.get("decided: every input");
            s.append(String.format(
                    Locale.ROOT,
                    "| engine time of those inputs | mean %.1f µs, total %.1f ms |%n%n",
                    dd.mean() * 1e6,
                    dd.sum() * 1e3));
            boolean onlyDeadlines = inputs == deadlineInputs && deadlineInputs <= instants.size();
            boolean oneEntryPerWake = entries.getOrDefault("DeadlinesDue", 0L) == (long) deadlineInputs;
            boolean allDue = relaxed == o.waiting && maxWaits == o.waiting;
            s.append("## Verdict\n\n");
            s.append(String.format(
                    Locale.ROOT,
                    "- Engine inputs are only the deadlines that fell due: %s (%.0f inputs, all DeadlinesDue, for %d"
                            + " distinct deadline instants; every one of them carried facts (%d DeadlinesDue entries on"
                            + " the stream): %s; every deadline fell due: %s).%n",
                    verdict(onlyDeadlines),
                    inputs,
                    instants.size(),
                    entries.getOrDefault("DeadlinesDue", 0L),
                    oneEntryPerWake ? "yes" : "no",
                    allDue ? "yes" : "no"));
            s.append(String.format(
                    Locale.ROOT,
                    "- Server CPU near zero: %.2f%% of one core over %.0f s (the generator's /metrics scrapes — the"
                            + " window's two and one every 15 s, as Prometheus' — the lease renewals every TTL/3 and the %d deadline inputs included).%n%n",
                    100 * cpuMs / 1e3 / secs,
                    secs,
                    (long) deadlineInputs));
            warningsSection(s, warnings(rig.server()));
        }
        return s.toString();
    }

    static long seqOf(String entryId) {
        return entryId == null ? -1 : Long.parseLong(entryId.substring(entryId.indexOf('-') + 1));
    }

    // ------------------------------------------------------------------ report

    static StringBuilder header(String mode, Options o, ObjectNode env) {
        StringBuilder s = new StringBuilder();
        s.append("# FirstContact end-to-end load: ").append(mode).append("\n\n");
        JsonNode m = env.path("machine");
        s.append(String.format(
                Locale.ROOT,
                "**Environment** (`environment.json`): %s, %d vCPUs%s, %s RAM; %s; server `java %s -jar"
                        + " firstcontact-server.jar`, production mode, embedded Redis with AOF everysec (journal on);"
                        + " project commit `%s`. **The generator ran on the same machine (co-located): every figure"
                        + " is a lower bound of what the server achieves on a machine of its own.**%n%n",
                m.path("cpuModel").asText(),
                m.path("vcpus").asInt(),
                m.path("hypervisor").asBoolean() ? " (virtualised)" : "",
                m.path("memTotal").asText(),
                env.path("jdk").path("vm").asText(),
                String.join(" ", ServerProcess.jvmFlags()),
                env.path("projectCommit").asText()));
        s.append("Command: `LoadGenerator ").append(o.raw).append("`\n\n");
        return s;
    }

    static void behaviour(StringBuilder s, Options o) {
        s.append(String.format(
                Locale.ROOT,
                "Simulated advisors: accept %.0f ms + exp(%.0f ms) after the offer, talk %.0f + exp(%.0f) ms, end"
                        + " wrap-up %.0f + exp(%.0f) ms after it starts (queue wrap-up 2 s), breaks exp(%.0f ms);"
                        + " callers hang up after %d s of waiting. Sessions do not time out (no keep-alives sent).%n%n",
                o.accept[0],
                o.accept[1],
                o.talk[0],
                o.talk[1],
                o.wrap[0],
                o.wrap[1],
                o.breakMs,
                o.patience.toSeconds()));
    }

    static void step(StringBuilder s, StepResult r) {
        s.append("### Client latency (ms), from the intended send time to the offer's receipt on the event stream\n\n");
        s.append("| measure | count | p50 | p90 | p99 | p99.9 | max |\n|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Histogram> e : r.client.entrySet()) {
            Histogram h = e.getValue();
            if (h.getTotalCount() == 0) {
                s.append("| ").append(e.getKey()).append(" | 0 | | | | | |\n");
                continue;
            }
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                    e.getKey(),
                    h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3,
                    h.getMaxValue() / 1e3));
        }
        s.append("\n### Server split (from /metrics deltas over the window)\n\n");
        s.append("Percentiles are estimated inside the server's histogram buckets (linear interpolation); the mean is"
                + " exact (`_sum / _count`). `resolution` is the smallest bucket bound.\n\n");
        s.append(
                "| stage | count | mean µs | p50 µs (est.) | p99 µs (est.) | resolution |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, PromMetrics.Buckets> e : r.stages.entrySet()) {
            PromMetrics.Buckets b = e.getValue();
            boolean entries = e.getKey().startsWith("entries");
            double k = entries ? 1 : 1e6;
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %s | %s | %s | %s |%n",
                    e.getKey(),
                    b.count(),
                    num(b.mean() * k),
                    quantile(b, 0.5, k),
                    quantile(b, 0.99, k),
                    entries ? num(b.smallestBound()) + " entries" : num(b.smallestBound() * 1e6) + " µs"));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        s.append("\n### Capacity\n\n| measure | value |\n|---|---|\n");
        s.append(String.format(
                Locale.ROOT,
                "| server CPU (JVM + embedded redis-server, /proc utime+stime) | %.2f s in %.1f s: %.1f%% of one core,"
                        + " %.1f%% of the machine |%n",
                r.serverCpuNanos / 1e9,
                r.seconds,
                100 * r.serverCoreShare(),
                100 * r.serverMachineShare()));
        long[] sp = r.serverCpuSplit;
        s.append(String.format(
                Locale.ROOT,
                "| of which server JVM user / system, redis-server user / system | %.2f / %.2f / %.2f / %.2f s |%n",
                sp[0] / 1e9,
                sp[1] / 1e9,
                sp[2] / 1e9,
                sp[3] / 1e9));
        s.append(String.format(
                Locale.ROOT,
                "| engine inputs in the window, server CPU per input | %.0f, %.0f µs |%n",
                r.inputsByType.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum(),
                r.serverCpuNanos
                        / 1e3
                        / Math.max(
                                1,
                                r.inputsByType.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum())));
        s.append(String.format(
                Locale.ROOT,
                "| interaction lifecycles completed (created → offered → accepted → ended → wrap-up over) | %d |%n",
                r.lifecycles));
        s.append(String.format(
                Locale.ROOT,
                "| server CPU per lifecycle (all the window's traffic, presence changes included) | %.0f µs |%n",
                r.cpuPerLifecycleMicros()));
        s.append(String.format(
                Locale.ROOT,
                "| generator CPU | %.2f s: %.1f%% of the machine |%n",
                r.generatorCpuNanos / 1e9,
                100 * r.generatorCpuNanos / (r.seconds * 1e9) / cores));
        s.append(String.format(
                Locale.ROOT,
                "| server GC pauses (jvm_gc_pause_seconds delta; max is Micrometer's recent maximum) | %.0f, %.1f ms in"
                        + " all, max %.1f ms |%n",
                r.gcPauses,
                r.gcPauseSeconds * 1e3,
                r.gcPauseMaxSeconds * 1e3));
        s.append(String.format(
                Locale.ROOT,
                "| generator GC pauses (count, accumulated time) | %d, %d ms |%n",
                r.generatorGcCount,
                r.generatorGcMillis));
        if (r.machine != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "| machine busy (all processes, /proc/stat) | %.1f%% of the machine |%n",
                    100 * r.machine.machineBusySeconds() / r.seconds / cores));
            s.append(String.format(
                    Locale.ROOT,
                    "| other processes during the window (CPU s by kind) | %s |%n",
                    others(r.machine, r.seconds)));
        }
        if (r.before != null) {
            s.append(String.format(
                    Locale.ROOT,
                    "| other processes in the 3 s before the server started | %s |%n",
                    others(r.before, 3)));
        }
        s.append("\n### Rates\n\n| measure | value |\n|---|---|\n");
        s.append(String.format(
                Locale.ROOT,
                "| arrivals/s: offered, sent, committed (CreateInteraction entries on the stream) | %.0f, %.1f, %.1f |%n",
                r.offeredArrivals,
                r.achievedArrivals(),
                r.committedArrivals()));
        s.append(String.format(
                Locale.ROOT,
                "| presence changes/s: offered, sent (breaks skipped for want of an idle advisor) | %.0f, %.1f (%d) |%n",
                r.offeredPresence,
                r.achievedPresence(),
                r.breaksSkipped));
        s.append(String.format(Locale.ROOT, "| offers by the input that made them | %s |%n", r.offersByInput));
        s.append(String.format(Locale.ROOT, "| offers not matched to a send time | %d |%n", r.unmatchedOffers));
        s.append(String.format(Locale.ROOT, "| callers who hung up after their patience | %d |%n", r.abandons));
        s.append(String.format(Locale.ROOT, "| engine inputs by type (server count) | %s |%n", fmtMap(r.inputsByType)));
        s.append(String.format(Locale.ROOT, "| entries on the event stream by input | %s |%n", r.entriesByInput));
        s.append(String.format(Locale.ROOT, "| API answers by route and status | %s |%n", r.apiOutcomes));
        s.append(String.format(Locale.ROOT, "| non-2xx answers or no answer | %d |%n%n", r.errors()));
        warningsSection(s, r.serverWarnings);
    }

    static void warningsSection(StringBuilder s, List<String> warnings) {
        if (warnings.isEmpty()) {
            s.append("Server log: no warnings or errors.\n\n");
            return;
        }
        s.append("Server log, warnings and errors (").append(warnings.size()).append(", first 20):\n\n```\n");
        warnings.stream().limit(20).forEach(w -> s.append(w).append('\n'));
        s.append("```\n\n");
    }

    private static String fmtMap(Map<String, Double> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, Math.round(v)));
        return out.toString();
    }

    private static String triple(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return "– (0)";
        }
        return String.format(
                Locale.ROOT,
                "%.2f / %.2f / %.1f (%d)",
                h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3,
                h.getMaxValue() / 1e3,
                h.getTotalCount());
    }

    /** A bucket estimate; one inside the first bucket is only known to be at most its bound. */
    private static String quantile(PromMetrics.Buckets b, double q, double k) {
        double v = b.quantile(q);
        if (!Double.isNaN(v) && v <= b.smallestBound()) {
            return "≤ " + num(b.smallestBound() * k);
        }
        return num(v * k);
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String verdict(boolean ok) {
        return ok ? "**PASS**" : "**FAIL**";
    }

    static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not delete the work directory: " + e.getMessage());
        }
    }
}
