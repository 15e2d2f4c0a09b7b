package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the server process with 1,000 interactions waiting and offers in flight, then a restart on the
 * same data directory: every waiting interaction comes back in order with its wait start, no advisor is left
 * reserved, the offers in flight are resolved, and the advisors' desktops must re-attach. Run with the embedded
 * redis-server left running (the restart reuses the orphan) and with it killed too (it restarts from its AOF).
 */
class KillRestartTest {
    private static final int WAITING = 1_000;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void afterKill9WithRedisLeftRunningEverythingComesBackAndTheOrphanIsReused() throws Exception {
        killAndRestart(false);
    }

    @Test
    void afterKill9OfTheServerAndItsRedisEverythingComesBackFromTheAof() throws Exception {
        killAndRestart(true);
    }

    private void killAndRestart(boolean killRedisToo) throws Exception {
        Path data = dir.resolve("data");
        int http = freePort();
        int management = freePort();
        ringForAnHour(TestServer.writeConfig(data, http, management, Map.of()));
        ApiClient api = new ApiClient("http://127.0.0.1:" + http, "http://127.0.0.1:" + management);

        Process first = launch(data, "first");
        try {
            awaitReady(api, first);
            List<CompletableFuture<ApiClient.Response>> posts = new ArrayList<>();
            for (int i = 0; i < WAITING; i++) {
                String body =
                        "{\"sourceRef\":\"kill:" + i + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}";
                posts.add(CompletableFuture.supplyAsync(
                        () -> call(() -> api.post("integration", "/api/v1/interactions", body))));
                if (posts.size() == 50) { // bounded concurrency: many in flight, group commits
                    posts.forEach(CompletableFuture::join);
                    posts.clear();
                }
            }
            posts.forEach(p -> assertThat(p.join().status()).isEqualTo(201));
            // Three advisors log in ready: three offers go out and stay ALERTING (nobody answers).
            for (String a : List.of("a0", "a1", "a2")) {
                assertThat(api.post("integration", "/api/v1/agents/" + a + "/login", "{\"ready\":true}")
                                .status())
                        .isEqualTo(200);
            }
            List<String> offers = new ArrayList<>();
            for (String a : List.of("a0", "a1", "a2")) {
                JsonNode agent = api.get("integration", "/api/v1/agents/" + a).json();
                assertThat(agent.get("offerIds")).hasSize(1);
                offers.add(agent.get("offerIds").get(0).asText());
            }
            Map<String, String> before = waiting(api);
            assertThat(before).hasSize(WAITING - 3);
            long redisPid = redisPid(data);

            first.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (killRedisToo) {
                flushAof(data); // AOF everysec: what Redis acknowledged is on disk within a second; make it now
                ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroyForcibly);
                ProcessHandle.of(redisPid).ifPresent(h -> h.onExit().join());
            } else {
                assertThat(ProcessHandle.of(redisPid).map(ProcessHandle::isAlive))
                        .contains(true);
            }

            Process second = launch(data, "second");
            try {
                awaitReady(api, second);
                if (!killRedisToo) {
                    assertThat(redisPid(data))
                            .as("the orphan redis-server is reused")
                            .isEqualTo(redisPid);
                }
                // The three offers in flight were cancelled by recovery: their interactions are back in the queue
                // with their place (their key), so all 1,000 wait, in the original order.
                Map<String, String> after = waiting(api);
                assertThat(after).hasSize(WAITING);
                List<String> order = new ArrayList<>(after.keySet());
                order.removeIf(id -> !before.containsKey(id));
                assertThat(order).isEqualTo(new ArrayList<>(before.keySet()));
                before.forEach((id, enteredAt) -> assertThat(after.get(id)).isEqualTo(enteredAt));
                for (String offer : offers) {
                    JsonNode o =
                            api.get("integration", "/api/v1/offers/" + offer).json();
                    assertThat(o.get("status").asText()).isEqualTo("CANCELLED");
                }
                for (String a : List.of("a0", "a1", "a2")) {
                    JsonNode agent =
                            api.get("integration", "/api/v1/agents/" + a).json();
                    assertThat(agent.get("offerIds"))
                            .as("no advisor left reserved")
                            .isEmpty();
                    assertThat(agent.get("sessionAttached").asBoolean())
                            .as("a desktop must re-attach after a restart")
                            .isFalse();
                }
                // The desktop comes back: its keep-alive restores the session and routing resumes.
                var alive = api.post("agent-a0", "/api/v1/agents/a0/keepalive", "{}");
                assertThat(alive.json().get("restored").asBoolean()).isTrue();
                JsonNode a0 = api.get("integration", "/api/v1/agents/a0").json();
                assertThat(a0.get("offerIds")).hasSize(1);
            } finally {
                stop(second);
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private static Map<String, String> waiting(ApiClient api) throws Exception {
        Map<String, String> entered = new LinkedHashMap<>();
        String cursor = null;
        do {
            var page = api.get(
                    "supervisor",
                    "/api/v1/queues/billing/waiting?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode e : page.json().get("items")) {
                entered.put(e.get("interactionId").asText(), e.get("enteredAt").asText());
            }
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
        } while (cursor != null);
        return entered;
    }

    /**
     * Offers ring for an hour in this test's centre, so that none times out in the first server before the kill on a
     * busy machine. (A restart that takes longer than the ring is {@link OutageLongerThanTheRingTest}'s: recovery
     * cancels the offers before their overdue deadlines can fire.)
     */
    private static void ringForAnHour(Path config) throws IOException {
        JsonNode yaml = TestServer.JSON.readTree(config.toFile());
        for (JsonNode channel : yaml.at("/routing/config/channels")) {
            ((ObjectNode) channel).put("offerTimeoutMillis", 3_600_000);
        }
        Files.writeString(config, TestServer.JSON.writeValueAsString(yaml));
    }

    /** The server in its own JVM, on the test's class path, its output in a file beside the data. */
    private Process launch(Path data, String name) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m"));
        command.addAll(io.firstcontact.router.account.cache.EmbeddedMember.JVM_FLAGS);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config",
                data.resolve("test-config.yaml").toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(name + ".log").toFile());
        return pb.start();
    }

    private void awaitReady(ApiClient api, Process p) throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the server exited: " + log(p));
            }
            if (api.ready()) {
                return;
            }
            Thread.onSpinWait();
            try {
                p.waitFor(50, TimeUnit.MILLISECONDS); // wakes early if it dies
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the server did not become ready within " + START);
    }

    private String log(Process p) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy(); // SIGTERM: the graceful stop
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static Map<String, String> state(Path data) throws IOException {
        return RedisFailureTest.state(data);
    }

    private static long redisPid(Path data) throws IOException {
        return Long.parseLong(state(data).get("pid"));
    }

    /** Rewrites the AOF (fsynced) before the test kills Redis, so the test does not wait out the everysec window. */
    private static void flushAof(Path data) throws Exception {
        Map<String, String> s = state(data);
        RedisURI uri = RedisURI.builder()
                .withHost("127.0.0.1")
                .withPort(Integer.parseInt(s.get("port")))
                .withPassword(Optional.ofNullable(s.get("password")).orElse("").toCharArray())
                .build();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            c.sync().bgrewriteaof();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (c.sync().info("persistence").contains("aof_rewrite_in_progress:1")
                    || c.sync().info("persistence").contains("aof_rewrite_scheduled:1")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("AOF rewrite did not finish");
                }
                Thread.onSpinWait();
            }
        } finally {
            client.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface IoCall<T> {
        T call() throws Exception;
    }

    private static <T> T call(IoCall<T> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
