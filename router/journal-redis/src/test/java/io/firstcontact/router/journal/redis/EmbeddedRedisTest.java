package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path dir;

    static RedisTestServer server;

    @BeforeAll
    static void start() {
        server = RedisTestServer.start(dir.resolve("redis"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void runs_redis_6_2_and_refuses_older_versions() {
        assertThat(server.redis.version()).startsWith("6.2.");
        assertThat(server.redis.reused()).isFalse();
        assertThat(server.redis.recentOutput()).anyMatch(line -> line.contains("Ready to accept connections"));

        assertThatCode(() -> EmbeddedRedis.requireAtLeast62("6.2.0")).doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedRedis.requireAtLeast62("7.4.2")).doesNotThrowAnyException();
        assertThatCode(() -> EmbeddedRedis.requireAtLeast62("10.0.1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> EmbeddedRedis.requireAtLeast62("6.0.16"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Redis 6.0.16 is too old")
                .hasMessageContaining("6.2 or newer");
        assertThatThrownBy(() -> EmbeddedRedis.requireAtLeast62("5.0.14.1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void other_platforms_are_told_to_set_redis_url() {
        assertThatCode(() -> EmbeddedRedis.checkPlatform("Linux", "amd64")).doesNotThrowAnyException();
        assertThatThrownBy(() -> EmbeddedRedis.checkPlatform("Mac OS X", "aarch64"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("REDIS_URL");
        assertThatThrownBy(() -> EmbeddedRedis.checkPlatform("Linux", "aarch64"))
                .hasMessageContaining("REDIS_URL");
        assertThatCode(() -> EmbeddedRedis.checkElfX8664(
                        server.redis.dataDir().resolve("bin").resolve(EmbeddedRedis.BINARY)))
                .doesNotThrowAnyException();
    }

    @Test
    void the_server_is_local_protected_by_its_password_and_appends_to_an_aof_in_the_data_dir() throws IOException {
        String config = Files.readString(server.redis.dataDir().resolve(EmbeddedRedis.CONFIG_FILE));
        assertThat(config)
                .contains("bind 127.0.0.1\n", "protected-mode yes\n", "appendonly yes\n", "appendfsync everysec\n")
                .contains("requirepass ");
        try (RespClient anonymous = RespClient.connect(server.redis.port(), null, 1000)) {
            assertThatThrownBy(() -> anonymous.call("PING")).hasMessageContaining("NOAUTH");
        }

        try (StatefulRedisConnection<String, String> connection = server.connect()) {
            connection.sync().set("aof-test", "written");
            assertThat(connection.sync().get("aof-test")).isEqualTo("written");
        }
        Path aof = server.redis.aofFile();
        assertThat(aof.getParent()).isEqualTo(server.redis.dataDir());
        Await.until("the AOF to hold the write", TIMEOUT, () -> contains(aof, "aof-test"));
    }

    @Test
    void an_orphan_left_by_a_killed_jvm_is_reused_with_its_data(@TempDir Path own) throws IOException {
        EmbeddedRedis first = EmbeddedRedis.start(own, 0, true);
        set(first, "k", "before the crash");
        first.abandon(); // the JVM "dies": its lock goes, its server keeps running

        EmbeddedRedis second = EmbeddedRedis.start(own, 0, true);
        try {
            assertThat(second.reused()).isTrue();
            assertThat(second.pid()).isEqualTo(first.pid());
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(second.runId()).isEqualTo(first.runId());
            assertThat(get(second, "k")).isEqualTo("before the crash");
        } finally {
            second.stop();
        }
        assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(own.resolve(EmbeddedRedis.STATE_FILE)).doesNotExist();
    }

    @Test
    void a_killed_server_is_replaced_by_a_fresh_one_that_loads_the_aof(@TempDir Path own) throws Exception {
        EmbeddedRedis first = EmbeddedRedis.start(own, 0, true);
        set(first, "k", "survives kill -9");
        // everysec: make sure the write is on disk before pulling the plug
        first.rewriteAof(TIMEOUT);
        set(first, "after-rewrite", "also survives: written to the AOF before the reply");

        first.abandon(); // the JVM dies with its server: nobody is left to restart it
        ProcessHandle handle = ProcessHandle.of(first.pid()).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().get(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

        EmbeddedRedis second = EmbeddedRedis.start(own, 0, true);
        try {
            assertThat(second.reused()).isFalse();
            assertThat(second.pid()).isNotEqualTo(first.pid());
            assertThat(second.runId()).isNotEqualTo(first.runId());
            assertThat(get(second, "k")).isEqualTo("survives kill -9");
            assertThat(get(second, "after-rewrite")).isEqualTo("also survives: written to the AOF before the reply");
        } finally {
            second.stop();
        }
    }

    @Test
    void stop_is_idempotent_and_waits_for_the_process_to_exit(@TempDir Path own) {
        EmbeddedRedis redis = EmbeddedRedis.start(own, 0, false);
        long pid = redis.pid();
        redis.stop();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        redis.close();
    }

    @Test
    void a_killed_server_is_restarted_on_its_port_with_its_password_and_data(@TempDir Path own) throws Exception {
        EmbeddedRedis redis = EmbeddedRedis.start(own, 0, true);
        try {
            set(redis, "k", "written before the kill");
            long killed = redis.pid();
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            Await.until("a restart", Duration.ofSeconds(30), () -> redis.restarts() == 1);
            assertThat(redis.pid()).isNotEqualTo(killed);
            assertThat(ProcessHandle.of(redis.pid()).map(ProcessHandle::isAlive))
                    .contains(true);
            assertThat(get(redis, "k")).isEqualTo("written before the kill");
            assertThat(Files.readString(own.resolve(EmbeddedRedis.STATE_FILE))).contains("pid=" + redis.pid());
            try (RespClient anonymous = RespClient.connect(redis.port(), null, 1000)) {
                assertThatThrownBy(() -> anonymous.call("PING")).hasMessageContaining("NOAUTH");
            }
        } finally {
            redis.stop();
        }
        assertThat(redis.restarts()).isEqualTo(1);
    }

    @Test
    void a_second_instance_on_the_same_directory_is_refused_while_the_first_runs(@TempDir Path own) {
        EmbeddedRedis first = EmbeddedRedis.start(own, 0, true);
        try {
            assertThatThrownBy(() -> EmbeddedRedis.start(own, 0, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another FirstContact server")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive))
                    .contains(true);
        } finally {
            first.stop();
        }
        EmbeddedRedis again = EmbeddedRedis.start(own, 0, true); // stopped: the directory is free
        again.stop();
    }

    @Test
    void a_redis_server_started_by_hand_on_the_directory_is_never_joined_by_a_second(@TempDir Path own)
            throws Exception {
        EmbeddedRedis.start(own, 0, false).stop(); // extracts the binary into own/bin
        Path binary = own.resolve("bin").resolve(EmbeddedRedis.BINARY);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process byHand = new ProcessBuilder(
                        binary.toString(),
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--dir",
                        own.toString(),
                        "--appendonly",
                        "yes",
                        "--save",
                        "")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Await.until("the hand-started server", TIMEOUT, () -> answers(port));
            assertThatThrownBy(() -> EmbeddedRedis.start(own, 0, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pid " + byHand.pid())
                    .hasMessageContaining("FirstContact did not start")
                    .hasMessageContaining("redis-cli -p <its port> shutdown")
                    .hasMessageContaining("REDIS_URL");
            assertThat(own.resolve(EmbeddedRedis.STATE_FILE)).doesNotExist();
        } finally {
            byHand.destroyForcibly().waitFor();
        }
        EmbeddedRedis.start(own, 0, false).stop(); // gone: the directory may be used again
    }

    @Test
    void every_file_it_writes_is_readable_only_by_its_owner(@TempDir Path parent) throws Exception {
        Path own = parent.resolve("data").resolve("redis");
        Files.createDirectories(
                own, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.writeString(own.resolve(EmbeddedRedis.AOF_FILE), ""); // as an earlier version left it: 0644
        Files.setPosixFilePermissions(
                own.resolve(EmbeddedRedis.AOF_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        EmbeddedRedis redis = EmbeddedRedis.start(own, 0, true);
        try {
            set(redis, "k", "a customer reference");
            redis.rewriteAof(TIMEOUT);
            try (RespClient client = RespClient.connect(redis.port(), password(redis), 1000)) {
                assertThat(client.call("BGSAVE")).isNotNull();
            }
            Await.until("the RDB file", TIMEOUT, () -> Files.exists(own.resolve("dump.rdb")));
            List<String> open = new ArrayList<>();
            try (var all = Files.walk(own)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    boolean ok = Files.isDirectory(p) || p.endsWith(EmbeddedRedis.BINARY)
                            ? mode.equals("rwx------")
                            : mode.equals("rw-------");
                    if (!ok) {
                        open.add(own.relativize(p) + " " + mode);
                    }
                }
            }
            assertThat(open).isEmpty();
            assertThat(Files.list(own).map(p -> p.getFileName().toString()))
                    .contains(EmbeddedRedis.AOF_FILE, "dump.rdb", EmbeddedRedis.CONFIG_FILE, EmbeddedRedis.STATE_FILE);
        } finally {
            redis.stop();
        }
    }

    private static boolean answers(int port) {
        try (RespClient client = RespClient.connect(port, null, 200)) {
            return "PONG".equals(client.call("PING"));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.exists(file)
                    && Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static void set(EmbeddedRedis redis, String key, String value) throws IOException {
        try (RespClient client = RespClient.connect(redis.port(), password(redis), 1000)) {
            assertThat(client.call("SET", key, value)).isEqualTo("OK");
        }
    }

    private static Object get(EmbeddedRedis redis, String key) throws IOException {
        try (RespClient client = RespClient.connect(redis.port(), password(redis), 1000)) {
            return client.call("GET", key);
        }
    }

    private static String password(EmbeddedRedis redis) {
        return redis.password();
    }
}
