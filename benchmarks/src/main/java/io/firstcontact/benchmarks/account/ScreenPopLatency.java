package io.firstcontact.benchmarks.account;

import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.benchmarks.load.Latencies;
import io.firstcontact.benchmarks.load.MachineLoad;
import io.firstcontact.router.account.arrival.ArrivalWarming;
import io.firstcontact.router.account.arrival.KeyAttributes;
import io.firstcontact.router.account.arrival.Readiness;
import io.firstcontact.router.account.cache.AccountCache;
import io.firstcontact.router.account.cache.CacheOptions;
import io.firstcontact.router.account.cache.ClusterOptions;
import io.firstcontact.router.account.cache.EmbeddedMember;
import io.firstcontact.router.account.demo.DemoBackOfficeServer;
import io.firstcontact.router.account.demo.DemoResidents;
import io.firstcontact.router.account.http.HttpBackOffice;
import io.firstcontact.router.account.http.HttpBackOfficeOptions;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.RoutingEngine;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The screen pop's account-context lookup at offer time, with and without warming at arrival, behind a back office
 * that takes {@code --back-office-delay} (2 s) to answer: the real engine makes the offers, the real account cache on
 * a Hazelcast member answers, the demo back office speaks HTTP to the real connector. Each run measures, for every
 * offer, the time from the offer to the account being in hand through the cached {@code AccountDirectory} (what the
 * desktop asks when the offer arrives), in a HdrHistogram.
 *
 * <p>Callers arrive open-loop (Poisson, seeded) from distinct demo residents. Most spend {@code --ivr-min}–{@code
 * --ivr-max} in the IVR before they queue; a share ({@code --direct-share}, like chats and emails) queue on arrival.
 * Enough advisors are ready that every queueing is offered at once, so the offer comes exactly when the caller
 * leaves the IVR. The same schedule runs twice: warming on (the lookup starts at arrival), then off (the lookup
 * starts at the offer); each run on a fresh member and back office, so nothing is cached from the other.
 *
 * <pre>
 * java -cp benchmarks.jar io.firstcontact.benchmarks.account.ScreenPopLatency [--callers 300] [--rate 5]
 *     [--ivr-min 3s] [--ivr-max 12s] [--direct-share 0.2] [--back-office-delay 2s] [--out DIR]
 * </pre>
 */
public final class ScreenPopLatency {
    private static final long SEED = 20_261_207L;

    private record Caller(String id, String phone, long arriveAtMillis, long ivrMillis, boolean direct) {}

    /** One run's figures. */
    private record Run(
            String name,
            Histogram afterIvr,
            Histogram direct,
            long[] readiness,
            long backOfficeLookups,
            io.firstcontact.router.account.cache.CacheStatistics cache) {}

    private ScreenPopLatency() {}

