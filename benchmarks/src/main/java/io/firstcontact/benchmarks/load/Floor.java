package io.firstcontact.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The baseline of the CPU figures (docs/routing-contract.md §10: a ratio to a baseline measured in the same run): {@link
 * FloorServer} started with the server's JVM flags and driven like the server, open loop at the request rate the
 * server took, with an event stream open. Its CPU per request (JVM and redis-server) is the floor of the shape "one
 * HTTP request and one journal write per command" on this machine, at that moment; its latency, from the intended
 * send time to the reply (sent once the entry is committed, as the server sends its reply and pushes its offer), is
 * that shape's floor under the same request rate, with the generator beside it.
 */
final class Floor {
    /** What a command looks like on the wire (a creation, the most common command). */
    private static final String BODY = "{\"sourceRef\":\"floor:%d\",\"channel\":\"voice\",\"queue\":{\"queue\":\"q1\"},"
            + "\"attributes\":{\"language\":\"en\",\"account\":\"ACC-%d\"}}";

    /** The most requests left unanswered at once; the floor measures CPU per request, not latency. */
    private static final int MAX_IN_FLIGHT = 256;

    /** One measured window. */
    record Result(
            double offeredPerSecond,
            double seconds,
            long requests,
            long errors,
            long jvmNanos,
            long redisNanos,
            Histogram latencyMicros,
            MachineLoad.Usage machine) {
        double microsPerRequest() {
            return requests == 0 ? Double.NaN : (jvmNanos + redisNanos) / 1e3 / requests;
        }

        double jvmMicrosPerRequest() {
            return requests == 0 ? Double.NaN : jvmNanos / 1e3 / requests;
        }

        double redisMicrosPerRequest() {
            return requests == 0 ? Double.NaN : redisNanos / 1e3 / requests;
        }
    }

    private Floor() {}

    static Result measure(
            Path work,
            double ratePerSecond,
            int clientThreads,
            int connections,
            long seed,
            Duration warmup,
            Duration window)
            throws IOException, InterruptedException {
        Files.createDirectories(work);
        List<String> cmd = new ArrayList<>();
        cmd.add(ServerProcess.javaExecutable());
        cmd.addAll(ServerProcess.jvmFlags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FloorServer.class.getName());
        cmd.add(work.resolve("data").toString());
        Process process = new ProcessBuilder(cmd)
                .redirectError(work.resolve("floor.log").toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + awaitReady(process);
            // Closed in reverse order: the sender stops before its client closes, so nothing is sent to a closed
            // client; the event stream (read like the server's, and dropped) last.
            try (EventStreamClient events = new EventStreamClient(
                                    base + "/events", null, null, 100, (id, type, data, at) -> {})
                            .start();
                    ApiClient api = new ApiClient(base, "floor", clientThreads, connections);
                    Sender sender = new Sender(api, ratePerSecond, seed, warmup.toNanos() / 2)) {
                if (!events.awaitConnected(warmup)) {
                    throw new IllegalStateException("the floor's event stream did not connect during the warm-up");
                }
                Thread.sleep(warmup.toMillis());
                api.resetCounts();
                sender.measuring(true);
                MachineLoad.Snapshot s0 = MachineLoad.snapshot();
                long[] cpu0 = cpu(process);
                long t0 = System.nanoTime();
                Thread.sleep(window.toMillis());
                long[] cpu1 = cpu(process);
                long t1 = System.nanoTime();
                MachineLoad.Usage machine = MachineLoad.between(s0, MachineLoad.snapshot(), MachineLoad.ours(null));
                api.stopCounting();
                sender.measuring(false);
                long ok = 0;
                long errors = 0;
                for (Map.Entry<String, Long> e : api.outcomes().entrySet()) {
                    if (e.getKey().endsWith(" 200")) {
                        ok += e.getValue();
                    } else {
                        errors += e.getValue();
                    }
                }
                return new Result(
                        ratePerSecond,
                        (t1 - t0) / 1e9,
                        ok,
                        errors,
                        cpu1[0] - cpu0[0],
                        cpu1[1] - cpu0[1],
                        sender.latency(),
                        machine);
            }
        } finally {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy(); // SIGTERM: its shutdown hook stops the redis-server
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Sends commands open loop on a seeded Poisson schedule from its own thread, from construction until closed. */
    private static final class Sender implements AutoCloseable {
        private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "floor-sender");
            t.setDaemon(true);
            return t;
        });
        private final ApiClient api;
        private final PoissonSchedule schedule;
        private final SplittableRandom ramp;
        private final long rampNanos;
        private final long start = System.nanoTime();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicBoolean measuring = new AtomicBoolean();
        private final Histogram latency = new ConcurrentHistogram(3);
        private long sent;

        /** @param rampNanos how long the rate takes to rise from nothing to {@code ratePerSecond} */
        Sender(ApiClient api, double ratePerSecond, long seed, long rampNanos) {
            this.api = api;
            this.schedule = new PoissonSchedule(seed, ratePerSecond);
            this.ramp = new SplittableRandom(seed);
            this.rampNanos = rampNanos;
            thread.scheduleAtFixedRate(this::sendDue, 0, 1, TimeUnit.MILLISECONDS);
        }

        private void sendDue() {
            long now = System.nanoTime() - start;
            while (schedule.peek() <= now) {
                long at = schedule.take();
                // A cold JVM is not met with the full rate at once (its queue would grow without bound); nor, later,
                // with more than MAX_IN_FLIGHT requests unanswered.
                if ((at < rampNanos && ramp.nextDouble() * rampNanos > at) || inFlight.get() >= MAX_IN_FLIGHT) {
                    continue;
                }
                long n = ++sent;
                long intended = start + at;
                inFlight.incrementAndGet();
                api.post("floor", "/api/v1/interactions", String.format(BODY, n, n))
                        .whenComplete((answer, failure) -> {
                            inFlight.decrementAndGet();
                            if (failure == null && measuring.get()) {
                                latency.recordValue(Math.max(0, (System.nanoTime() - intended) / 1_000));
                            }
                        });
            }
        }

        void measuring(boolean on) {
            measuring.set(on);
        }

        Histogram latency() {
            return latency.copy();
        }

        /** Stops sending and waits for a send under way to finish. */
        @Override
        public void close() {
            thread.shutdownNow();
            try {
                if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the floor's sender did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int awaitReady(Process process) throws IOException {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ready ")) {
                return Integer.parseInt(line.substring("ready ".length()).strip());
            }
        }
        throw new IOException("the floor server stopped before it listened (see floor.log)");
    }

    /** CPU time of the JVM and of its descendants (the redis-server), in nanoseconds. */
    private static long[] cpu(Process process) {
        long jvm = ServerProcess.ticks(process.pid());
        long redis = process.descendants()
                .mapToLong(h -> ServerProcess.ticks(h.pid()))
                .sum();
        long perSecond = ServerProcess.clockTicksPerSecond();
        return new long[] {jvm * 1_000_000_000L / perSecond, redis * 1_000_000_000L / perSecond};
    }
}
