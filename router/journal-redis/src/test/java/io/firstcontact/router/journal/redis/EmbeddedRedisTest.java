package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        // the JVM "dies": first is forgotten without stop(), its server keeps running

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
