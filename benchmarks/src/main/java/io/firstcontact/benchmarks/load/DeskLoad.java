package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.staff.Argon2Passwords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Advisors' desktops under load: one server (the load generator's centre and open-loop traffic, the journal on), a
 * window measured with no desktop connected, then one advisor desktop per advisor signed in and holding its push
 * connection open, and a second window of the same traffic. Reported side by side: routing's L1/L2 at the client and
 * the server's CPU, without and with the desktops, and the desks' push latency (commit → written to the connection,
 * the server's {@code firstcontact.desk.push}) — so that "desktops must not slow decisions" is a ratio measured in one
 * run.
 *
 * <pre>
 * DeskLoad [--desktops 500] [--rate 50] [--presence 200] [--warmup 30s] [--duration 60s] [LoadGenerator's options]
 * </pre>
 */
public final class DeskLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "desk load pass phrase";

    private DeskLoad() {}

    public static void main(String[] args) throws Exception {
        int desktops = 500;
        List<String> rest = new ArrayList<>(List.of("steady", "--rate", "50", "--presence", "200", "--warmup", "30s"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--desktops") && i + 1 < args.length) {
                desktops = Integer.parseInt(args[++i]);
            } else {
                rest.add(args[i]);
            }
        }
        if (!rest.contains("--agents")) {
            rest.addAll(List.of("--agents", Integer.toString(desktops)));
        }
        rest.addAll(List.of("--floor", "false"));
        LoadGenerator.Options o = LoadGenerator.Options.parse(rest.toArray(String[]::new));
        String ts = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path dir = o.out.resolve("load-" + ts + "-desktops");
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory("firstcontact-desks-");
        ObjectNode env = Environment.collect("desktops", String.join(" ", args));
        String summary = run(o, desktops, dir, work, env);
        Environment.write(dir, env);
        Files.writeString(dir.resolve("summary.md"), summary);
        System.out.println(summary);
        System.exit(0);
    }

    static String run(LoadGenerator.Options o, int desktops, Path dir, Path work, ObjectNode env) throws Exception {
        Simulation.Behaviour b = o.behaviour();
        int[] staff = LoadGenerator.staffing(o.rate, o.presence, o.backlogShare, b, o.agents);
        Centre centre = new Centre(o.queues, staff[0], staff[1], o.seed);
        int n = Math.min(desktops, centre.agents());
        Map<String, com.fasterxml.jackson.databind.JsonNode> extra =
                new LinkedHashMap<>(LoadGenerator.extraConfig(o, null));
        extra.put("desktop", desktopConfig(n));
        try (LoadGenerator.Rig rig = LoadGenerator.rig(o, work, centre, centre.seed(), extra, "desks-");
                StaffClients desks = signedIn(rig, n, m -> {})) {
            rig.sim().start(new Simulation.Plan(o.rate, o.presence, o.backlogShare, b, o.seed), Long.MAX_VALUE);
            Thread.sleep(o.warmup.toMillis());

            LoadGenerator.log("measuring " + o.duration.toSeconds() + " s without desktops");
            LoadGenerator.StepResult without = LoadGenerator.measure(rig, o.duration, dir, "without-");
            LoadGenerator.log(SideBySide.line("without desktops", without));

            desks.connect(Duration.ofMinutes(2));
            LoadGenerator.log(desks.openConnections() + " desktops connected; settling");
            Thread.sleep(Math.min(30_000, o.warmup.toMillis()));
            PromMetrics m0 = rig.server().scrape();
            long messages0 = desks.messages.sum();
            long bytes0 = desks.bytes.sum();
            LoadGenerator.log("measuring " + o.duration.toSeconds() + " s with desktops");
            LoadGenerator.StepResult with = LoadGenerator.measure(rig, o.duration, dir, "with-");
            PromMetrics m1 = rig.server().scrape();
            long messages = desks.messages.sum() - messages0;
            long bytes = desks.bytes.sum() - bytes0;
            LoadGenerator.log(SideBySide.line("with desktops", with));
            rig.sim().stopSchedules();
            PromMetrics.Buckets push = LoadGenerator.delta(m0, m1, "firstcontact_desk_push_seconds", l -> true);
            Environment.finish(env, rig.server());
            return report(o, env, n, staff[0] + staff[1], without, with, push, messages, bytes, desks);
        } finally {
            LoadGenerator.deleteTree(work);
        }
    }

    /**
     * Logs every advisor of the rig's centre in READY, then signs the first {@code n} advisors' desktops in (their push
     * connections not opened yet: {@link StaffClients#connect}).
     *
     * @param observer hears every message the desktops are sent
     */
    static StaffClients signedIn(LoadGenerator.Rig rig, int n, java.util.function.Consumer<String> observer)
            throws Exception {
        rig.sim().logIn(rig.sim().agentIds().size(), Duration.ofMinutes(3));
        StaffClients desks = new StaffClients("127.0.0.1", port(rig.server().apiBase()), "/desk/push", observer);
        try {
            List<String> users = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                users.add(username(i));
            }
            LoadGenerator.log("signing in " + n + " desktops (an Argon2id check each)");
            desks.signIn(users, PASSWORD, Duration.ofMinutes(5));
            return desks;
        } catch (Exception | Error e) {
            desks.close();
            throw e;
        }
    }

    static String username(int i) {
        return "desk" + i;
    }

    /** One member of staff per desktop, each the advisor of the same index; one hash serves every password. */
    static ObjectNode desktopConfig(int n) {
        List<String> users = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(username(i));
            agents.add(Centre.agentId(i));
        }
        return desktopConfig(users, agents, PASSWORD);
    }

    /** Advisors {@code usernames}, each the advisor {@code agentIds} names at the same index, all with {@code password}. */
    static ObjectNode desktopConfig(List<String> usernames, List<String> agentIds, String password) {
        String hash = Argon2Passwords.hash(password);
        ObjectNode desktop = JSON.createObjectNode();
        ObjectNode staff = desktop.putObject("staff");
        staff.put("attemptsPerAddress", 1_000_000); // every desktop signs in from 127.0.0.1
        ArrayNode users = staff.putArray("users");
        for (int i = 0; i < usernames.size(); i++) {
            ObjectNode u = users.addObject();
            u.put("username", usernames.get(i));
            u.put("passwordHash", hash);
            u.putArray("roles").add("advisor");
            u.put("agentId", agentIds.get(i));
        }
        desktop.put("sessionGrace", "24h");
        return desktop;
    }

    static int port(String apiBase) {
        return Integer.parseInt(apiBase.substring(apiBase.lastIndexOf(':') + 1).replace("/", ""));
    }

    private static String report(
            LoadGenerator.Options o,
            ObjectNode env,
            int n,
            int advisors,
            LoadGenerator.StepResult without,
            LoadGenerator.StepResult with,
            PromMetrics.Buckets push,
            long messages,
            long bytes,
            StaffClients desks) {
        StringBuilder s = LoadGenerator.header("desktops", o, env);
        s.append(String.format(
                Locale.ROOT,
                "Open loop, %.0f arrivals/s and %.0f presence changes/s on %d advisors; two windows of %.0f s on the"
                        + " same server and traffic: without desktops, then with %d advisor desktops signed in and"
                        + " holding their push connection (%d open at the end, %d closed by the server).%n%n",
                o.rate,
                o.presence,
                advisors,
                with.seconds,
                n,
                desks.openConnections(),
                desks.closedByServer.get()));
        SideBySide.table(s, "desktops", without, with);
        s.append(String.format(
                Locale.ROOT,
                "Desk pushes in the second window: %.0f written (%.0f/s), p50 %.2f ms, p99 %.2f ms from the entry's"
                        + " commit to the connection (server side); the desktops received %d messages, %.1f KiB/s.%n",
                push.total(),
                push.total() / with.seconds,
                1000 * push.quantile(0.5),
                1000 * push.quantile(0.99),
                messages,
                bytes / 1024.0 / with.seconds));
        return s.toString();
    }
}
