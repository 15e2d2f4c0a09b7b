package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.channels.voice.peer.AmiMessage;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.journal.JournalCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.HdrHistogram.Histogram;

/**
 * The voice channel measured end to end, with the real server as a child process (journal on: embedded Redis, AOF
 * everysec) and the Asterisk test peer in this JVM (co-located):
 *
 * <ol>
 *   <li><b>Advisor free → next caller's advisor rung</b>: the advisor hangs up a call (the AMI Hangup of their leg
 *       frees them), the router ends the interaction, routing offers the next waiting caller and the router sends the
 *       Originate that rings the advisor. Measured at the peer from writing the Hangup to reading the Originate; the
 *       floor is the peer's echo through the same path without routing: from the same Hangup to the router's Hangup of
 *       the caller's leg, which it sends at once. Quiet, then under a flood of unrelated AMI events.
 *   <li><b>AMI intake</b>: the flood's achieved rate (the peer writes no faster than the router reads) and the two
 *       latencies above under it.
 *   <li><b>Server CPU per voice call lifecycle</b> (FastAGI arrival, menu, queue, ring, answer, bridge, hang-up),
 *       split into AMI intake (Asterisk-Java's threads), FastAGI (virtual threads' carriers), engine (its decision
 *       time), journal (the redis-server process) and the rest; against the same lifecycle submitted through the HTTP
 *       API (create with a queue, accept, end) in the same run.
 *   <li><b>Concurrent FastAGI sessions</b>: callers left in the entry menu, each holding a session; the server's
 *       threads and its heap after a full collection, before, during and after.
 * </ol>
 *
 * <pre>java -cp benchmarks.jar io.firstcontact.benchmarks.load.VoiceBenchmark --jar server.jar --out DIR
 *     [--cycles 1000] [--warmup 2000] [--flood 20000] [--lifecycles 500] [--sessions 1000]</pre>
 */
