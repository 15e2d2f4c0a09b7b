package io.firstcontact.router.journal.redis;

import io.lettuce.core.RedisURI;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A real redis-server, run as a child process, for the default single-node run and for tests
 * (docs/routing-contract.md §8 "Embedded Redis"). The binary is the Linux x86_64 redis-server shipped in the {@code
 * embedded-redis} artifact (named 6.2.6-v5 there; it reports itself as 6.2.11); it is extracted to
 * {@code <dataDir>/bin} and made executable. On any
 * other OS or architecture, {@link #start} refuses with a message saying to set {@code REDIS_URL}.
 *
 * <p>The server keeps its data in the data directory given by the caller: AOF on with {@code
 * appendfsync everysec}, RDB snapshots off, bound to 127.0.0.1 with protected mode on and, if asked,
 * a generated {@code requirepass}. Its output is drained continuously by a daemon thread into a
 * bounded buffer ({@link #recentOutput()}) and {@link System.Logger}, so a full pipe can never block it.
 *
 * <p><b>Durability.</b> With {@code everysec} Redis writes every command to the AOF ({@code write(2)})
 * before it replies, and fsyncs once a second in the background. A killed redis-server or JVM
 * therefore loses nothing that was acknowledged; a machine crash or power loss can lose the last
 * second of writes. Redis documents a worst case of two seconds: when an fsync is slow it postpones
 * the write itself for up to two seconds, and acknowledged commands then exist only in its memory.
 * {@link #rewriteAof(Duration)} waits until everything written so far is on disk.
 *
 * <p><b>Orphans.</b> {@code embedded-redis.state} in the data directory records the pid, port, run
 * id and password of the server. If the JVM is killed the server keeps running; the next {@link
 * #start} finds the record and, if a server answering with that run id and password is still on the
 * recorded port, reuses it ({@link #reused()}) instead of starting a second server on the same files.
 * If the recorded process is gone, a fresh server starts and loads the AOF. A recorded redis-server
 * that is alive but does not answer as recorded is stopped first (SIGTERM, then SIGKILL).
 *
 * <p><b>One server per directory.</b> The instance holds an exclusive lock on {@code embedded-redis.lock} in the data
 * directory for its whole life, so two processes can never run embedded servers on the same files; and before it
 * starts a fresh server it refuses if any other process works in the directory or holds a file of it open (a
 * redis-server started by hand there), saying what to do.
 *
 * <p><b>Supervision.</b> A server that exits while nobody stopped it (killed, crashed) is restarted on the same port
 * with the same password, after 0.5 s, then with a delay doubling up to 30 s while it fails; each exit and restart
 * is logged. Clients reconnect by themselves and find the data the AOF held.
 *
 * <p><b>Files.</b> The data directory and its {@code bin} directory are {@code 0700}, and the server runs with umask
 * {@code 077}, so the AOF, an RDB file, the temporary files of a rewrite and its configuration are {@code 0600}
 * ({@link OwnerOnly}): they hold customer references.
 */
public final class EmbeddedRedis implements AutoCloseable {

    /** The bundled binary, a resource of the {@code embedded-redis} jar. */
    public static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";

    /** The AOF's file name inside the data directory (Redis 6.2 keeps a single file). */
    public static final String AOF_FILE = "appendonly.aof";

    static final String STATE_FILE = "embedded-redis.state";
    static final String CONFIG_FILE = "redis.conf";
    private static final String READY_LINE = "Ready to accept connections";
    private static final int OUTPUT_LINES_KEPT = 200;
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(EmbeddedRedis.class.getName());

    private static final Duration FIRST_RESTART_DELAY = Duration.ofMillis(500);
    private static final Duration LAST_RESTART_DELAY = Duration.ofSeconds(30);

    /** One run of redis-server: a child of this process ({@code process} set) or one left by an earlier process. */
    private record Incarnation(long pid, String runId, String version, Process process, OutputDrain drain) {}

    private final Path dataDir;
    private final int port;
    private final String password;
    /** Held for this instance's life: no other process may run a server on these files meanwhile. */
    private final DirectoryLock lock;

    private volatile Incarnation current;
    private boolean stopped;
    private boolean abandoned;
    private int restarts;

    private EmbeddedRedis(Path dataDir, int port, String password, Incarnation first, DirectoryLock lock) {
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
        this.current = first;
        this.lock = lock;
    }

    /**
     * Starts a redis-server on {@code dataDir}, or reuses the one an earlier process left running there.
     *
     * @param dataDir the persistent data directory (created if missing)
     * @param port the TCP port on 127.0.0.1, or 0 to pick a free one
     * @param requirePassword whether to protect the server with a generated password
     * @throws UnsupportedOperationException on an OS or architecture the bundled binary does not run on
     * @throws IllegalStateException if the server does not start, or is older than Redis 6.2
     */
    public static EmbeddedRedis start(Path dataDir, int port, boolean requirePassword) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535: " + port);
        }
        checkPlatform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        Path dir = OwnerOnly.directory(dataDir.toAbsolutePath().normalize());
        OwnerOnly.tree(dir); // files an earlier version wrote for everyone to read
        DirectoryLock lock = DirectoryLock.take(dir);
        try {
            EmbeddedRedis redis = null;
            Optional<State> recorded = State.read(dir.resolve(STATE_FILE));
            if (recorded.isPresent()) {
                Incarnation orphan = reuseOrStop(dir, recorded.get(), port, requirePassword);
                if (orphan != null) {
                    redis = new EmbeddedRedis(
                            dir, recorded.get().port(), recorded.get().password(), orphan, lock);
                }
            }
            if (redis == null) {
                refuseIfOccupied(dir);
                String password = requirePassword ? generatePassword() : null;
                redis = startFresh(dir, port, password, lock);
            }
            redis.watch(redis.current);
            return redis;
        } catch (IOException e) {
            lock.release();
            throw new UncheckedIOException("cannot start the embedded redis-server in " + dataDir, e);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** Refuses to start a second server on files another process uses (a redis-server started there by hand). */
    private static void refuseIfOccupied(Path dir) {
        List<DirectoryOccupants.Occupant> occupants = DirectoryOccupants.of(dir);
        if (!occupants.isEmpty()) {
            throw new IllegalStateException("the Redis data directory " + dir + " is in use by " + occupants
                    + ", which FirstContact did not start: a second redis-server on the same " + AOF_FILE
                    + " would corrupt the journal. Stop that process (redis-cli -p <its port> shutdown), or keep it"
                    + " and point REDIS_URL at it with another data directory for FirstContact; then start again");
        }
    }

    /** The URI for Lettuce: {@code redis://127.0.0.1:<port>}, with the password if there is one. */
    public RedisURI redisUri() {
        RedisURI.Builder builder = RedisURI.builder().withHost("127.0.0.1").withPort(port);
        if (password != null) {
            builder.withPassword(password.toCharArray());
        }
        return builder.build();
    }

    public int port() {
        return port;
    }

    /** The generated password, or null if the server has none. */
    String password() {
        return password;
    }

    /** The server's process id (a new one after a restart). */
    public long pid() {
        return current.pid();
    }

    /** The server's run id ({@code INFO server run_id}), new at each server start. */
    public String runId() {
        return current.runId();
    }

    /** The server's version ({@code INFO server redis_version}). */
    public String version() {
        return current.version();
    }

    /** Whether this is a server an earlier process left running, rather than one started here. */
    public boolean reused() {
        return current.process() == null;
    }

    /** How many times the server was restarted after it exited by itself. */
    public synchronized int restarts() {
        return restarts;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path aofFile() {
        return dataDir.resolve(AOF_FILE);
    }

    /** The server's last lines of output (empty for a reused server, whose output went elsewhere). */
    public List<String> recentOutput() {
        OutputDrain drain = current.drain();
        return drain == null ? List.of() : drain.recent();
    }

    /**
     * Rewrites the AOF in the background ({@code BGREWRITEAOF}) and waits until the rewrite is done and
     * no write or fsync is pending, so everything acknowledged before the call is on disk.
     */
    public void rewriteAof(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (RespClient client = RespClient.connect(port, password, PROBE_TIMEOUT_MILLIS)) {
            while (true) {
                try {
                    client.call("BGREWRITEAOF");
                    break;
                } catch (RespClient.ErrorReply e) {
                    // "already in progress": wait for that one, then ask again for one covering our writes
                    if (!e.getMessage().contains("in progress")) {
                        throw e;
                    }
                }
                waitUntil(deadline, "the AOF rewrite already in progress to finish");
            }
            while (true) {
                Map<String, String> info = info(client, "persistence");
                boolean done = "0".equals(info.get("aof_rewrite_in_progress"))
                        && "0".equals(info.get("aof_rewrite_scheduled"))
                        && "0".equals(info.get("aof_buffer_length"))
                        && "0".equals(info.get("aof_pending_bio_fsync"));
                if (done) {
                    if (!"ok".equals(info.get("aof_last_bgrewrite_status"))) {
                        throw new IllegalStateException("the AOF rewrite failed: " + info);
                    }
                    return;
                }
                waitUntil(deadline, "the AOF rewrite to finish");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the AOF of redis-server on port " + port, e);
        }
    }

    /**
     * Shuts the server down ({@code SHUTDOWN}, which fsyncs the AOF) and waits until its process has
     * exited; terminates it if it does not answer, kills it if it has not exited within ten seconds. No restart
     * follows, and the data directory is free again. Idempotent; never throws, Redis down or not.
     */
    public void stop() {
        Incarnation last;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            last = current;
        }
        try {
            shutDown(dataDir, port, password, last);
        } finally {
            lock.release();
        }
    }

    /**
     * As if this process had died: the server is left running and no longer supervised, and the directory's lock is
     * released, so that another instance can find it as an orphan. For tests of that case.
     */
    synchronized void abandon() {
        abandoned = true;
        lock.release();
    }

    private static void shutDown(Path dir, int port, String password, Incarnation server) {
        boolean answered = true;
        try (RespClient client = RespClient.connect(port, password, PROBE_TIMEOUT_MILLIS)) {
            client.send("SHUTDOWN");
            client.awaitClosed();
        } catch (IOException e) {
            answered = false;
            LOG.log(
                    System.Logger.Level.WARNING,
                    "redis-server pid " + server.pid() + " does not answer SHUTDOWN (" + e + "); terminating it");
        }
        Process process = server.process();
        ProcessHandle handle = process != null
                ? process.toHandle()
                : ProcessHandle.of(server.pid()).orElse(null);
        if (handle != null && !answered) {
            handle.destroy(); // SIGTERM: Redis still fsyncs its AOF on the way out
        }
        if (handle != null && !awaitExit(handle, STOP_TIMEOUT)) {
            LOG.log(System.Logger.Level.WARNING, "redis-server pid " + server.pid() + " did not exit; killing it");
            handle.destroyForcibly();
            awaitExit(handle, STOP_TIMEOUT);
        }
        if (server.drain() != null) {
            server.drain().awaitEnd(STOP_TIMEOUT);
        }
        try {
            Optional<State> recorded = State.read(dir.resolve(STATE_FILE));
            if (recorded.isPresent() && recorded.get().pid() == server.pid()) {
                Files.deleteIfExists(dir.resolve(STATE_FILE));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot remove " + STATE_FILE + ": " + e);
        }
        LOG.log(System.Logger.Level.INFO, "redis-server pid " + server.pid() + " on port " + port + " stopped");
    }

    // ---------------------------------------------------------------- supervision

    /** Restarts the server when {@code server} exits unless it was stopped. Event-driven: the exit completes a future. */
    private void watch(Incarnation server) {
        CompletableFuture<?> exit = server.process() != null
                ? server.process().onExit()
                : ProcessHandle.of(server.pid())
                        .map(ProcessHandle::onExit)
                        .orElse(CompletableFuture.completedFuture(null));
        exit.whenComplete((ended, error) -> exited(server));
    }

    private void exited(Incarnation server) {
        synchronized (this) {
            if (stopped || abandoned || current != server) {
                return;
            }
        }
        String status =
                server.process() != null ? " with status " + server.process().exitValue() : "";
        LOG.log(
                System.Logger.Level.WARNING,
                "redis-server pid " + server.pid() + " on port " + port + " exited" + status
                        + " though nobody stopped it; restarting it (routing goes on, entries spill to the local"
                        + " file until it answers)");
        restartAfter(FIRST_RESTART_DELAY);
    }

    private void restartAfter(Duration delay) {
        Executor restarter = task -> Thread.ofVirtual().name("redis-restart").start(task);
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, restarter)
                .execute(() -> restart(delay));
    }

    private void restart(Duration delay) {
        synchronized (this) {
            if (stopped || abandoned) {
                return;
            }
            try {
                refuseIfOccupied(dataDir);
                Incarnation next = startOnce(dataDir, extractBinary(dataDir.resolve("bin")), port, password);
                current = next;
                restarts++;
                LOG.log(
                        System.Logger.Level.INFO,
                        "redis-server restarted: pid " + next.pid() + " on port " + port + ", its AOF loaded");
                watch(next);
            } catch (IOException | RuntimeException e) {
                Duration next = delay.multipliedBy(2).compareTo(LAST_RESTART_DELAY) > 0
                        ? LAST_RESTART_DELAY
                        : delay.multipliedBy(2);
                LOG.log(
                        System.Logger.Level.WARNING,
                        "redis-server on port " + port + " could not be restarted (" + firstLine(e)
                                + "); trying again in " + next.toMillis() + " ms");
                restartAfter(next);
            }
        }
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedRedis[pid=" + pid() + ", port=" + port + ", version=" + version() + ", reused=" + reused()
                + ", dir=" + dataDir + "]";
    }

    // ---------------------------------------------------------------- platform, version

    static void checkPlatform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UnsupportedOperationException("the embedded redis-server is a Linux x86_64 binary, and this is "
                    + osName + " " + osArch + ": set REDIS_URL to a Redis or Valkey 6.2 or newer");
        }
    }

    /** Refuses a server older than 6.2 (the journal uses XADD/XTRIM MINID and exclusive XRANGE). */
    static void requireAtLeast62(String version) {
        String[] parts = version.split("\\.");
        int major;
        int minor;
        try {
            major = Integer.parseInt(parts[0]);
            minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cannot read the Redis version '" + version + "'", e);
        }
        if (major < 6 || (major == 6 && minor < 2)) {
            throw new IllegalStateException(
                    "Redis " + version + " is too old: FirstContact's journal needs Redis or Valkey 6.2 or newer");
        }
    }

    /** Checks that {@code binary} is an x86_64 ELF executable (magic, 64-bit, little-endian, EM_X86_64). */
    static void checkElfX8664(Path binary) throws IOException {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(binary)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                throw new IllegalStateException(binary + " is not an ELF executable");
            }
        }
        boolean elf = header[0] == 0x7F && header[1] == 'E' && header[2] == 'L' && header[3] == 'F';
        boolean x8664 = header[4] == 2 && header[5] == 1 && header[18] == 0x3E && header[19] == 0;
        if (!elf || !x8664) {
            throw new IllegalStateException(binary + " is not a Linux x86_64 executable: set REDIS_URL instead");
        }
    }

    // ---------------------------------------------------------------- orphans

    /** The recorded server if it can be reused, or null once it is known to be gone (stopped if need be). */
    private static Incarnation reuseOrStop(Path dir, State state, int port, boolean requirePassword)
            throws IOException {
        Optional<ProcessHandle> alive = ProcessHandle.of(state.pid()).filter(ProcessHandle::isAlive);
        if (alive.isEmpty()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "redis-server pid " + state.pid() + " recorded in " + dir + " is gone; starting a fresh one");
            Files.deleteIfExists(dir.resolve(STATE_FILE));
            return null;
        }
        Map<String, String> info = probe(state.port(), state.password());
        boolean ours = info != null
                && state.runId().equals(info.get("run_id"))
                && Long.toString(state.pid()).equals(info.get("process_id"));
        if (ours) {
            boolean fits = (port == 0 || port == state.port()) && requirePassword == (state.password() != null);
            String version = info.getOrDefault("redis_version", "?");
            if (fits) {
                requireAtLeast62(version);
                LOG.log(
                        System.Logger.Level.INFO,
                        "reusing redis-server pid " + state.pid() + " on port " + state.port()
                                + ", left running by an earlier process");
                return new Incarnation(state.pid(), state.runId(), version, null, null);
            }
            LOG.log(
                    System.Logger.Level.INFO,
                    "stopping redis-server pid " + state.pid() + " left running on port " + state.port()
                            + ": it does not have the port or password asked for");
            shutDown(
                    dir,
                    state.port(),
                    state.password(),
                    new Incarnation(state.pid(), state.runId(), version, null, null));
            return null;
        }
        ProcessHandle handle = alive.get();
        boolean ourBinary = handle.info()
                .command()
                .map(command -> command.endsWith("/" + BINARY))
                .orElse(false);
        if (ourBinary) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "redis-server pid " + state.pid() + " recorded in " + dir
                            + " does not answer as recorded; terminating it");
            handle.destroy();
            if (!awaitExit(handle, STOP_TIMEOUT)) {
                handle.destroyForcibly();
                awaitExit(handle, STOP_TIMEOUT);
            }
        } else {
            LOG.log(
                    System.Logger.Level.INFO,
                    "pid " + state.pid() + " recorded in " + dir + " is now another program; starting a fresh server");
        }
        Files.deleteIfExists(dir.resolve(STATE_FILE));
        return null;
    }

    /** {@code INFO server} of the server on {@code port}, or null if nothing answers there as asked. */
    private static Map<String, String> probe(int port, String password) {
        try (RespClient client = RespClient.connect(port, password, PROBE_TIMEOUT_MILLIS)) {
            if (!"PONG".equals(client.call("PING"))) {
                return null;
            }
            return info(client, "server");
        } catch (IOException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- fresh start

    private static EmbeddedRedis startFresh(Path dir, int port, String password, DirectoryLock lock)
            throws IOException {
        Path binary = extractBinary(dir.resolve("bin"));
        int attempts = port == 0 ? 3 : 1;
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int chosen = port == 0 ? freePort() : port;
            try {
                return new EmbeddedRedis(dir, chosen, password, startOnce(dir, binary, chosen, password), lock);
            } catch (IllegalStateException e) {
                failure = e;
                boolean portTaken = e.getMessage() != null && e.getMessage().contains("Address already in use");
                if (!portTaken) {
                    throw e;
                }
            }
        }
        throw failure;
    }

    private static Incarnation startOnce(Path dir, Path binary, int port, String password) throws IOException {
        Path config = dir.resolve(CONFIG_FILE);
        writePrivately(config, config(dir, port, password));
        // Through the shell only to set the umask: every file redis-server creates (the AOF, an RDB, the temporary
        // files of a rewrite) is then readable by its owner only. exec keeps the pid redis-server's own.
        Process process = new ProcessBuilder(
                        "/bin/sh", "-c", "umask 077 && exec \"$0\" \"$1\"", binary.toString(), config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        OutputDrain drain = new OutputDrain(process.getInputStream(), "redis-server-" + port + "-output");
        drain.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Map<String, String> info = null;
        while (info == null) {
            if (!process.isAlive()) {
                drain.awaitEnd(STOP_TIMEOUT);
                throw new IllegalStateException("redis-server exited with status " + process.exitValue()
                        + " at start; its output:\n" + String.join("\n", drain.recent()));
            }
            if (drain.ready() || System.nanoTime() - deadline > 0) {
                info = probe(port, password);
            }
            if (info == null) {
                if (System.nanoTime() - deadline > 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("redis-server did not start within " + START_TIMEOUT
                            + "; its output:\n" + String.join("\n", drain.recent()));
                }
                drain.awaitReady(Duration.ofMillis(20));
            }
        }
        String version = info.getOrDefault("redis_version", "?");
        String runId = info.getOrDefault("run_id", "?");
        Incarnation started = new Incarnation(process.pid(), runId, version, process, drain);
        try {
            requireAtLeast62(version);
            if (!Long.toString(process.pid()).equals(info.get("process_id"))) {
                throw new IllegalStateException("port " + port + " is answered by another redis-server (pid "
                        + info.get("process_id") + "), not the one started (pid " + process.pid() + ")");
            }
            new State(process.pid(), port, runId, password).write(dir.resolve(STATE_FILE));
        } catch (RuntimeException | IOException e) {
            shutDown(dir, port, password, started);
            throw e;
        }
        LOG.log(
                System.Logger.Level.INFO,
                "redis-server " + version + " pid " + process.pid() + " started on 127.0.0.1:" + port + " in " + dir);
        return started;
    }

    static String config(Path dir, int port, String password) {
        StringBuilder config = new StringBuilder()
                .append("# written at each start by FirstContact's embedded Redis\n")
                .append("bind 127.0.0.1\n")
                .append("protected-mode yes\n")
                .append("port ")
                .append(port)
                .append('\n')
                .append("daemonize no\n")
                .append("always-show-logo no\n")
                .append("logfile \"\"\n")
                .append("dir ")
                .append(quote(dir.toString()))
                .append('\n')
                .append("save \"\"\n")
                .append("appendonly yes\n")
                .append("appendfilename \"")
                .append(AOF_FILE)
                .append("\"\n")
                .append("appendfsync everysec\n");
        if (password != null) {
            config.append("requirepass ").append(quote(password)).append('\n');
        }
        return config.toString();
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Path extractBinary(Path binDir) throws IOException {
        URL resource = EmbeddedRedis.class.getClassLoader().getResource(BINARY);
        if (resource == null) {
            throw new IllegalStateException(
                    BINARY + " is not on the classpath (the embedded-redis artifact is missing): set REDIS_URL");
        }
        OwnerOnly.directory(binDir);
        Path binary = binDir.resolve(BINARY);
        URLConnection connection = resource.openConnection();
        long size = connection.getContentLengthLong();
        if (!Files.isRegularFile(binary) || Files.size(binary) != size || !Files.isExecutable(binary)) {
            Path temporary = Files.createTempFile(binDir, BINARY, ".tmp");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
                if (!temporary.toFile().setExecutable(true, true)) {
                    throw new IOException("cannot make " + temporary + " executable");
                }
                moveAtomically(temporary, binary);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } else {
            connection.getInputStream().close();
        }
        OwnerOnly.program(binary);
        checkElfX8664(binary);
        return binary;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---------------------------------------------------------------- helpers

    static Map<String, String> info(RespClient client, String section) throws IOException {
        Object reply = client.call("INFO", section);
        Map<String, String> fields = new LinkedHashMap<>();
        if (reply instanceof String text) {
            for (String line : text.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && !line.startsWith("#")) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1));
                }
            }
        }
        return fields;
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void waitUntil(long deadlineNanos, String what) {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what);
        }
    }

    private static void writePrivately(Path file, String content) throws IOException {
        Path temporary =
                Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            moveAtomically(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What {@code embedded-redis.state} records about the running server. */
    record State(long pid, int port, String runId, String password) {

        static Optional<State> read(Path file) throws IOException {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    fields.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            try {
                return Optional.of(new State(
                        Long.parseLong(fields.get("pid")),
                        Integer.parseInt(fields.get("port")),
                        fields.getOrDefault("runId", ""),
                        fields.get("password")));
            } catch (NumberFormatException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable " + file + ": " + fields.keySet());
                return Optional.empty();
            }
        }

        void write(Path file) throws IOException {
            StringBuilder text = new StringBuilder()
                    .append("pid=")
                    .append(pid)
                    .append('\n')
                    .append("port=")
                    .append(port)
                    .append('\n')
                    .append("runId=")
                    .append(runId)
                    .append('\n');
            if (password != null) {
                text.append("password=").append(password).append('\n');
            }
            writePrivately(file, text.toString());
        }
    }

    /** Drains the server's output so it never blocks, keeping the last lines. */
    private static final class OutputDrain extends Thread {
        private final InputStream output;
        private final ArrayDeque<String> lines = new ArrayDeque<>(OUTPUT_LINES_KEPT);
        private final CountDownLatch ready = new CountDownLatch(1);

        OutputDrain(InputStream output, String name) {
            super(name);
            this.output = output;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        if (lines.size() == OUTPUT_LINES_KEPT) {
                            lines.removeFirst();
                        }
                        lines.addLast(line);
                    }
                    LOG.log(level(line), line);
                    if (line.contains(READY_LINE)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "redis-server output closed: " + e);
            }
        }

        /**
         * Redis 6.2 marks its most important lines with {@code #} (start, shutdown, and real warnings,
         * which say WARNING); the rest ({@code *}, {@code -}, {@code .}) is detail.
         */
        private static System.Logger.Level level(String line) {
            if (!line.contains(" # ")) {
                return System.Logger.Level.DEBUG;
            }
            return line.contains("WARNING") ? System.Logger.Level.WARNING : System.Logger.Level.INFO;
        }

        boolean ready() {
            return ready.getCount() == 0;
        }

        void awaitReady(Duration timeout) {
            try {
                ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }

        void awaitEnd(Duration timeout) {
            try {
                join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        List<String> recent() {
            synchronized (lines) {
                return new ArrayList<>(lines);
            }
        }
    }
}
