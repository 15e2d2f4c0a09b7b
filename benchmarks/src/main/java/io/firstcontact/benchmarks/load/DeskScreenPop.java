package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.account.demo.DemoBackOfficeServer;
import io.firstcontact.router.account.demo.DemoResidents;
import io.firstcontact.router.api.account.Account;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The advisor desk's whole screen pop behind a slow back office: the server (production mode, journal on) with its
 * account context on the HTTP connector, pointed at a back office served here ({@link DemoBackOfficeServer}, the
 * demo residents) that answers every request after {@code --back-office-delay} (2 s). Callers are distinct demo
 * residents (their customerRef and number); each spends {@code --ivr-min}–{@code --ivr-max} in self-service before
 * it is queued, as the IVR hands a caller over, and every advisor's desktop is signed in and holds its push
 * connection. Three servers in turn, the same traffic each: warming on (the default), warming off
 * ({@code account.warming.enabled: false}), and warming on with the back office down (nothing listens at its URL); and,
 * when asked for ({@code number}), warming on with callers who arrive with their number only, as a call from the
 * telephone network does.
 *
 * <p>The screen pop is timed at the desktops, from the offer's time to the {@code screenPop} message's receipt (and
 * from the desk message showing the offer to it), and by the server ({@code firstcontact.desk.screenpop}: the
 * offer's commit → the pop written to the desk's connection); with routing's L1/L2 and the account context's own
 * counts (offers by how ready their context was, back-office lookups) beside them, and where the server's threads
 * spent the window ({@link ThreadTimes}: working, or waiting for a CPU).
 *
 * <pre>
 * DeskScreenPop [--scenarios on,off,down,number] [--ivr-min 3s] [--ivr-max 12s] [--back-office-delay 2s]
 *     [--rate 5] [--presence 10] [--warmup 30s] [--duration 60s] [LoadGenerator's options]
 * </pre>
 */
public final class DeskScreenPop {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One server's run: warming on or off, the back office up or down, callers named by their customerRef (with their
     * number) or by their number alone.
     */
    private record Scenario(String name, boolean warming, boolean backOfficeUp, boolean byNumberOnly) {
        static Scenario named(String key) {
            return switch (key) {
                case "on" -> new Scenario("warming on", true, true, false);
                case "off" -> new Scenario("warming off", false, true, false);
                case "down" -> new Scenario("back office down", true, false, false);
                case "number" -> new Scenario("warming on, callers by number only", true, true, true);
                default -> throw new IllegalArgumentException("scenarios are on, off, down and number");
            };
        }

        /** The scenario's name in its files' names. */
        String slug() {
            return name.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    /** What one scenario gave. */
    private record Outcome(
            Scenario scenario,
            LoadGenerator.StepResult routing,
            Histogram fromOffer,
            Histogram afterDesk,
            Map<String, Long> statuses,
            long popsWithoutOffer,
            PromMetrics.Buckets server,
            PromMetrics.Buckets deskPush,
            Map<String, ThreadTimes.Times> threads,
            Map<String, Double> offersByContext,
            double backOfficeLookups,
            double backOfficeFailures,
            long backOfficeServed,
            String loadAverage) {}

    private DeskScreenPop() {}

    public static void main(String[] args) throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        Duration ivrMin = Duration.ofSeconds(3);
        Duration ivrMax = Duration.ofSeconds(12);
        Duration delay = Duration.ofSeconds(2);
        List<String> rest = new ArrayList<>(
                List.of("steady", "--rate", "5", "--presence", "10", "--warmup", "30s", "--backlog-share", "0"));
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--scenarios" -> {
                    for (String k : v.split(",")) {
                        scenarios.add(Scenario.named(k.strip()));
                    }
                    i++;
                }
                case "--ivr-min" -> ivrMin = LoadGenerator.duration(args[++i]);
                case "--ivr-max" -> ivrMax = LoadGenerator.duration(args[++i]);
                case "--back-office-delay" -> delay = LoadGenerator.duration(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of(Scenario.named("on"), Scenario.named("off"), Scenario.named("down"));
        }
        rest.addAll(List.of("--floor", "false"));
        LoadGenerator.Options o = LoadGenerator.Options.parse(rest.toArray(String[]::new));
        String ts = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        Path dir = o.out.resolve("load-" + ts + "-screenpop");
        Files.createDirectories(dir);
        ObjectNode env = Environment.collect("screenpop", String.join(" ", args));
        Simulation.SelfService callers = new Simulation.SelfService(residents(o.seed, false), ivrMin, ivrMax);
        Simulation.SelfService byNumber = new Simulation.SelfService(residents(o.seed, true), ivrMin, ivrMax);
        Vertx vertx = Vertx.vertx();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            DemoBackOfficeServer backOffice = new DemoBackOfficeServer(vertx, DemoResidents.shipped(), null);
            int port = backOffice
                    .start(0)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get();
            backOffice.answerDelay(delay);
            for (Scenario sc : scenarios) {
                Path work = Files.createTempDirectory("firstcontact-screenpop-");
                try {
                    String url = "http://127.0.0.1:" + (sc.backOfficeUp() ? port : closedPort());
                    outcomes.add(run(o, sc, url, sc.byNumberOnly() ? byNumber : callers, backOffice, dir, work, env));
                } finally {
                    LoadGenerator.deleteTree(work);
                }
            }
            backOffice.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        String summary = report(o, env, callers, delay, outcomes);
        Environment.write(dir, env);
        Files.writeString(dir.resolve("summary.md"), summary);
        for (Outcome r : outcomes) {
            String slug = r.scenario().slug();
            Latencies.writeDistribution(dir.resolve(slug + "-screenpop-from-offer.hgrm"), r.fromOffer());
            Latencies.writeDistribution(dir.resolve(slug + "-screenpop-after-desk.hgrm"), r.afterDesk());
        }
        System.out.println(summary);
        System.exit(0);
    }

    /**
     * Every demo resident once, in a seeded order: each caller's lookup is a first one. {@code byNumberOnly}: those
     * with a telephone number, named by it alone.
     */
    private static List<Simulation.Customer> residents(long seed, boolean byNumberOnly) {
        List<Simulation.Customer> all = new ArrayList<>();
        for (Account a : DemoResidents.readShipped().accounts()) {
            if (!byNumberOnly) {
                all.add(new Simulation.Customer(a.customerRef(), a.phone()));
            } else if (a.phone() != null) {
                all.add(new Simulation.Customer(null, a.phone()));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = all.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            all.set(i, all.set(j, all.get(i)));
        }
        return all;
    }

    /** A port nothing listens on (taken, then given back). */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Outcome run(
            LoadGenerator.Options o,
            Scenario sc,
            String backOfficeUrl,
            Simulation.SelfService callers,
            DemoBackOfficeServer backOffice,
            Path dir,
            Path work,
            ObjectNode env)
            throws Exception {
        Simulation.Behaviour b = o.behaviour();
        int[] staff = LoadGenerator.staffing(o.rate, o.presence, o.backlogShare, b, o.agents);
        Centre centre = new Centre(o.queues, staff[0], staff[1], o.seed);
        int n = centre.agents();
        Map<String, JsonNode> extra = new LinkedHashMap<>(LoadGenerator.extraConfig(o, null));
        extra.put("desktop", DeskLoad.desktopConfig(n));
        extra.put("account", accountConfig(sc, backOfficeUrl));
        LoadGenerator.log(sc.name() + ": a fresh server, back office at " + backOfficeUrl);
        ScreenPopWatch watch = new ScreenPopWatch();
        String prefix = sc.slug() + "-";
        try (LoadGenerator.Rig rig = LoadGenerator.rig(o, work, centre, centre.seed(), extra, "pop-");
                StaffClients desks = DeskLoad.signedIn(rig, n, watch)) {
            desks.connect(Duration.ofMinutes(2));
            LoadGenerator.log(desks.openConnections() + " desktops connected");
            rig.sim().selfService(callers);
            rig.sim().start(new Simulation.Plan(o.rate, o.presence, o.backlogShare, b, o.seed), Long.MAX_VALUE);
            Thread.sleep(o.warmup.toMillis());
            long served0 = backOffice.lookups();
            PromMetrics m0 = rig.server().scrape();
            Map<String, ThreadTimes.Times> threads0 =
                    ThreadTimes.of(rig.server().pid());
            String load0 = MachineLoad.loadAverage();
            watch.measuring(true);
            LoadGenerator.log("measuring " + o.duration.toSeconds() + " s: " + sc.name());
            LoadGenerator.StepResult routing = LoadGenerator.measure(rig, o.duration, dir, prefix);
            watch.measuring(false);
            Map<String, ThreadTimes.Times> threads =
                    ThreadTimes.between(threads0, ThreadTimes.of(rig.server().pid()));
            PromMetrics m1 = rig.server().scrape();
            long served = backOffice.lookups() - served0;
            String load1 = MachineLoad.loadAverage();
            rig.sim().stopSchedules();
            LoadGenerator.log(SideBySide.line(sc.name(), routing));
            Environment.finish(env, rig.server());
            Map<String, Double> byContext = new LinkedHashMap<>();
            for (String ctx : List.of("ready", "pending", "unavailable", "unidentified")) {
                byContext.put(ctx, counter(m0, m1, "firstcontact_account_offers_total", ctx));
            }
            return new Outcome(
                    sc,
                    routing,
                    watch.fromOffer(),
                    watch.afterDesk(),
                    watch.statuses(),
                    watch.popsWithoutOffer(),
                    LoadGenerator.delta(m0, m1, "firstcontact_desk_screenpop_seconds", l -> true),
                    LoadGenerator.delta(m0, m1, "firstcontact_desk_push_seconds", l -> true),
                    threads,
                    byContext,
                    counter(m0, m1, "firstcontact_account_backoffice_lookups_total", null),
                    counter(m0, m1, "firstcontact_account_backoffice_failures_total", null),
                    served,
                    load0 + " → " + load1);
        }
    }

    /** The server's {@code account} section: the HTTP connector at {@code url}, warming as the scenario says. */
    private static ObjectNode accountConfig(Scenario sc, String url) {
        ObjectNode account = JSON.createObjectNode();
        ObjectNode backOffice = account.putObject("backOffice");
        backOffice.put("kind", "http");
        backOffice.putObject("http").put("url", url);
        account.putObject("warming").put("enabled", sc.warming());
        // A cluster of its own: no other server on the machine shares this one's cache.
        account.putObject("cluster").put("name", "screen-pop-" + UUID.randomUUID());
        return account;
    }

    private static double counter(PromMetrics m0, PromMetrics m1, String name, String context) {
        java.util.function.Predicate<Map<String, String>> f = l -> context == null || context.equals(l.get("context"));
        return m1.sum(name, f) - m0.sum(name, f);
    }

    private static String report(
            LoadGenerator.Options o,
            ObjectNode env,
            Simulation.SelfService callers,
            Duration delay,
            List<Outcome> outcomes) {
        StringBuilder s = LoadGenerator.header("desk screen pop", o, env);
        s.append(String.format(
                Locale.ROOT,
                "Back office: the HTTP connector to a demo back office answering after %d ms. Callers: distinct demo"
                        + " residents (customerRef and number; their number alone where the scenario says so),"
                        + " %.0f arrivals/s open loop, %d–%d s in self-service before they are queued; %.0f presence"
                        + " changes/s; every advisor's desktop signed in and connected. One fresh server per scenario,"
                        + " %d s warm-up, then a %d s window.%n%n",
                delay.toMillis(),
                o.rate,
                callers.ivrMin().toSeconds(),
                callers.ivrMax().toSeconds(),
                o.presence,
                o.warmup.toSeconds(),
                o.duration.toSeconds()));
        s.append(
                "### Screen pop (ms)\n\n| scenario | measured | count | p50 | p90 | p99 | max | verdict (p99 ≤ 50 ms) |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (Outcome r : outcomes) {
            row(s, r.scenario().name(), "client: offer's time → pop received", r.fromOffer());
            row(s, r.scenario().name(), "client: desk showing the offer → pop received", r.afterDesk());
            PromMetrics.Buckets b = r.server();
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | server `firstcontact.desk.screenpop`: commit → pop written | %.0f | %.2f | %.2f | %.2f | |"
                            + " %s |%n",
                    r.scenario().name(),
                    b.total(),
                    1000 * b.quantile(0.5),
                    1000 * b.quantile(0.9),
                    1000 * b.quantile(0.99),
                    verdict(1000 * b.quantile(0.99))));
        }
        s.append("\n### What the desks were told, the account context and routing\n\n| scenario | pops by"
                + " accountStatus | offers by context readiness (server) | back-office lookups: asked / failed /"
                + " served | L1 p99 / L2 p99 (ms) | arrivals/s | lifecycles | load average (window start → end) |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Outcome r : outcomes) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %s%s | %s | %.0f / %.0f / %d | %.2f / %.2f | %.1f | %d | %s |%n",
                    r.scenario().name(),
                    r.statuses(),
                    r.popsWithoutOffer() == 0 ? "" : " (" + r.popsWithoutOffer() + " without an offer seen)",
                    r.offersByContext(),
                    r.backOfficeLookups(),
                    r.backOfficeFailures(),
                    r.backOfficeServed(),
                    r.routing().p99Ms(Latencies.L1),
                    r.routing().p99Ms(Latencies.L2),
                    r.routing().achievedArrivals(),
                    r.routing().lifecycles,
                    r.loadAverage()));
        }
        threads(s, outcomes);
        s.append("\n(The client's \"offer's time\" is the engine time of the offer's input, in whole milliseconds: the"
                + " figure includes the journal commit and up to 1 ms of truncation.)\n");
        return s.toString();
    }

    /** Per scenario: the desk's two server timers side by side, and where the server's threads spent the window. */
    private static void threads(StringBuilder s, List<Outcome> outcomes) {
        s.append("\n### Where the server's threads spent the window\n\nThe desks' messages (the desk, then the pop) are"
                + " rendered and written on the `desk-push` thread. Server side, in ms: `firstcontact.desk.push`"
                + " (commit → desk message written) beside `firstcontact.desk.screenpop` (commit → pop written); then,"
                + " from the kernel's scheduler statistics, each kind of server thread's time on a CPU and time"
                + " runnable but waiting for one (the busiest eight kinds).\n\n");
        for (Outcome r : outcomes) {
            s.append(String.format(
                    Locale.ROOT,
                    "**%s**: desk push p50 %.2f / p99 %.2f; screen pop p50 %.2f / p99 %.2f.%n%n"
                            + "| thread | running (ms) | waiting for a CPU (ms) | waiting ÷ running |%n|---|---|---|---|%n",
                    r.scenario().name(),
                    1000 * r.deskPush().quantile(0.5),
                    1000 * r.deskPush().quantile(0.99),
                    1000 * r.server().quantile(0.5),
                    1000 * r.server().quantile(0.99)));
            r.threads().entrySet().stream()
                    .sorted((a, b) -> Long.compare(total(b.getValue()), total(a.getValue())))
                    .limit(8)
                    .forEach(e -> s.append(String.format(
                            Locale.ROOT,
                            "| %s | %.0f | %.0f | %.2f |%n",
                            e.getKey(),
                            e.getValue().runningNanos() / 1e6,
                            e.getValue().waitingNanos() / 1e6,
                            e.getValue().waitingNanos()
                                    / (double) Math.max(1, e.getValue().runningNanos()))));
            s.append('\n');
        }
    }

    private static long total(ThreadTimes.Times t) {
        return t.runningNanos() + t.waitingNanos();
    }

    private static void row(StringBuilder s, String scenario, String what, Histogram h) {
        if (h.getTotalCount() == 0) {
            s.append("| ").append(scenario).append(" | ").append(what).append(" | 0 | | | | | |\n");
            return;
        }
        double p99 = h.getValueAtPercentile(99) / 1000.0;
        s.append(String.format(
                Locale.ROOT,
                "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %s |%n",
                scenario,
                what,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0,
                p99,
                h.getMaxValue() / 1000.0,
                verdict(p99)));
    }

    private static String verdict(double p99Ms) {
        return p99Ms <= 50 ? "**PASS**" : "**FAIL**";
    }
}
