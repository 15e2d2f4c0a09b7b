package io.firstcontact.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The server under test as a child process: {@code java -jar firstcontact-server.jar --config <file>} with the JDK
 * that runs the generator, production mode, a data directory of its own (embedded Redis, AOF everysec: the journal
 * is on), API and management listeners on free loopback ports, and generated tokens for an {@code integration} and an
 * {@code admin} principal. The configuration file is JSON, which YAML reads as it is.
 */
public final class ServerProcess implements AutoCloseable {
    /**
     * The server's JVM flags: the ones the project's {@code ./firstcontact} script uses (generational ZGC, which JDK 21
     * and 22 must be asked for).
     */
    public static final List<String> JVM_FLAGS = defaultFlags();

    private static List<String> defaultFlags() {
        List<String> flags = new ArrayList<>(List.of("-Xms2g", "-Xmx2g", "-XX:+UseZGC", "-XX:+AlwaysPreTouch"));
        if (Runtime.version().feature() < 23) {
            flags.add("-XX:+ZGenerational");
        }
        return List.copyOf(flags);
    }

    /** The flags the server runs with: {@link #JVM_FLAGS} unless the run names others ({@code --server-jvm}). */
    private static volatile List<String> jvmFlags = JVM_FLAGS;

    static void jvmFlags(List<String> flags) {
        jvmFlags = List.copyOf(flags);
    }

    public static List<String> jvmFlags() {
        return jvmFlags;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How often the generator scrapes {@code /metrics} besides the window's own scrapes: Prometheus' usual interval. */
    public static final Duration SCRAPE_EVERY = Duration.ofSeconds(15);

    private static final long CLOCK_TICKS = clockTicks();

    private final Path jar;
    private final Path dataDir;
    private final Path configFile;
    private final Path logFile;
    private final int apiPort;
    private final int managementPort;
    private final String integrationToken;
    private final String adminToken;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Process process;
    private ScheduledExecutorService scraper;
    private int starts;
    /** Every process id the server ran as, with its descendants (the embedded redis-server). */
    private final List<ProcessHandle> seen = new ArrayList<>();

    /**
     * @param routing the {@code routing:} seed ({@code {config, agents}})
     * @param extra further top-level configuration (e.g. {@code lease}, {@code sessions}), merged in
     */
    public ServerProcess(Path jar, Path workDir, JsonNode routing, Map<String, JsonNode> extra) throws IOException {
        this.jar = jar;
        this.dataDir = workDir.resolve("data");
        Files.createDirectories(dataDir);
        this.configFile = workDir.resolve("firstcontact.yaml");
        this.logFile = workDir.resolve("server.log");
        this.apiPort = freePort();
        this.managementPort = freePort();
        this.integrationToken = newToken();
        this.adminToken = newToken();
        ObjectNode c = JSON.createObjectNode();
        c.put("mode", "production");
        c.put("dataDir", dataDir.toString());
        c.putObject("http").put("host", "127.0.0.1").put("port", apiPort);
        c.putObject("management").put("host", "127.0.0.1").put("port", managementPort);
        ArrayNode tokens = c.putArray("tokens");
        tokens.addObject()
                .put("name", "load-integration")
                .put("sha256", sha256(integrationToken))
                .put("role", "integration");
        tokens.addObject()
                .put("name", "load-admin")
                .put("sha256", sha256(adminToken))
                .put("role", "admin");
        // "json" given explicitly: servers before the configuration defaults were fixed refused a logging section
        // without it.
        c.putObject("logging").put("json", false).put("level", "WARN");
        c.set("routing", routing);
        extra.forEach(c::set);
        Files.writeString(configFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c));
    }

