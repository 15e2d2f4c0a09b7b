package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.staff.Argon2Passwords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Wallboards under load: one server (the load generator's centre and open-loop traffic, the journal on), a window
 * measured with no wallboard open, then {@code --wallboards} supervisors' wallboards signed in and holding their push
 * connection ({@code /supervisor/push}), and a second window of the same traffic. Reported side by side: routing's
 * L1/L2 at the client and the server's CPU without and with the wallboards (they must not slow decisions), and the
 * wallboards' event-to-client latency: for every patch a wallboard receives, from the engine time of the oldest entry
 * whose change it carries ({@code oldestAt}) to its arrival at the client, on the same machine's clock.
 *
 * <pre>
 * WallboardLoad [--wallboards 1000] [--rate 5] [--presence 10] [--warmup 30s] [--duration 60s] [LoadGenerator's options]
 * </pre>
 */
public final class WallboardLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "wall";
    private static final String PASSWORD = "wallboard load pass phrase";
    private static final String OLDEST = "\"oldestAt\":\"";

    /** Targets of issue 23: event-to-client p95 and p99. */
    static final double P95_TARGET_MS = 250;

    static final double P99_TARGET_MS = 1_000;

    private WallboardLoad() {}

    public static void main(String[] args) throws Exception {
        int wallboards = 1_000;
        List<String> rest = new ArrayList<>(List.of("steady", "--rate", "5", "--presence", "10", "--warmup", "30s"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--wallboards") && i + 1 < args.length) {
                wallboards = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        rest.addAll(List.of("--floor", "false"));
        LoadGenerator.Options o = LoadGenerator.Options.parse(rest.toArray(String[]::new));
        String ts = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path dir = o.out.resolve("load-" + ts + "-wallboards");
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("firstcontact-wallboards-");
        ObjectNode env = Environment.collect("wallboards", String.join(" ", args));
        String summary = run(o, wallboards, dir, work, env);
        Environment.write(dir, env);
        Files.writeString(dir.resolve("summary.md"), summary);
        System.out.println(summary);
        System.exit(0);
    }

    /** Event-to-client latencies in microseconds, recorded only while a window is open. */
    static final class Arrivals {
        final Recorder recorder = new Recorder(3_600_000_000L, 3);
        volatile boolean open;
        final AtomicLong patches = new AtomicLong();

        void received(String message) {
            if (!open) {
                return;
            }
            int i = message.indexOf(OLDEST);
            if (i < 0) {
                return; // the whole board, or "current": not a change
            }
            int end = message.indexOf('"', i + OLDEST.length());
            long oldest =
                    Instant.parse(message.substring(i + OLDEST.length(), end)).toEpochMilli();
            long micros = Math.max(0, (System.currentTimeMillis() - oldest) * 1000);
            recorder.recordValue(Math.min(micros, 3_600_000_000L));
            patches.incrementAndGet();
        }
    }

    static String run(LoadGenerator.Options o, int wallboards, Path dir, Path work, ObjectNode env) throws Exception {
        Simulation.Behaviour b = o.behaviour();
        int[] staff = LoadGenerator.staffing(o.rate, o.presence, o.backlogShare, b, o.agents);
        Centre centre = new Centre(o.queues, staff[0], staff[1], o.seed);
        Map<String, com.fasterxml.jackson.databind.JsonNode> extra =
                new LinkedHashMap<>(LoadGenerator.extraConfig(o, null));
        extra.put("desktop", desktopConfig());
        Arrivals arrivals = new Arrivals();
        try (LoadGenerator.Rig rig = LoadGenerator.rig(o, work, centre, centre.seed(), extra, "boards-");
                StaffClients boards = new StaffClients(
                        "127.0.0.1", DeskLoad.port(rig.server().apiBase()), "/supervisor/push", arrivals::received)) {
            rig.sim().logIn(centre.agents(), Duration.ofMinutes(3));
            LoadGenerator.log("signing in " + wallboards + " wallboards (an Argon2id check each)");
            boards.signIn(Collections.nCopies(wallboards, USER), PASSWORD, Duration.ofMinutes(10));
            rig.sim().start(new Simulation.Plan(o.rate, o.presence, o.backlogShare, b, o.seed), Long.MAX_VALUE);
            Thread.sleep(o.warmup.toMillis());

            LoadGenerator.log("measuring " + o.duration.toSeconds() + " s without wallboards");
            LoadGenerator.StepResult without = LoadGenerator.measure(rig, o.duration, dir, "without-");
            LoadGenerator.log(SideBySide.line("without wallboards", without));

            boards.connect(Duration.ofMinutes(3));
            LoadGenerator.log(boards.openConnections() + " wallboards connected; settling");
            Thread.sleep(Math.min(30_000, o.warmup.toMillis()));
            PromMetrics m0 = rig.server().scrape();
            long messages0 = boards.messages.sum();
            long bytes0 = boards.bytes.sum();
            arrivals.recorder.getIntervalHistogram(); // drop what came before the window
            arrivals.open = true;
            LoadGenerator.log("measuring " + o.duration.toSeconds() + " s with wallboards");
            LoadGenerator.StepResult with = LoadGenerator.measure(rig, o.duration, dir, "with-");
            arrivals.open = false;
            Histogram latency = arrivals.recorder.getIntervalHistogram();
            PromMetrics m1 = rig.server().scrape();
            long messages = boards.messages.sum() - messages0;
            long bytes = boards.bytes.sum() - bytes0;
            LoadGenerator.log(SideBySide.line("with wallboards", with));
            rig.sim().stopSchedules();
            PromMetrics.Buckets push = LoadGenerator.delta(m0, m1, "firstcontact_wallboard_push_seconds", l -> true);
            Environment.finish(env, rig.server());
            return report(
                    o, env, wallboards, staff[0] + staff[1], without, with, latency, push, messages, bytes, boards);
        } finally {
            LoadGenerator.deleteTree(work);
        }
    }

    /** One supervisor signed in by every wallboard (a session each); sign-ins from one address are not throttled. */
    static ObjectNode desktopConfig() {
        ObjectNode desktop = JSON.createObjectNode();
        ObjectNode staff = desktop.putObject("staff");
        staff.put("attemptsPerAddress", 1_000_000);
        ObjectNode u = staff.putArray("users").addObject();
        u.put("username", USER);
        u.put("name", "Wallboard");
        u.put("passwordHash", Argon2Passwords.hash(PASSWORD));
        u.putArray("roles").add("supervisor");
        return desktop;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static String report(
            LoadGenerator.Options o,
            ObjectNode env,
            int wallboards,
            int advisors,
            LoadGenerator.StepResult without,
            LoadGenerator.StepResult with,
            Histogram latency,
            PromMetrics.Buckets push,
            long messages,
            long bytes,
            StaffClients boards) {
        StringBuilder s = LoadGenerator.header("wallboards", o, env);
        s.append(String.format(
                Locale.ROOT,
                "Open loop, %.0f arrivals/s and %.0f presence changes/s on %d advisors; two windows of %.0f s on the"
                        + " same server and traffic: without wallboards, then with %d wallboards signed in (a"
                        + " supervisor's session each) and holding their push connection (%d open at the end, %d"
                        + " closed by the server).%n%n",
                o.rate,
                o.presence,
                advisors,
                with.seconds,
                wallboards,
                boards.openConnections(),
                boards.closedByServer.get()));
        double p95 = ms(latency, 95);
        double p99 = ms(latency, 99);
        s.append(String.format(
                Locale.ROOT,
                "**Event to wallboard** (%d patches received in the second window, %.0f/s over all wallboards; %.1f"
                        + " KiB/s): p50 %.1f ms, p95 **%.1f ms** (target ≤ %.0f ms: %s), p99 **%.1f ms** (target ≤"
                        + " %.0f ms: %s), max %.1f ms — from the engine time of the oldest entry a patch carries to its"
                        + " arrival at the client. Server side (`firstcontact.wallboard.push`, oldest change → written"
                        + " to every wallboard): p50 %.2f ms, p99 %.2f ms over %.0f patches.%n%n",
                latency.getTotalCount(),
                messages / with.seconds,
                bytes / 1024.0 / with.seconds,
                ms(latency, 50),
                p95,
                P95_TARGET_MS,
                p95 <= P95_TARGET_MS ? "pass" : "fail",
                p99,
                P99_TARGET_MS,
                p99 <= P99_TARGET_MS ? "pass" : "fail",
                latency.getMaxValue() / 1000.0,
                1000 * push.quantile(0.5),
                1000 * push.quantile(0.99),
                push.total()));
        SideBySide.table(s, "wallboards", without, with);
        return s.toString();
    }
}
