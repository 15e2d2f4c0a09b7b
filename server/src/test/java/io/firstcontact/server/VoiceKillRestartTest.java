package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.channels.voice.peer.AmiMessage;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.journal.JournalCodec;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the router with a hundred callers holding in Asterisk (the test peer), then a restart on the same
 * data: the restarted router finds them all again through the AMI (their channel variables), in their order, with
 * their wait start, and each is connected to an advisor in that order.
 */
class VoiceKillRestartTest {
    private static final int CALLERS = 100;
    private static final Duration START = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void afterKill9EveryHoldingCallerIsFoundAgainInOrderAndGetsAnAdvisor() throws Exception {
        try (AsteriskPeer peer = AsteriskPeer.start()) {
            Path data = dir.resolve("data");
            int http = freePort();
            int management = freePort();
            int agi = freePort();
            peer.agiServer("127.0.0.1", agi);
            peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(10));
            TestServer.writeConfig(data, http, management, overrides(peer, agi));
            ApiClient api = new ApiClient("http://127.0.0.1:" + http, "http://127.0.0.1:" + management);

            List<AsteriskPeer.Caller> callers = new ArrayList<>();
            Map<String, String> before;
            Process first = launch(data, "first");
            try {
                awaitReady(api, first);
                await(() -> peer.amiSessions() == 1, "the first router to log in to Asterisk");
                for (int i = 0; i < CALLERS; i++) {
                    callers.add(peer.call(String.format("0770090%04d", i), "1"));
                    int queued = i + 1;
                    await(() -> waiting(api).size() == queued, "caller " + queued + " to be queued");
                }
                before = waiting(api);
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook runs
                first.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(before).hasSize(CALLERS);
            assertThat(callers).allMatch(c -> c.activity().equals("HOLDING"));

            Process second = launch(data, "second");
            try {
                awaitReady(api, second);
                await(() -> peer.amiSessions() == 1, "the restarted router to log in to Asterisk");
                Map<String, String> after = waiting(api);
                assertThat(new ArrayList<>(after.keySet())).isEqualTo(new ArrayList<>(before.keySet()));
                before.forEach((id, enteredAt) -> assertThat(after.get(id)).isEqualTo(enteredAt));

                int originatesBefore = peer.actions("Originate").size();
                assertThat(api.post(
                                        "integration",
                                        "/api/v1/agents/a0/login",
                                        "{\"ready\":true,\"device\":\"PJSIP/1001\"}")
                                .status())
                        .isEqualTo(200);
                Map<String, AsteriskPeer.Caller> byInteraction = new LinkedHashMap<>();
                for (AsteriskPeer.Caller c : callers) {
                    byInteraction.put(c.variable("FC_INTERACTION_ID").orElseThrow(), c);
                }
                for (String id : before.keySet()) {
                    AsteriskPeer.Caller c = byInteraction.get(id);
                    await(
                            () -> c.bridgedWith().stream().anyMatch(n -> n.startsWith("PJSIP/1001-")),
                            "caller " + id + " connected");
                    c.hangUp();
                }
                List<String> rung = peer.actions("Originate").stream()
                        .skip(originatesBefore)
                        .map(VoiceKillRestartTest::interactionOf)
                        .toList();
                assertThat(rung).isEqualTo(new ArrayList<>(before.keySet()));
            } finally {
                second.destroy();
                if (!second.waitFor(30, TimeUnit.SECONDS)) {
                    second.destroyForcibly();
                }
            }
        }
    }

    /** Voice on the peer; the seed's billing queue without wrap-up, so one advisor takes the callers one by one. */
    private static Map<String, Object> overrides(AsteriskPeer peer, int agi) throws IOException {
        RoutingConfig small = Centres.small();
        List<QueueConfig> queues = new ArrayList<>();
        for (QueueConfig q : small.queues()) {
            queues.add(q.id().equals("billing") ? q.toBuilder().wrapUp(0, 0).build() : q);
        }
        RoutingConfig config = new RoutingConfig(
                small.version(),
                small.channels(),
                small.skills(),
                queues,
                small.utilisationProfiles(),
                small.routingProfiles(),
                small.notReadyReasons(),
                small.attributes(),
                small.policy());
        JsonNode routing = TestServer.JSON.readTree(new JournalCodec().encodeValue(config));
        List<Map<String, Object>> agents = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            agents.add(Map.of(
                    "agentId",
                    "a" + a,
                    "skills",
                    List.of(Map.of("skill", "billing", "proficiency", 5)),
                    "utilisationProfile",
                    "council",
                    "routingProfile",
                    "all"));
        }
        return Map.of(
                "routing",
                Map.of("config", routing, "agents", agents),
                "voice",
                Map.of(
                        "ami",
                        Map.of(
                                "host",
                                "127.0.0.1",
                                "port",
                                peer.amiPort(),
                                "username",
                                AsteriskPeer.ROUTER.name(),
                                "secret",
                                AsteriskPeer.ROUTER.secret(),
                                "reconnectMin",
                                "50ms",
                                "reconnectMax",
                                "500ms"),
                        "agi",
                        Map.of("host", "127.0.0.1", "port", agi),
                        "menu",
                        Map.of("queues", Map.of("1", "billing"), "defaultQueue", "billing")),
                // a cluster of its own: not the account cache of another test's (or another build's) server
                "account",
                Map.of("cluster", Map.of("name", "test-" + java.util.UUID.randomUUID())));
    }

    private static String interactionOf(AmiMessage originate) {
        return originate.all("Variable").stream()
                .filter(v -> v.startsWith("FC_INTERACTION_ID="))
                .map(v -> v.substring("FC_INTERACTION_ID=".length()))
                .findFirst()
                .orElse("?");
    }

    /** The billing queue's waiting interactions, in queue order, with their visit start. */
    private static Map<String, String> waiting(ApiClient api) {
        try {
            Map<String, String> entered = new LinkedHashMap<>();
            var page = api.get("supervisor", "/api/v1/queues/billing/waiting?limit=1000");
            for (JsonNode e : page.json().get("items")) {
                entered.put(e.get("interactionId").asText(), e.get("enteredAt").asText());
            }
            return entered;
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 60 s for " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
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

    private void awaitReady(ApiClient api, Process p) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the server exited: " + logs());
            }
            if (api.ready()) {
                return;
            }
            p.waitFor(50, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the server did not become ready within " + START + ": " + logs());
    }

    private String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                sb.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
