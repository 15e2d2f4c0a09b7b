package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.MediaClass;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Web chats under load: one server (the load generator's centre and open-loop traffic, the journal on), with a chat
 * queue and a team of chat advisors added to the centre. A window is measured without chats; then {@code --chats}
 * residents open a chat each through the public widget's protocol (the pre-chat form, then the chat's WebSocket), the
 * chat advisors — signed in on their desks, holding the desk's push connection — accept the offers, and each resident
 * says something every {@code --every}, which its advisor answers from the desk ({@code POST
 * /desk/api/work/{id}/messages}); a second window of the same voice traffic is measured with every chat talking.
 * Reported: resident → advisor message latency (sent on the resident's socket → arrived on the advisor's desk
 * connection) and advisor → resident (answer sent → arrived on the resident's socket), p50/p99; routing's L1/L2, the
 * server's pipeline stages and CPU side by side without and with the chats; the server's heap after a full collection
 * and its resident memory at the end of each window.
 *
 * <pre>
 * ChatLoad [--chats 1000] [--per-advisor 4] [--every 5s] [--rate 20] [--presence 40] [--warmup 30s] [--duration 60s]
 *          [LoadGenerator's options]
 * </pre>
 *
 * <p>Every resident connects from 127.0.0.1: the server's configuration for the run raises the chat's per-address
 * limits ({@code chat.sessionsPerMinute}, {@code chat.connectionsPerClient}), as a council would behind one proxy
 * address without {@code trustForwardedFor}; the per-chat message limit stays the default.
 */
public final class ChatLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "chat load pass phrase";
    static final String CHAT = "chat";
    static final String QUEUE = "web-chat";

    private ChatLoad() {}

    public static void main(String[] args) throws Exception {
        int chats = 1_000;
        int perAdvisor = 4;
        Duration every = Duration.ofSeconds(5);
        List<String> rest = new ArrayList<>(List.of("steady", "--rate", "20", "--presence", "40", "--warmup", "30s"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--chats" -> chats = Integer.parseInt(args[++i]);
                case "--per-advisor" -> perAdvisor = Integer.parseInt(args[++i]);
                case "--every" -> every = LoadGenerator.duration(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        rest.addAll(List.of("--floor", "false"));
        LoadGenerator.Options o = LoadGenerator.Options.parse(rest.toArray(String[]::new));
        String ts = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path dir = o.out.resolve("load-" + ts + "-chats");
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("firstcontact-chats-");
        ObjectNode env = Environment.collect("chats", String.join(" ", args));
        String summary = run(o, new Shape(chats, perAdvisor, every), dir, work, env);
        Environment.write(dir, env);
        Files.writeString(dir.resolve("summary.md"), summary);
        System.out.println(summary);
        System.exit(0);
    }

    /** How many chats, how many each chat advisor holds at once, and how often a resident says something. */
    record Shape(int chats, int perAdvisor, Duration every) {
        Shape {
            if (chats < 1 || perAdvisor < 1 || perAdvisor > ChannelCapacity.MAX_CAPACITY) {
                throw new IllegalArgumentException("--chats ≥ 1, --per-advisor 1–" + ChannelCapacity.MAX_CAPACITY);
            }
            if (every.toMillis() < 1_000) {
                throw new IllegalArgumentException("--every is at least 1s (the chat's own limit is 60 a minute)");
            }
        }

        int advisors() {
            return (chats + perAdvisor - 1) / perAdvisor;
        }
    }

    static String run(LoadGenerator.Options o, Shape shape, Path dir, Path work, ObjectNode env) throws Exception {
        Simulation.Behaviour b = o.behaviour();
        int[] staff = LoadGenerator.staffing(o.rate, o.presence, o.backlogShare, b, o.agents);
        Centre centre = new Centre(o.queues, staff[0], staff[1], o.seed);
        int advisors = shape.advisors();
        Map<String, JsonNode> extra = new LinkedHashMap<>(LoadGenerator.extraConfig(o, null));
        List<String> users = new ArrayList<>();
        List<String> agentIds = new ArrayList<>();
        for (int i = 0; i < advisors; i++) {
            users.add("chat" + i);
            agentIds.add(chatAgentId(i));
        }
        extra.put("desktop", DeskLoad.desktopConfig(users, agentIds, PASSWORD));
        extra.put("chat", chatConfig(shape));
        JsonNode seed = seed(centre, shape);
        try (LoadGenerator.Rig rig = LoadGenerator.rig(o, work, centre, seed, extra, "chats-");
                ChatResidents residents = new ChatResidents(
                        "127.0.0.1", DeskLoad.port(rig.server().apiBase()), shape.every(), o.seed)) {
            ChatDesks desks = new ChatDesks(residents);
            try (StaffClients clients = new StaffClients(
                    "127.0.0.1", DeskLoad.port(rig.server().apiBase()), "/desk/push", desks::received)) {
                desks.clients = clients;
                rig.sim().logIn(centre.agents(), Duration.ofMinutes(3));
                LoadGenerator.log("signing in " + advisors + " chat advisors' desks (an Argon2id check each)");
                clients.signIn(users, PASSWORD, Duration.ofMinutes(10));
                for (int i = 0; i < advisors; i++) {
                    int status = clients.post(i, "/desk/api/login", "{\"ready\":true}")
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get();
                    if (status != 200) {
                        throw new IllegalStateException("chat advisor " + i + "'s login answered " + status);
                    }
                }
                clients.connect(Duration.ofMinutes(3));
                rig.sim().start(new Simulation.Plan(o.rate, o.presence, o.backlogShare, b, o.seed), Long.MAX_VALUE);
                Thread.sleep(o.warmup.toMillis());

                LoadGenerator.log("measuring " + o.duration.toSeconds() + " s without chats");
                Map<String, Long> threads0 = threads(rig.server());
                LoadGenerator.StepResult without = LoadGenerator.measure(rig, o.duration, dir, "without-");
                Map<String, Long> threadsWithout = minus(threads(rig.server()), threads0);
                LoadGenerator.log(SideBySide.line("without chats", without));
                Memory memoryWithout = Memory.of(rig.server());

                long t0 = System.nanoTime();
                LoadGenerator.log("opening " + shape.chats() + " chats");
                desks.answering = true;
                residents.talking = true;
                residents.open(shape.chats(), Duration.ofMinutes(10));
                double openSeconds = (System.nanoTime() - t0) / 1e9;
                LoadGenerator.log(String.format(
                        Locale.ROOT,
                        "%d chats open in %.1f s, %d with an advisor; settling",
                        residents.open(),
                        openSeconds,
                        residents.connected.get()));
                Thread.sleep(Math.min(30_000, o.warmup.toMillis()));
                residents.toAdvisor.getIntervalHistogram(); // drop what came before the window
                residents.toResident.getIntervalHistogram();
                long said0 = residents.said.get();
                long answers0 = desks.answers.get();
                long refusals0 = desks.refusals.get() + residents.refused.get();
                LoadGenerator.log("measuring " + o.duration.toSeconds() + " s with chats");
                Map<String, Long> threads1 = threads(rig.server());
                LoadGenerator.StepResult with = LoadGenerator.measure(rig, o.duration, dir, "with-");
                Map<String, Long> threadsWith = minus(threads(rig.server()), threads1);
                Histogram toAdvisor = residents.toAdvisor.getIntervalHistogram();
                Histogram toResident = residents.toResident.getIntervalHistogram();
                Counts counts = new Counts(
                        residents.said.get() - said0,
                        desks.answers.get() - answers0,
                        desks.refusals.get() + residents.refused.get() - refusals0,
                        residents.open(),
                        residents.connected.get(),
                        residents.closedByServer.get(),
                        openSeconds);
                LoadGenerator.log(SideBySide.line("with chats", with));
                rig.sim().stopSchedules();
                residents.talking = false;
                Memory memoryWith = Memory.of(rig.server());
                Environment.finish(env, rig.server());
                writeHistogram(dir, "with-resident-to-advisor", toAdvisor);
                writeHistogram(dir, "with-advisor-to-resident", toResident);
                return report(
                        o,
                        env,
                        shape,
                        staff[0] + staff[1],
                        without,
                        with,
                        new Latency(toAdvisor, toResident),
                        counts,
                        memoryWithout,
                        memoryWith,
                        threadsWithout,
                        threadsWith);
            }
        } finally {
            LoadGenerator.deleteTree(work);
        }
    }

    /** What the residents and the desks did in the window with chats. */
    record Counts(
            long said,
            long answers,
            long refusals,
            int open,
            int withAdvisor,
            int closedByServer,
            double openSeconds) {}

    /** The window's message latencies (µs). */
    record Latency(Histogram toAdvisor, Histogram toResident) {}

    /** The server's heap after a full collection and its resident memory, at one instant. */
    record Memory(long heapAfterGcBytes, String rss) {
        static Memory of(ServerProcess server) throws Exception {
            return new Memory(server.heapAfterGc(), server.status("VmRSS"));
        }

        double heapMiB() {
            return heapAfterGcBytes / 1024.0 / 1024.0;
        }
    }

    static String chatAgentId(int i) {
        return String.format("c%05d", i);
    }

    /**
     * The load generator's centre with a chat channel, the {@code web-chat} queue and a team of chat advisors ({@code
     * c00000}…), each holding up to {@code perAdvisor} chats and nothing else; the voice advisors hold no chats.
     */
    static JsonNode seed(Centre centre, Shape shape) {
        RoutingConfig voice = centre.config();
        List<ChannelConfig> channels = new ArrayList<>(voice.channels());
        channels.add(ChannelConfig.of(CHAT, MediaClass.REALTIME_TEXT));
        List<QueueConfig> queues = new ArrayList<>(voice.queues());
        queues.add(
                QueueConfig.builder(QUEUE, CHAT).serviceLevelThreshold(60_000).build());
        List<UtilisationProfile> utilisation = new ArrayList<>(voice.utilisationProfiles());
        utilisation.add(new UtilisationProfile(
                "chat-only", List.of(new ChannelCapacity(CHAT, shape.perAdvisor(), List.of(), List.of()))));
        List<RoutingProfile> profiles = new ArrayList<>(voice.routingProfiles());
        profiles.add(new RoutingProfile("team-chat", List.of(new QueueMembership(QUEUE, 1, 0))));
        RoutingConfig config = new RoutingConfig(
                voice.version(),
                channels,
                voice.skills(),
                queues,
                utilisation,
                profiles,
                voice.notReadyReasons(),
                voice.attributes(),
                voice.policy());
        ObjectNode routing = (ObjectNode) centre.seed();
        routing.set("config", Centre.toTree(JSON, config));
        ArrayNode agents = (ArrayNode) routing.get("agents");
        for (int i = 0; i < shape.advisors(); i++) {
            ObjectNode a = agents.addObject();
            a.put("agentId", chatAgentId(i));
            a.putArray("skills");
            a.put("utilisationProfile", "chat-only");
            a.put("routingProfile", "team-chat");
        }
        return routing;
    }

    /**
     * The chat for the run: every resident comes from the generator's one address, so the per-address limits on
     * opening chats and holding connections are raised above the run's chats; the per-chat message limit is left.
     */
    static ObjectNode chatConfig(Shape shape) {
        ObjectNode chat = JSON.createObjectNode();
        chat.put("queue", QUEUE);
        chat.put("sessionsPerMinute", shape.chats() * 2);
        chat.put("connectionsPerClient", shape.chats() + 100);
        return chat;
    }

    private static void writeHistogram(Path dir, String name, Histogram h) throws IOException {
        try (var out = new PrintStream(Files.newOutputStream(dir.resolve(name + ".hgrm")))) {
            h.outputPercentileDistribution(out, 1000.0);
        }
    }

    private static String report(
            LoadGenerator.Options o,
            ObjectNode env,
            Shape shape,
            int voiceAdvisors,
            LoadGenerator.StepResult without,
            LoadGenerator.StepResult with,
            Latency latency,
            Counts counts,
            Memory memoryWithout,
            Memory memoryWith,
            Map<String, Long> threadsWithout,
            Map<String, Long> threadsWith) {
        StringBuilder s = LoadGenerator.header("chats", o, env);
        s.append(String.format(
                Locale.ROOT,
                "Open loop, %.0f arrivals/s and %.0f presence changes/s on %d voice advisors; two windows of %.0f s on"
                        + " the same server and traffic: without chats, then with %d chats (%d open at the end, %d"
                        + " with an advisor, %d sockets closed by the server; opening them all took %.1f s) held by"
                        + " %d chat advisors (up to %d chats each) signed in on their desks. Each resident says"
                        + " something every %d s, and its advisor answers each message from the desk.%n%n",
                o.rate,
                o.presence,
                voiceAdvisors,
                with.seconds,
                shape.chats(),
                counts.open(),
                counts.withAdvisor(),
                counts.closedByServer(),
                counts.openSeconds(),
                shape.advisors(),
                shape.perAdvisor(),
                shape.every().toSeconds()));
        SideBySide.table(s, "chats", without, with);
        int cores = Runtime.getRuntime().availableProcessors();
        s.append(String.format(
                Locale.ROOT,
                "Other processes on the machine (not this run's server, its Redis or the generator) used %.0f %% of it in the window"
                        + " without chats and %.0f %% in the window with them.%n%n",
                100 * without.machine.othersSeconds() / without.seconds / cores,
                100 * with.machine.othersSeconds() / with.seconds / cores));
        threadTable(s, threadsWithout, without.seconds, threadsWith, with.seconds);
        s.append("| server memory | without chats | with chats | with / without |\n|---|---|---|---|\n");
        s.append(String.format(
                Locale.ROOT,
                "| server heap after a full GC at the window's end (MiB) | %.0f | %.0f | %.2f |%n",
                memoryWithout.heapMiB(),
                memoryWith.heapMiB(),
                memoryWith.heapMiB() / memoryWithout.heapMiB()));
        s.append(String.format(
                Locale.ROOT,
                "| server resident memory (VmRSS) at the window's end | %s | %s | |%n%n",
                memoryWithout.rss(),
                memoryWith.rss()));
        Histogram a = latency.toAdvisor();
        Histogram r = latency.toResident();
        s.append(String.format(
                Locale.ROOT,
                "Messages in the window with chats: residents said %d (%.0f/s), advisors answered %d (%.0f/s); %d"
                        + " requests or frames refused.%n%n",
                counts.said(),
                counts.said() / with.seconds,
                counts.answers(),
                counts.answers() / with.seconds,
                counts.refusals()));
        s.append("| message latency | count | p50 (ms) | p99 (ms) | max (ms) |\n|---|---|---|---|---|\n");
        s.append(row("resident → advisor (sent on the resident's socket → on the advisor's desk connection)", a));
        s.append(row("advisor → resident (answer posted from the desk → on the resident's socket)", r));
        return s.toString();
    }

    /** The server's CPU ticks by kind of thread ({@code vert.x-eventloop-thread-3} → {@code vert.x-eventloop-thread}). */
    static Map<String, Long> threads(ServerProcess server) throws IOException {
        return server.threadTicks(comm -> comm.replaceAll("[-#_ ]*\\d+$", ""));
    }

    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> d = new TreeMap<>();
        after.forEach((k, v) -> d.put(k, v - before.getOrDefault(k, 0L)));
        return d;
    }

    /** Where the server's CPU went in each window, by kind of thread, the busiest first (% of the machine). */
    private static void threadTable(
            StringBuilder s, Map<String, Long> without, double withoutSeconds, Map<String, Long> with, double seconds) {
        double perTick =
                1.0 / ServerProcess.clockTicksPerSecond() / Runtime.getRuntime().availableProcessors();
        s.append(
                "| server threads (by name; threads that ended in the window are not counted) | without chats (% of the"
                        + " machine) | with chats (% of the machine) |\n|---|---|---|\n");
        Set<String> kinds = new TreeSet<>(without.keySet());
        kinds.addAll(with.keySet());
        kinds.stream()
                .sorted(Comparator.comparingLong(
                                (String k) -> Math.max(without.getOrDefault(k, 0L), with.getOrDefault(k, 0L)))
                        .reversed())
                .filter(k -> Math.max(without.getOrDefault(k, 0L), with.getOrDefault(k, 0L)) > 0)
                .limit(12)
                .forEach(k -> s.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.2f |%n",
                        k,
                        100 * perTick * without.getOrDefault(k, 0L) / withoutSeconds,
                        100 * perTick * with.getOrDefault(k, 0L) / seconds)));
        s.append('\n');
    }

    private static String row(String what, Histogram h) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f |%n",
                what,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }
}