public final class VoiceBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "PJSIP/1001";

    private final AsteriskPeer peer;
    private final ServerProcess server;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Deque<AsteriskPeer.Caller> callers = new ArrayDeque<>();
    private final AtomicLong echoAt = new AtomicLong();
    private final AtomicLong ringAt = new AtomicLong();
    private volatile String echoFor;
    /** The advisors whose desktops send a keep-alive every five seconds, as a real desktop does. */
    private final java.util.Set<String> desktops = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private int numbers;

    private VoiceBenchmark(AsteriskPeer peer, ServerProcess server) {
        this.peer = peer;
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        Path jar = Path.of(o.getOrDefault("jar", "server/target/firstcontact-server.jar"));
        Path out = Path.of(o.getOrDefault(
                "out", "benchmarks/results/voice-" + Instant.now().toString().replace(":", "")));
        int cycles = Integer.parseInt(o.getOrDefault("cycles", "1000"));
        int flood = Integer.parseInt(o.getOrDefault("flood", "20000"));
        int lifecycles = Integer.parseInt(o.getOrDefault("lifecycles", "500"));
        int sessions = Integer.parseInt(o.getOrDefault("sessions", "1000"));
        // Untimed cycles first, so that the windows measure a server whose code the JIT has compiled, as in service:
        // a cycle is about nine inputs, and each input runs every view's fold.
        int warmup = Integer.parseInt(o.getOrDefault("warmup", String.valueOf(Math.max(2_000, cycles))));
        Files.createDirectories(out);
        ObjectNode result = JSON.createObjectNode();
        ObjectNode env = Environment.collect("voice", String.join(" ", args));
        ((ObjectNode) env.get("server")).put("logging", "INFO (the production default)");
        ((ObjectNode) env.get("generator"))
                .put("http", "java.net.http client, HTTP/1.1 over loopback, one request at a time")
                .put(
                        "asterisk",
                        "the test peer (channel-adapters test sources): an AMI server speaking Asterisk 20's messages"
                                + " with TCP_NODELAY as Asterisk sets it, one write per message, and a FastAGI client;"
                                + " every phone answers at once");
        env.put(
                "sharedTheMachine",
                "the generator and the Asterisk peer, co-located in one JVM on the same vCPUs as the server and its"
                        + " Redis; other processes are listed below");
        result.set("environment", env);
        MachineLoad.Snapshot machineBefore = MachineLoad.snapshot();

        try (AsteriskPeer peer = AsteriskPeer.start().wholeWrites()) {
            int agi = freePort();
            peer.agiServer("127.0.0.1", agi);
            peer.phone(DEVICE).answersAfter(Duration.ZERO);
            Path work = Files.createTempDirectory("fc-voice-bench");
            try (ServerProcess server = new ServerProcess(jar, work, routing(), voice(peer, agi))) {
                server.start();
                server.awaitReady(Duration.ofSeconds(120));
                VoiceBenchmark b = new VoiceBenchmark(peer, server);
                Thread.ofPlatform().daemon().name("desktops").start(b::keepAlive);
                b.await(() -> peer.amiSessions() == 1, "the router to log in to the peer");
                peer.onAction(b::heard);
                b.post("/api/v1/agents/a1/login", "{\"ready\":true,\"device\":\"" + DEVICE + "\"}");
                b.desktops.add("a1");
                b.prime();

                b.freeToRing(warmup, null); // not kept
                result.put("warmupCycles", warmup);
                result.set("quiet", b.freeToRing(cycles, null));
                result.set("flood", b.freeToRing(cycles, flood));
                result.set("cpu", b.cpu(lifecycles));
                result.set("agiSessions", b.agiSessions(sessions));
                b.desktops.clear();
                Environment.finish(env, server);
            }
        }
        result.set("sharedTheMachine", JSON.valueToTree(otherProcesses(machineBefore)));
        Files.writeString(
                out.resolve("voice.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    // ------------------------------------------------------------------ set-up

    /** One voice queue without wrap-up (an advisor is free the moment a call ends), two advisors. */
    private static JsonNode routing() throws IOException {
        RoutingConfig c = new RoutingConfig(
                1,
                List.of(new ChannelConfig("voice", MediaClass.REALTIME_VOICE, 15_000, false)),
                List.of("calls"),
                List.of(QueueConfig.simple("calls", "voice", 30_000, List.of(), 0)),
                List.of(new UtilisationProfile("desk", List.of(new ChannelCapacity("voice", 1, List.of(), List.of())))),
                List.of(new RoutingProfile("all", List.of(new QueueMembership("calls", 1, 0)))),
                List.of(new NotReadyReason("BREAK", false)),
                List.of(),
                RoutingPolicy.DEFAULT);
        ObjectNode r = JSON.createObjectNode();
        r.set("config", JSON.readTree(new JournalCodec().encodeValue(c)));
        var agents = r.putArray("agents");
        for (String a : List.of("a1", "a2")) {
            agents.addObject()
                    .put("agentId", a)
                    .put("utilisationProfile", "desk")
                    .put("routingProfile", "all")
                    .putArray("skills");
        }
        return r;
    }

    private static Map<String, JsonNode> voice(AsteriskPeer peer, int agi) {
        ObjectNode v = JSON.createObjectNode();
        v.putObject("ami")
                .put("host", "127.0.0.1")
                .put("port", peer.amiPort())
                .put("username", AsteriskPeer.ROUTER.name())
                .put("secret", AsteriskPeer.ROUTER.secret());
        v.putObject("agi").put("host", "127.0.0.1").put("port", agi);
        ObjectNode menu = v.putObject("menu").put("defaultQueue", "calls").put("timeout", "120s");
        menu.putObject("queues").put("1", "calls");
        v.put("announceEvery", "0s");
        ObjectNode logging = JSON.createObjectNode().put("json", false).put("level", "INFO");
        return Map.of("voice", v, "logging", logging);
    }

    /** One caller connected to a1, two waiting. */
    private void prime() {
        for (int i = 0; i < 3; i++) {
            callers.add(peer.call(nextNumber(), "1"));
        }
        awaitConnected();
    }

    /** Waits for the waiting caller routing chose (the first queued, which need not be the first created) to be
     * connected, and puts them first. */
    private void awaitConnected() {
        AsteriskPeer.Caller[] found = new AsteriskPeer.Caller[1];
        await(
                () -> {
                    for (AsteriskPeer.Caller c : callers) {
                        if (bridged(c)) {
                            found[0] = c;
                            return true;
                        }
                    }
                    return false;
                },
                "a caller connected");
        callers.remove(found[0]);
        callers.addFirst(found[0]);
    }

    private String nextNumber() {
        return String.format("0770%07d", numbers++);
    }

    private boolean bridged(AsteriskPeer.Caller c) {
        return c.bridgedWith().stream().anyMatch(n -> n.startsWith(DEVICE + "-"));
    }

    /** The peer reads an action: the echo (the caller's leg hung up) or the ring (the advisor's phone). */
    private void heard(AmiMessage action, long nanos) {
        String name = action.get("Action");
        if ("Hangup".equalsIgnoreCase(name) && action.get("Channel").equals(echoFor)) {
            echoAt.compareAndSet(0, nanos);
        } else if ("Originate".equalsIgnoreCase(name) && DEVICE.equals(action.get("Channel"))) {
            ringAt.compareAndSet(0, nanos);
        }
    }

    // ------------------------------------------------------------------ advisor free → rung

    private ObjectNode freeToRing(int cycles, Integer floodRate) throws IOException, InterruptedException {
        Histogram ring = new Histogram(60_000_000_000L, 3);
        Histogram echo = new Histogram(60_000_000_000L, 3);
        Histogram beyond = new Histogram(60_000_000_000L, 3);
        Cpu before = Cpu.of(server);
        PromMetrics metricsBefore = server.scrape();
        AsteriskPeer.Flood flood = floodRate == null ? null : peer.flood(floodRate);
        long t0 = System.nanoTime();
        for (int i = 0; i < cycles; i++) {
            AsteriskPeer.Caller talking = callers.pollFirst();
            echoFor = talking.uniqueid();
            echoAt.set(0);
            ringAt.set(0);
            long freed = System.nanoTime();
            peer.phone(DEVICE).hangsUp();
            await(() -> echoAt.get() != 0 && ringAt.get() != 0, "the echo and the ring");
            ring.recordValue(ringAt.get() - freed);
            echo.recordValue(echoAt.get() - freed);
            beyond.recordValue(Math.max(0, ringAt.get() - echoAt.get()));
            callers.add(peer.call(nextNumber(), "1"));
            awaitConnected();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ObjectNode r = JSON.createObjectNode();
        r.put("cycles", cycles);
        r.set("freeToRingMicros", percentiles(ring));
        r.set("echoFloorMicros", percentiles(echo));
        r.put("p99MinusFloorP99Micros", (ring.getValueAtPercentile(99) - echo.getValueAtPercentile(99)) / 1_000);
        r.put(
                "p99OverFloorP99",
                Math.round(100.0 * ring.getValueAtPercentile(99) / echo.getValueAtPercentile(99)) / 100.0);
        // The same event reaches the adapter once and causes both: the echo at once, the ring through the engine and
        // the journal. Their gap in each cycle is the adapter's event-to-decision-to-Originate time less transport.
        r.set("ringAfterEchoMicros", percentiles(beyond));
        // What the gap holds, as the server counts it: the journal's commit (a Redis round trip) and the decision.
        PromMetrics metricsAfter = server.scrape();
        r.put(
                "journalCommitMeanMicros",
                meanMicros(metricsBefore, metricsAfter, "firstcontact_journal_commit_seconds"));
        r.put(
                "engineDecisionMeanMicros",
                meanMicros(metricsBefore, metricsAfter, "firstcontact_engine_decision_seconds"));
        // The target's own measure, taken inside the server: from the AMI event that freed the advisor reaching the
        // adapter to the Originate leaving it (firstcontact_voice_free_to_ring_seconds; percentiles estimated inside
        // its histogram's buckets), against the echo floor's p99 + 2 ms measured at the peer in the same cycles.
        PromMetrics.Buckets adapter = metricsAfter
                .buckets("firstcontact_voice_free_to_ring_seconds", l -> true)
                .minus(metricsBefore.buckets("firstcontact_voice_free_to_ring_seconds", l -> true));
        ObjectNode inServer = r.putObject("adapterFreeToRingMicros");
        inServer.put("count", Math.round(adapter.total()));
        inServer.put("p50", Math.round(adapter.quantile(0.5) * 1e6));
        inServer.put("p99", Math.round(adapter.quantile(0.99) * 1e6));
        inServer.put("mean", Math.round(adapter.mean() * 1e6));
        long allowed = echo.getValueAtPercentile(99) / 1_000 + 2_000;
        inServer.put("targetP99Micros", allowed);
        inServer.put("met", adapter.quantile(0.99) * 1e6 <= allowed);
        // How the cycle's inputs were committed: in one batch, in two in series, or the second sent behind the first.
        double commits = metricsAfter.sum("firstcontact_journal_commit_seconds_count")
                - metricsBefore.sum("firstcontact_journal_commit_seconds_count");
        double entries = metricsAfter.sum("firstcontact_journal_batch_entries_sum")
                - metricsBefore.sum("firstcontact_journal_batch_entries_sum");
        r.put("journalCommitsPerCycle", Math.round(100.0 * commits / cycles) / 100.0);
        r.put("entriesPerCommit", commits == 0 ? -1 : Math.round(100.0 * entries / commits) / 100.0);
        double behind = metricsAfter.sum("firstcontact_journal_behind_batches_total")
                - metricsBefore.sum("firstcontact_journal_behind_batches_total");
        r.put("commitsSentBehindPerCycle", Math.round(100.0 * behind / cycles) / 100.0);
        if (flood != null) {
            long written = flood.stop();
            Cpu after = Cpu.of(server);
            r.put("floodEventsWritten", written);
            r.put("floodEventsPerSecond", Math.round(written / seconds));
            long tick = 1_000_000_000L / ServerProcess.clockTicksPerSecond();
            long intake = after.threads().getOrDefault("amiIntake", 0L)
                    - before.threads().getOrDefault("amiIntake", 0L);
            long jvm =
                    after.threads().values().stream().mapToLong(Long::longValue).sum()
                            - before.threads().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum();
            r.put("amiIntakeCpuMicrosPerThousandEvents", intake * tick / 1_000 * 1_000 / Math.max(1, written));
            r.put("serverJvmCpuShareOfOneVcpu", Math.round(100.0 * jvm * tick / (seconds * 1e9)) / 100.0);
        }
        return r;
    }

    private static long meanMicros(PromMetrics before, PromMetrics after, String timer) {
        double count = after.sum(timer + "_count") - before.sum(timer + "_count");
        double sum = after.sum(timer + "_sum") - before.sum(timer + "_sum");
        return count == 0 ? -1 : Math.round(sum / count * 1e6);
    }

    private static ObjectNode percentiles(Histogram h) {
        ObjectNode n = JSON.createObjectNode();
        n.put("p50", h.getValueAtPercentile(50) / 1_000);
        n.put("p90", h.getValueAtPercentile(90) / 1_000);
        n.put("p99", h.getValueAtPercentile(99) / 1_000);
        n.put("max", h.getMaxValue() / 1_000);
        return n;
    }

    // ------------------------------------------------------------------ CPU per lifecycle

    private ObjectNode cpu(int lifecycles) throws Exception {
        ObjectNode r = JSON.createObjectNode();
        // Voice: each cycle is a whole call (a new caller arrives through FastAGI while the connected one ends).
        Cpu before = Cpu.of(server);
        freeToRing(lifecycles, null);
        Cpu after = Cpu.of(server);
        r.set("voice", after.minus(before).perLifecycle(lifecycles));

        // The same lifecycle through the HTTP API: a1 leaves, a2 takes calls created, accepted and ended by requests.
        post("/api/v1/agents/a1/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"BREAK\"}");
        for (AsteriskPeer.Caller c : callers) {
            c.hangUp();
        }
        callers.clear();
        await(() -> idle("a1") && peer.liveChannels() == 0, "a1 to be out of calls and the callers gone");
        post("/api/v1/agents/a2/login", "{\"ready\":true}");
        desktops.add("a2");
        Cpu httpBefore = Cpu.of(server);
        for (int i = 0; i < lifecycles; i++) {
            JsonNode created = post(
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"http:" + i + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"calls\"}}");
            String interaction = created.get("interactionId").asText();
            String offer = null;
            for (JsonNode f : created.get("facts")) {
                if (f.get("type").asText().equals("OfferCreated")) {
                    offer = f.get("offerId").asText();
                }
            }
            if (offer == null) {
                throw new IllegalStateException(
                        "no offer to a2 at creation: " + created + "\n" + get("/api/v1/agents/a2"));
            }
            post("/api/v1/offers/" + offer + "/accept", "{}");
            post("/api/v1/interactions/" + interaction + "/end", "{\"reason\":\"COMPLETED\"}");
        }
        Cpu httpAfter = Cpu.of(server);
        r.set("http", httpAfter.minus(httpBefore).perLifecycle(lifecycles));
        return r;
    }

    // ------------------------------------------------------------------ concurrent FastAGI sessions

    /** Callers who stay in the entry menu, each holding a FastAGI session: the server's threads and heap. */
    private ObjectNode agiSessions(int n) throws IOException, InterruptedException {
        desktops.clear();
        post("/api/v1/agents/a2/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"BREAK\"}");
        await(() -> idle("a2"), "a2 to be out of calls");
        ObjectNode r = JSON.createObjectNode();
        r.put("sessions", n);
        r.put("threadsBefore", threads());
        r.put("heapAfterGcBeforeMiB", server.heapAfterGc() >> 20);
        List<AsteriskPeer.Caller> waiting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waiting.add(peer.call(nextNumber()));
        }
        await(() -> inMenu() == n, n + " callers in the entry menu", Duration.ofSeconds(120));
        r.put("threadsDuring", threads());
        r.put("heapAfterGcDuringMiB", server.heapAfterGc() >> 20);
        waiting.forEach(AsteriskPeer.Caller::hangUp);
        await(() -> inMenu() == 0, "the sessions to end", Duration.ofSeconds(120));
        r.put("threadsAfter", threads());
        r.put("heapAfterGcAfterMiB", server.heapAfterGc() >> 20);
        return r;
    }

    private int inMenu() {
        int waiting = 0;
        for (var session : peer.agiSessions()) {
            String now = session.executing();
            if (!session.ended() && now != null && now.startsWith("GET DATA")) {
                waiting++;
            }
        }
        return waiting;
    }

    private int threads() throws IOException {
        return Integer.parseInt(server.status("Threads"));
    }

    /** CPU of the server's threads by kind, of its redis-server, and the engine's decision time, at one instant. */
    record Cpu(Map<String, Long> threads, long redis, double engineSeconds, double decisions) {
        static Cpu of(ServerProcess s) throws IOException, InterruptedException {
            Map<String, Long> threads = new HashMap<>(s.threadTicks(Cpu::kind));
            long[] split = s.cpuSplitNanos();
            PromMetrics m = s.scrape();
            return new Cpu(
                    threads,
                    split[2] + split[3],
                    m.sum("firstcontact_engine_decision_seconds_sum"),
                    m.sum("firstcontact_engine_decision_seconds_count"));
        }

        private static String kind(String comm) {
            if (comm.startsWith("Asterisk-Java")) {
                return "amiIntake";
            }
            if (comm.startsWith("ForkJoinPool")) {
                return "fastAgi";
            }
            if (comm.startsWith("vert.x-eventloo")) {
                return "eventLoops";
            }
            if (comm.startsWith("lettuce")) {
                return "redisClient";
            }
            if (comm.startsWith("GC ") || comm.startsWith("Z") || comm.startsWith("G1")) {
                return "gc";
            }
            return "other";
        }

        Cpu minus(Cpu o) {
            Map<String, Long> d = new HashMap<>();
            threads.forEach((k, v) -> d.put(k, v - o.threads.getOrDefault(k, 0L)));
            return new Cpu(d, redis - o.redis, engineSeconds - o.engineSeconds, decisions - o.decisions);
        }

        ObjectNode perLifecycle(int n) {
            long tick = 1_000_000_000L / ServerProcess.clockTicksPerSecond();
            ObjectNode r = JSON.createObjectNode();
            long jvm = 0;
            for (Map.Entry<String, Long> e : threads.entrySet()) {
                r.put(e.getKey() + "Micros", e.getValue() * tick / n / 1_000);
                jvm += e.getValue() * tick;
            }
            r.put("engineDecisionMicros", Math.round(engineSeconds * 1e6 / n));
            r.put("engineInputsPerLifecycle", Math.round(decisions / n * 10) / 10.0);
            r.put("journalRedisServerMicros", redis / n / 1_000);
            r.put("serverJvmMicros", jvm / n / 1_000);
            r.put("totalMicros", (jvm + redis) / n / 1_000);
            return r;
        }
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.apiBase() + path))
                        .header("Authorization", "Bearer " + server.adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private void keepAlive() {
        while (true) {
            LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
            for (String a : desktops) {
                try {
                    post("/api/v1/agents/" + a + "/keepalive", "{}");
                } catch (IOException | RuntimeException e) {
                    System.err.println("keep-alive for " + a + " failed: " + e);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server.apiBase() + path))
                        .header("Authorization", "Bearer " + server.adminToken())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** The advisor holds no offer and no assignment. */
    private boolean idle(String agent) {
        try {
            JsonNode a = get("/api/v1/agents/" + agent);
            return a.get("offerIds").isEmpty() && a.get("assignmentIds").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void await(BooleanSupplier condition, String what) {
        await(condition, what, Duration.ofSeconds(30));
    }

    private void await(BooleanSupplier condition, String what, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder sessions = new StringBuilder();
                peer.agiSessions()
                        .forEach(x -> sessions.append(x.script())
                                .append(' ')
                                .append(x.commands())
                                .append('\n'));
                throw new IllegalStateException(
                        "waited " + patience.toSeconds() + " s for " + what + "\n" + sessions + server.logTail());
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<String> otherProcesses(MachineLoad.Snapshot before) {
        List<String> names = new ArrayList<>();
        MachineLoad.Snapshot now = MachineLoad.snapshot();
        long self = ManagementFactory.getRuntimeMXBean().getPid();
        now.ticks().forEach((pid, ticks) -> {
            long used = ticks - before.ticks().getOrDefault(pid, 0L);
            if (pid != self && used > ServerProcess.clockTicksPerSecond()) {
                names.add(now.labels().get(pid) + " " + used / ServerProcess.clockTicksPerSecond() + " s");
            }
        });
        return names;
    }
}
