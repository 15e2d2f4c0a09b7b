package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.journal.redis.SnapshotStore;
import io.firstcontact.server.runtime.RoutingRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart once the journal before the latest snapshot is trimmed: the read model comes back from the snapshot — the
 * configuration, the advisors (since when they are in their state included) and the work in progress — not only from
 * the entries after it.
 */
class RestartFromSnapshotTest {
    @TempDir
    Path dir;

    private static JsonNode fact(JsonNode reply, String type) {
        for (JsonNode f : reply.get("facts")) {
            if (f.get("type").asText().equals(type)) {
                return f;
            }
        }
        throw new AssertionError("no " + type + " in " + reply);
    }

    private static String create(TestServer s, String sourceRef) throws Exception {
        var created = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("interactionId").asText();
    }

    @Test
    void theReadModelComesBackFromTheSnapshotWhenTheJournalBeforeItIsTrimmed() throws Exception {
        Path data = dir.resolve("data");
        String connected;
        String waiting;
        String assignment;
        String snapshotId;
        JsonNode notReadySince;
        try (TestServer s = TestServer.start(data, Map.of())) {
            assertThat(s.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}")
                            .status())
                    .isEqualTo(200);
            assertThat(s.post("agent-a1", "/api/v1/agents/a1/login", "{\"ready\":false}")
                            .status())
                    .isEqualTo(200);
            connected = create(s, "restart:1");
            String offerId = s.get("agent-a0", "/api/v1/agents/a0")
                    .json()
                    .get("offerIds")
                    .get(0)
                    .asText();
            var accepted = s.post("agent-a0", "/api/v1/offers/" + offerId + "/accept", "{}");
            assertThat(accepted.status()).isEqualTo(200);
            assignment = fact(accepted.json(), "AssignmentStarted")
                    .get("assignmentId")
                    .asText();
            waiting = create(s, "restart:2"); // a0 is busy, a1 not ready
            notReadySince = s.get("supervisor", "/api/v1/agents/a1").json().get("presenceSince");
            assertThat(notReadySince.isNull()).isFalse();

            // What the runtime does every N entries — save a snapshot — and then the trim of the journal before it.
            RoutingRuntime runtime = s.server.runtime();
            EngineSnapshot snapshot = runtime.query(RoutingEngine::snapshot).get(10, TimeUnit.SECONDS);
            snapshotId = snapshot.epoch() + "-" + snapshot.lastSeq();
            try (SnapshotStore store = SnapshotStore.open(
                    runtime.redisClient(), s.server.config().redis().keyPrefix() + ":snapshot")) {
                store.save(new SnapshotStore.Stored(snapshotId, runtime.codec().encodeSnapshot(snapshot)));
            }
            assertThat(runtime.stream().trimTo(snapshotId))
                    .as("the configuration, the advisors and the work are trimmed")
                    .isGreaterThanOrEqualTo(snapshot.lastSeq() - 1);
        }

        try (TestServer s = TestServer.start(data, Map.of())) {
            List<String> queues = new ArrayList<>();
            JsonNode items = s.get("supervisor", "/api/v1/queues").json().get("items");
            items.forEach(q -> queues.add(q.get("queue").asText()));
            assertThat(queues).containsExactly("billing", "chat", "email");
            JsonNode billing = s.get("supervisor", "/api/v1/queues/billing").json();
            assertThat(billing.get("waiting").asInt()).isEqualTo(1);
            assertThat(billing.get("answeredToday").asInt())
                    .as("answered before the snapshot: history")
                    .isZero();

            JsonNode a0 = s.get("supervisor", "/api/v1/agents/a0").json();
            assertThat(a0.get("routingProfile").asText()).isEqualTo("all");
            assertThat(a0.get("skills")).hasSize(1);
            assertThat(a0.get("assignmentIds").get(0).asText()).isEqualTo(assignment);
            JsonNode a1 = s.get("supervisor", "/api/v1/agents/a1").json();
            assertThat(a1.get("presence").asText()).isEqualTo("NOT_READY");
            assertThat(a1.get("presenceSince"))
                    .as("when it began is in the snapshot")
                    .isEqualTo(notReadySince);

            JsonNode first =
                    s.get("supervisor", "/api/v1/interactions/" + connected).json();
            assertThat(first.get("phase").asText()).isEqualTo("CONNECTED");
            assertThat(first.get("agentId").asText()).isEqualTo("a0");
            assertThat(first.get("sourceRef").asText()).isEqualTo("restart:1");
            JsonNode second =
                    s.get("supervisor", "/api/v1/interactions/" + waiting).json();
            assertThat(second.get("phase").asText()).isEqualTo("QUEUED");
            assertThat(second.get("position").asInt()).isEqualTo(1);

            JsonNode trace = s.get("supervisor", "/api/v1/interactions/" + waiting + "/trace")
                    .json();
            assertThat(trace.get("startsAfter").asText()).isEqualTo(snapshotId);
        }
    }
}
