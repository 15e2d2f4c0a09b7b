package io.firstcontact.benchmarks.ivr;

import io.firstcontact.ivr.calendar.EmergencyClosures;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.payment.SandboxGateway;
import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.InProcessRouting;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.ivr.rig.Rig;
import io.firstcontact.ivr.rig.ScriptedAsterisk;
import io.firstcontact.ivr.rig.ScriptedAsterisk.Action;
import io.firstcontact.ivr.run.FlowBook;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.ivr.run.IvrPorts;
import io.firstcontact.ivr.voice.VoiceIvr;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.port.CallRecording;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;

/**
 * N concurrent payment calls through the IVR's FastAGI front end (default 500): each caller pays the open PCN by
 * keypad (menu, reference, confirm, card number, expiry, security code, no receipt, goodbye) over its own FastAGI
 * socket, Asterisk-Java's own handler on one side and a scripted Asterisk on the other, against the real routing
 * engine and host in process (outcomes recorded), the residents' back office and the sandbox gateway.
 *
 * <p>Measured in the same run against a floor: the same conversations — the very commands each call's IVR sent, in
 * order — replayed by a script that decides nothing (no flows, no back office, no gateway, no routing). Reported:
 * completion rate; per-step latency (from an answer to the next question, what a caller waits beyond the prompts'
 * playing time) with its p50, p99 and maximum, and the p99 as a ratio to the floor's; memory held per call with all N
 * calls held at the card-number question, and its ratio to the floor's.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.firstcontact.benchmarks.ivr.IvrPaymentLoad [calls] [outDir]}
 */
public final class IvrPaymentLoad {
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private IvrPaymentLoad() {}