    public static void main(String[] args) throws Exception {
        int callers = 300;
        double rate = 5;
        Duration ivrMin = Duration.ofSeconds(3);
        Duration ivrMax = Duration.ofSeconds(12);
        double directShare = 0.2;
        Duration backOfficeDelay = Duration.ofSeconds(2);
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--callers" -> callers = Integer.parseInt(v);
                case "--rate" -> rate = Double.parseDouble(v);
                case "--ivr-min" -> ivrMin = duration(v);
                case "--ivr-max" -> ivrMax = duration(v);
                case "--direct-share" -> directShare = Double.parseDouble(v);
                case "--back-office-delay" -> backOfficeDelay = duration(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        List<Caller> schedule = schedule(callers, rate, ivrMin, ivrMax, directShare);
        Vertx vertx = Vertx.vertx();
        try {
            // Warm-up, discarded: JIT, the first member's start, the HTTP client's connections.
            List<Caller> warmUp =
                    schedule(Math.min(40, callers), 20, Duration.ofSeconds(1), Duration.ofSeconds(3), 0.2);
            run("warm-up", true, warmUp, backOfficeDelay, vertx);
            run("warm-up", false, warmUp, backOfficeDelay, vertx);
            Run warm = run("warming on", true, schedule, backOfficeDelay, vertx);
            Run cold = run("warming off", false, schedule, backOfficeDelay, vertx);
            String summary = summary(warm, cold, callers, rate, ivrMin, ivrMax, directShare, backOfficeDelay);
            System.out.print(summary);
            if (out != null) {
                Files.createDirectories(out);
                Files.writeString(out.resolve("summary.txt"), summary);
                for (Run r : List.of(warm, cold)) {
                    String slug = r.name().replace(' ', '-');
                    Latencies.writeDistribution(out.resolve(slug + "-after-ivr.hgrm"), r.afterIvr());
                    Latencies.writeDistribution(out.resolve(slug + "-direct.hgrm"), r.direct());
                }
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static List<Caller> schedule(int n, double rate, Duration ivrMin, Duration ivrMax, double directShare) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Account> residents = DemoResidents.readShipped().accounts().stream()
                .filter(a -> a.phone() != null)
                .toList();
        if (residents.size() < n) {
            throw new IllegalArgumentException("at most " + residents.size() + " callers (distinct residents)");
        }
        List<Caller> out = new ArrayList<>(n);
        double at = 1_000; // a second to settle
        for (int i = 0; i < n; i++) {
            at += -1_000 / rate * Math.log(1 - random.nextDouble());
            boolean direct = random.nextDouble() < directShare;
            long ivr = direct ? 0 : ivrMin.toMillis() + random.nextLong(ivrMax.toMillis() - ivrMin.toMillis() + 1);
            // Distinct residents, spread over the file: every lookup is a first one.
            Account who = residents.get((int) ((long) i * residents.size() / n));
            out.add(new Caller(String.format("call-%05d", i), who.phone(), Math.round(at), ivr, direct));
        }
        return out;
    }

    private static Run run(String name, boolean warm, List<Caller> schedule, Duration delay, Vertx vertx)
            throws Exception {
        HazelcastInstance member =
                EmbeddedMember.start(ClusterOptions.alone("screen-pop-" + UUID.randomUUID()), CacheOptions.DEFAULT);
        DemoBackOfficeServer backOffice = new DemoBackOfficeServer(vertx, DemoResidents.shipped(), null);
        int port = backOffice.start(0).toCompletionStage().toCompletableFuture().get();
        backOffice.answerDelay(delay);
        HttpBackOffice http = new HttpBackOffice(
                vertx,
                HttpBackOfficeOptions.at(URI.create("http://127.0.0.1:" + port))
                        .withRequestTimeout(delay.multipliedBy(3)),
                Clock.systemUTC());
        ScheduledExecutorService engineThread = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService warmingThread = Executors.newSingleThreadScheduledExecutor();
        try {
            AccountCache cache = new AccountCache(member, http, CacheOptions.DEFAULT);
            ArrivalWarming warming = new ArrivalWarming(
                    cache,
                    EmbeddedMember.interactionKeys(member),
                    KeyAttributes.DEFAULT,
                    warm,
                    warmingThread,
                    CacheOptions.DEFAULT.ttl());
            Histogram afterIvr = new Histogram(60_000_000L, 3);
            Histogram direct = new Histogram(60_000_000L, 3);
            CountDownLatch done = new CountDownLatch(schedule.size());
            Engine engine = new Engine(warming, cache);
            engineThread.submit(engine::open).get();
            long start = System.currentTimeMillis();
            for (Caller c : schedule) {
                engineThread.schedule(
                        () -> {
                            Decision d = engine.apply(new Command.CreateInteraction(
                                    c.id(),
                                    "voice",
                                    Direction.INBOUND,
                                    "voice:" + c.id(),
                                    null,
                                    null,
                                    Attributes.of(KeyAttributes.DEFAULT_CALLER_NUMBER, c.phone()),
                                    c.direct() ? QueueRequest.to("billing") : null));
                            offered(d, c, warming, engineThread, engine, c.direct() ? direct : afterIvr, done);
                            if (!c.direct()) {
                                engineThread.schedule(
                                        () -> offered(
                                                engine.apply(new Command.QueueInteraction(
                                                        c.id(), QueueRequest.to("billing"))),
                                                c,
                                                warming,
                                                engineThread,
                                                engine,
                                                afterIvr,
                                                done),
                                        c.ivrMillis(),
                                        TimeUnit.MILLISECONDS);
                            }
                        },
                        Math.max(0, start + c.arriveAtMillis() - System.currentTimeMillis()),
                        TimeUnit.MILLISECONDS);
            }
            if (!done.await(schedule.getLast().arriveAtMillis() + 120_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + ": not every offer's screen pop completed");
            }
            long[] readiness = new long[Readiness.values().length];
            for (Readiness r : Readiness.values()) {
                readiness[r.ordinal()] = warming.statistics().offers(r);
            }
            return new Run(name, afterIvr, direct, readiness, backOffice.lookups(), cache.statistics());
        } finally {
            engineThread.shutdownNow();
            warmingThread.shutdownNow();
            http.close();
            backOffice.close();
            member.shutdown();
        }
    }

    /** On the engine thread: when the decision offers the caller, time the screen pop's lookup from now. */
    private static void offered(
            Decision d,
            Caller c,
            ArrivalWarming warming,
            ScheduledExecutorService engineThread,
            Engine engine,
            Histogram into,
            CountDownLatch done) {
        for (Effect e : d.effects()) {
            if (e instanceof Effect.OfferToAgent o && o.interactionId().equals(c.id())) {
                long offeredAt = System.nanoTime();
                // What a desktop does with the offer: ask the account directory (the cached one) for the caller.
                engine.directory.find(AccountKey.callerNumber(c.phone())).whenComplete((account, failure) -> {
                    long micros = (System.nanoTime() - offeredAt) / 1_000;
                    synchronized (into) {
                        into.recordValue(Math.min(micros, into.getHighestTrackableValue()));
                    }
                    if (System.getenv("SCREEN_POP_DEBUG") != null) {
                        System.err.println(
                                c.id() + " " + (c.direct() ? "direct" : "ivr " + c.ivrMillis()) + " " + micros);
                    }
                    if (failure != null || account.isEmpty()) {
                        System.err.println(c.id() + ": no account (" + failure + ")");
                    }
                    engineThread.execute(() -> engine.apply(new Command.EndInteraction(c.id(), EndReason.COMPLETED)));
                    done.countDown();
                });
            }
        }
    }

    /** The real engine, one thread, the wall clock as engine time, every decision to the warming as committed. */
    private static final class Engine {
        private final RoutingEngine engine = RoutingEngine.create();
        private final ArrivalWarming warming;
        private final AccountDirectory directory;
        private long seq;

        Engine(ArrivalWarming warming, AccountDirectory directory) {
            this.warming = warming;
            this.directory = directory;
        }

        void open() {
            apply(new Command.ConfigureRouting(Centres.small()));
            for (int a = 0; a < 400; a++) { // enough that every queueing is offered at once
                String id = "adv-" + a;
                apply(new Command.DefineAgent(id, List.of(new SkillLevel("billing", 5)), "council", "all"));
                apply(new Command.LogIn(id, true, Actor.agent(id)));
            }
        }

        Decision apply(Command c) {
            EngineInput in = new EngineInput(1, ++seq, System.currentTimeMillis(), "bench", null, c);
            Decision d = engine.apply(in);
            warming.committed(in, d);
            return d;
        }
    }

    private static String summary(
            Run warm,
            Run cold,
            int callers,
            double rate,
            Duration ivrMin,
            Duration ivrMax,
            double directShare,
            Duration delay) {
        StringBuilder s = new StringBuilder();
        s.append("# Screen-pop account lookup at offer time (")
                .append(Instant.now())
                .append(")\n");
        s.append(String.format(
                "%d callers at %.1f/s (Poisson), %s–%s in the IVR, %.0f%% queued on arrival; back office answers in"
                        + " %s over HTTP; cache on one Hazelcast member%n",
                callers, rate, ivrMin, ivrMax, directShare * 100, delay));
        s.append(String.format(
                "JDK %s, %d CPUs, load average %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), MachineLoad.loadAverage()));
        s.append(String.format(
                "%n%-12s %-18s %7s %10s %10s %10s %10s %s%n",
                "run", "offers", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "context at offer"));
        for (Run r : List.of(warm, cold)) {
            String readiness = String.format(
                    "ready %d, pending %d, unavailable %d; back office served %d lookups (cache: %d lookups, %d hits,"
                            + " %d joined one in flight, %d failed)",
                    r.readiness()[Readiness.READY.ordinal()],
                    r.readiness()[Readiness.PENDING.ordinal()],
                    r.readiness()[Readiness.UNAVAILABLE.ordinal()],
                    r.backOfficeLookups(),
                    r.cache().lookups(),
                    r.cache().hits(),
                    r.cache().joined(),
                    r.cache().backOfficeFailures());
            s.append(line(r.name(), "after the IVR", r.afterIvr(), readiness));
            s.append(line(r.name(), "queued on arrival", r.direct(), ""));
        }
        return s.toString();
    }

    private static String line(String run, String offers, Histogram h, String note) {
        return String.format(
                "%-12s %-18s %7d %10.3f %10.3f %10.3f %10.3f %s%n",
                run,
                offers,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0,
                note);
    }

    private static Duration duration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
        }
        return Duration.parse(text);
    }
}