    /** What {@code firstcontact new-token} does: 32 random bytes, base64url without padding. */
    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts the process (again, on the same data directory, after a kill); does not wait for readiness. */
    public void start() throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmFlags);
        cmd.addAll(io.firstcontact.router.account.cache.EmbeddedMember.JVM_FLAGS); // the server embeds a member
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.add("--config");
        cmd.add(configFile.toString());
        starts++;
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        seen.add(process.toHandle());
    }

    /** Waits until {@code /health/ready} answers 200; throws with the log's tail if the process dies or time runs out. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (health("/health/ready") == 200) {
                rememberDescendants();
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the server was not ready within " + timeout + ":\n" + logTail());
    }

    /** A GET of {@code path} on the management listener. */
    private HttpRequest management(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                .timeout(timeout)
                .build();
    }

    /** The status of a management GET, or -1 if nothing answers. */
    public int health(String path) {
        try {
            return http.send(management(path, Duration.ofSeconds(2)), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code GET /health}'s body, or null if nothing answers. */
    public String healthBody() {
        try {
            return http.send(management("/health", Duration.ofSeconds(2)), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Scrapes {@code /metrics} every {@link #SCRAPE_EVERY} and drops the answer, as the Prometheus server of a real
     * deployment would, until closed (across restarts: the port stays). The figures then include the scrapes' cost,
     * and the window's own scrapes find the code warm, as in production, instead of running it for the first time.
     */
    public void scrapeLikePrometheus() {
        if (scraper != null) {
            return;
        }
        scraper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "prometheus-like-scraper");
            t.setDaemon(true);
            return t;
        });
        scraper.scheduleAtFixedRate(this::scrapeAndDrop, 0, SCRAPE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scrapeAndDrop() {
        try {
            http.send(management("/metrics", Duration.ofSeconds(10)), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // a server being restarted, or killed on purpose: the next scrape tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public PromMetrics scrape() throws IOException, InterruptedException {
        HttpResponse<String> r =
                http.send(management("/metrics", Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("/metrics answered " + r.statusCode());
        }
        return PromMetrics.parse(r.body());
    }

    private void rememberDescendants() {
        process.descendants().forEach(p -> {
            if (seen.stream().noneMatch(h -> h.pid() == p.pid())) {
                seen.add(p);
            }
        });
    }

    /**
     * CPU time (user + system) of the server process and its descendants (the embedded redis-server: the journal) in
     * nanoseconds, from {@code /proc/<pid>/stat}. An orphaned redis-server kept from a killed JVM still counts.
     */
    public long cpuNanos() {
        rememberDescendants();
        long ticks = 0;
        for (ProcessHandle h : seen) {
            if (h.isAlive()) { // a handle checks the start time too, so a reused pid is not counted
                ticks += ticks(h.pid());
            }
        }
        return ticks * 1_000_000_000L / CLOCK_TICKS;
    }

    /**
     * CPU time in nanoseconds split four ways: the server's JVM (user, system) and its descendants, i.e. the embedded
     * redis-server (user, system).
     */
    public long[] cpuSplitNanos() {
        rememberDescendants();
        long[] ticks = new long[4];
        for (ProcessHandle h : seen) {
            if (!h.isAlive()) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                int k = h.pid() == process.pid() ? 0 : 2;
                ticks[k] += Long.parseLong(f[11]);
                ticks[k + 1] += Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                // gone meanwhile
            }
        }
        long[] out = new long[4];
        for (int i = 0; i < 4; i++) {
            out[i] = ticks[i] * 1_000_000_000L / CLOCK_TICKS;
        }
        return out;
    }

    /** utime + stime of a live process in clock ticks; 0 if it is gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return parseTicks(stat);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat} (after the parenthesised command name, which may hold spaces). */
    static long parseTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state): utime is field 14, stime field 15.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    public static long clockTicksPerSecond() {
        return CLOCK_TICKS;
    }

    /** {@code kill -9} of the server's JVM (its embedded redis-server lives on, as after a real crash). */
    public void kill9() throws InterruptedException {
        rememberDescendants();
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Every process id the server ran as, with its descendants seen so far. */
    public List<Long> pids() {
        rememberDescendants();
        return seen.stream().map(ProcessHandle::pid).toList();
    }

    /**
     * The CPU ticks each live thread of the server has used, summed by {@code kind} of its name ({@code
     * /proc/<pid>/task/<tid>/comm}); a thread that ended is no longer counted.
     */
    public Map<String, Long> threadTicks(Function<String, String> kind) throws IOException {
        Map<String, Long> byKind = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid()), "task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    byKind.merge(kind.apply(comm), parseTicks(Files.readString(t.resolve("stat"))), Long::sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        }
        return byKind;
    }

    /** A field of the server's {@code /proc/<pid>/status} ({@code Threads}, {@code VmRSS}), as written there. */
    public String status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid() + "/status");
    }

    /** The server's heap in use right after a full collection it is asked for ({@code jcmd GC.run}), in bytes. */
    public long heapAfterGc() throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(pid()),
                        "GC.run")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd GC.run failed");
        }
        return (long) scrape().sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area")));
    }

    public long pid() {
        return process.pid();
    }

    public int starts() {
        return starts;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String logTail() {
        try (Stream<String> lines = Files.lines(logFile)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log)";
        }
    }

    /** Log lines at WARN or above (the configured level), for the report. */
    public List<String> logLines() {
        try (Stream<String> lines = Files.lines(logFile)) {
            return lines.toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    public String apiBase() {
        return "http://127.0.0.1:" + apiPort;
    }

    public String integrationToken() {
        return integrationToken;
    }

    public String adminToken() {
        return adminToken;
    }

    /** {@code redis-server --version} of the embedded Redis the server started (its first descendant), or null. */
    public String redisVersion() {
        rememberDescendants();
        for (ProcessHandle h : seen) {
            if (h.pid() == process.pid()) {
                continue;
            }
            var cmd = h.info().command();
            if (cmd.isPresent() && cmd.get().contains("redis")) {
                try {
                    Process p = new ProcessBuilder(cmd.get(), "--version")
                            .redirectErrorStream(true)
                            .start();
                    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                    p.waitFor(5, TimeUnit.SECONDS);
                    return out;
                } catch (IOException e) {
                    return null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the embedded Redis wrote an append-only file (the journal is persisted). */
    public boolean aofPresent() {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.anyMatch(p -> p.getFileName().toString().contains("appendonly"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** Graceful stop (SIGTERM: the server flushes and stops its Redis), then anything of ours still alive is killed. */
    @Override
    public void close() {
        if (scraper != null) {
            scraper.shutdownNow();
        }
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (ProcessHandle h : seen) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }
}