    /** One run's figures. */
    record Figures(int calls, int completed, Histogram steps, long heapPerCall, long wallMillis) {
        double completionRate() {
            return completed / (double) calls;
        }
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path out = args.length > 1 ? Path.of(args[1]) : null;
        // A warm-up of each, so that both are measured compiled.
        ivr(Math.min(50, calls));
        floor(Math.min(50, calls), conversation());
        Figures ivr = ivr(calls);
        Figures floor = floor(calls, conversation());
        String summary = summary(ivr, floor);
        System.out.print(summary);
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("summary.md"), summary);
        }
    }

    // ---------------------------------------------------------------- the IVR

    private static Figures ivr(int calls) throws Exception {
        try (InProcessRouting routing = new InProcessRouting()) {
            InstantSource clock = InstantSource.system();
            SandboxGateway gateway = new SandboxGateway(clock);
            IvrPorts ports = new IvrPorts(
                    routing,
                    new Residents(),
                    gateway,
                    m -> CompletableFuture.completedFuture(null),
                    CallRecording.NONE,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(5));
            Ivr ivr = new Ivr(
                    new FlowBook(FlowBook.demo(), null, () -> Rig.DEMO_ROUTING),
                    EmergencyClosures.none(),
                    ports,
                    clock);
            VoiceIvr voice = new VoiceIvr(ivr, CallRecording.NONE);
            Figures f = run(calls, (i, hold) -> {
                String id = "load-" + i;
                routing.submit(
                                "load",
                                null,
                                new Command.CreateInteraction(
                                        id, "voice", Direction.INBOUND, "pbx:" + id, null, null, Attributes.NONE, null))
                        .get(30, TimeUnit.SECONDS);
                ScriptedAsterisk.Result r =
                        ScriptedAsterisk.call(voice, new Call(id, "voice", Residents.MOBILE, null, null), script(hold));
                for (Command c : r.ending().commands(id, Attributes.NONE)) {
                    routing.submit("load", null, c).get(30, TimeUnit.SECONDS);
                }
                return r;
            });
            if (gateway.chargesTaken() != f.completed()) {
                throw new IllegalStateException(
                        gateway.chargesTaken() + " charges for " + f.completed() + " completed payments");
            }
            return f;
        }
    }

    /** The caller's part: pay the open PCN, held at the card number until every call is there. */
    private static List<Action> script(Action hold) {
        List<Action> a = new ArrayList<>();
        a.add(ScriptedAsterisk.keys("1"));
        a.add(ScriptedAsterisk.keys(Residents.keyed(Residents.PCN_OPEN)));
        a.add(ScriptedAsterisk.keys("1"));
        a.add(hold);
        a.add(ScriptedAsterisk.keys(TestCard.VISA_APPROVED.number()));
        a.add(ScriptedAsterisk.keys("1230"));
        a.add(ScriptedAsterisk.keys("123"));
        a.add(ScriptedAsterisk.keys("3"));
        a.add(ScriptedAsterisk.keys("2"));
        return a;
    }

    // ---------------------------------------------------------------- the floor

    /** The commands one IVR call sends, recorded once: what the floor replays. */
    private static List<String> conversation() throws Exception {
        Rig rig = new Rig();
        ScriptedAsterisk.Result r = ScriptedAsterisk.call(
                new VoiceIvr(rig.ivr(), CallRecording.NONE),
                new Call("floor", "voice", Residents.MOBILE, null, null),
                script(new Action.Hold(new CountDownLatch(1), new CountDownLatch(0))));
        if (!(r.ending() instanceof Ending.SelfServed)) {
            throw new IllegalStateException("the recorded call did not complete: " + r.ending());
        }
        return r.asterisk().commands.stream()
                .filter(c -> !c.startsWith("SET VARIABLE \"AJ_AGISTATUS\""))
                .toList();
    }

    private static Figures floor(int calls, List<String> commands) throws Exception {
        return run(
                calls,
                (i, hold) -> ScriptedAsterisk.call(
                        (request, channel) -> replay(channel, commands),
                        new Call("floor-" + i, "voice", Residents.MOBILE, null, null),
                        script(hold)));
    }

    private static Ending replay(AgiChannel channel, List<String> commands) throws AgiException {
        for (String c : commands) {
            channel.sendCommand(new Raw(c));
        }
        return new Ending.SelfServed(List.of());
    }

    /** A command sent as recorded. */
    private static final class Raw extends AbstractAgiCommand {
        private static final long serialVersionUID = 1L;
        private final String line;

        Raw(String line) {
            this.line = line;
        }

        @Override
        public String buildCommand() {
            return line;
        }
    }

    // ---------------------------------------------------------------- running

    @FunctionalInterface
    private interface OneCall {
        ScriptedAsterisk.Result run(int i, Action hold) throws Exception;
    }

    private static Figures run(int calls, OneCall call) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        CountDownLatch reached = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        Histogram steps = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        AtomicInteger completed = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                int n = i;
                all.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                ScriptedAsterisk.Result r = call.run(n, new Action.Hold(reached, go));
                                if (r.ending() instanceof Ending.SelfServed) {
                                    completed.incrementAndGet();
                                }
                                record(r.asterisk(), steps);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        },
                        threads));
            }
            if (!reached.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("not every call reached the card number in " + LIMIT);
            }
            System.gc();
            long held = memory.getHeapMemoryUsage().getUsed() - before;
            go.countDown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return new Figures(
                    calls,
                    completed.get(),
                    steps,
                    Math.max(0, held) / calls,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /**
     * The steps of one call: from each answer to the next question, and from the last answer to the end of the
     * session. The held question's wait is the test's, not the IVR's: the step after it starts at its answer.
     */
    private static synchronized void record(ScriptedAsterisk a, Histogram steps) {
        List<Long> asked = a.asked;
        List<Long> answered = a.answered;
        for (int i = 0; i < answered.size(); i++) {
            long next = i + 1 < asked.size() ? asked.get(i + 1) : a.endedAt;
            if (next > 0) {
                steps.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(next - answered.get(i))));
            }
        }
    }

    private static String summary(Figures ivr, Figures floor) {
        String when = DateTimeFormatter.ISO_INSTANT.format(ZonedDateTime.now().toInstant());
        StringBuilder b = new StringBuilder();
        b.append("# IVR payment load, ").append(when).append("\n\n");
        b.append(String.format(
                Locale.ROOT,
                "%d concurrent payment calls through the FastAGI front end (each on its own socket, Asterisk-Java's"
                        + " handler, a scripted Asterisk), real engine and host in process, sandbox gateway;"
                        + " %d cores, Java %s, max heap %d MiB.%n%n",
                ivr.calls(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20));
        b.append("| | IVR | floor (same commands, no IVR) | IVR / floor |\n|---|---|---|---|\n");
        b.append(row("completed", pct(ivr.completionRate()), pct(floor.completionRate()), "—"));
        b.append(row(
                "step p50 (µs)",
                ivr.steps().getValueAtPercentile(50),
                floor.steps().getValueAtPercentile(50),
                ratio(ivr.steps().getValueAtPercentile(50), floor.steps().getValueAtPercentile(50))));
        b.append(row(
                "step p99 (µs)",
                ivr.steps().getValueAtPercentile(99),
                floor.steps().getValueAtPercentile(99),
                ratio(ivr.steps().getValueAtPercentile(99), floor.steps().getValueAtPercentile(99))));
        b.append(row(
                "step max (µs)",
                ivr.steps().getMaxValue(),
                floor.steps().getMaxValue(),
                ratio(ivr.steps().getMaxValue(), floor.steps().getMaxValue())));
        b.append(
                row("steps measured", ivr.steps().getTotalCount(), floor.steps().getTotalCount(), "—"));
        b.append(row(
                "heap held per call (KiB)",
                ivr.heapPerCall() / 1024,
                floor.heapPerCall() / 1024,
                ratio(ivr.heapPerCall(), floor.heapPerCall())));
        b.append(row(
                "wall time (ms)", ivr.wallMillis(), floor.wallMillis(), ratio(ivr.wallMillis(), floor.wallMillis())));
        return b.toString();
    }

    private static String row(String what, Object ivr, Object floor, String ratio) {
        return "| " + what + " | " + ivr + " | " + floor + " | " + ratio + " |\n";
    }

    private static String pct(double r) {
        return String.format(Locale.ROOT, "%.1f %%", r * 100);
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "—" : String.format(Locale.ROOT, "%.2f×", a / b);
    }
}
