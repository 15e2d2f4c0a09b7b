package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.journal.redis.EmbeddedRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory is the server's alone: everything it writes there (the journal's AOF and RDB, the spill file,
 * Redis' own files, keys, tokens, its node id) is readable only by its owner, files an earlier version left open are
 * closed, and a second server on the same directory is refused while the first runs on.
 */
class DataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void everythingTheServerWritesInItsDataDirectoryIsReadableOnlyByItsOwner() throws Exception {
        Path data = dir.resolve("data");
        // As an earlier version left them: directories 0755, the spill file 0644.
        Files.createDirectories(data.resolve("spill"));
        for (Path d : List.of(data, data.resolve("spill"))) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createFile(
                data.resolve("spill").resolve("journal.spill"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (TestServer s = TestServer.start(data, Map.of())) {
            assertThat(s.post(
                                    "integration",
                                    "/api/v1/interactions",
                                    "{\"sourceRef\":\"files:1\",\"channel\":\"voice\",\"customerRef\":\"cust-1\"}")
                            .status())
                    .isEqualTo(201);
            EmbeddedRedis redis = s.server.runtime().embeddedRedis();
            redis.rewriteAof(Duration.ofSeconds(10));
            var lettuce = s.server.runtime().redisClient();
            try (var c = lettuce.connect()) {
                c.sync().bgsave();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(data.resolve("redis").resolve("dump.rdb"))) {
                assertThat(System.nanoTime() - deadline)
                        .as("the RDB file is written")
                        .isNegative();
                Thread.onSpinWait();
            }
            List<String> open = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            try (var all = Files.walk(data)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    boolean program = Files.isDirectory(p) || p.endsWith(EmbeddedRedis.BINARY);
                    if (!mode.equals(program ? "rwx------" : "rw-------")) {
                        open.add(data.relativize(p) + " " + mode);
                    }
                    seen.add(data.relativize(p).toString());
                }
            }
            assertThat(open).isEmpty();
            assertThat(seen)
                    .contains(
                            "redis/appendonly.aof",
                            "redis/dump.rdb",
                            "redis/redis.conf",
                            "redis/embedded-redis.state",
                            "spill/journal.spill",
                            "journal.key",
                            "node-id");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedAndTheFirstGoesOn() throws Exception {
        Path data = dir.resolve("data");
        try (TestServer first = TestServer.start(data, Map.of())) {
            assertThatThrownBy(() -> TestServer.start(data, Map.of()))
                    .hasMessageContaining("in use by another FirstContact server")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(first.post(
                                    "integration",
                                    "/api/v1/interactions",
                                    "{\"sourceRef\":\"alone:1\",\"channel\":\"voice\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(first.server.runtime().embeddedRedis().restarts()).isZero();
        }
        try (TestServer again = TestServer.start(data, Map.of())) { // stopped: the directory is free again
            assertThat(again.get("admin", "/api/v1/queues").status()).isEqualTo(200);
        }
    }
}
