package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.journal.redis.AofTail;
import io.firstcontact.router.journal.redis.EmbeddedRedis;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.firstcontact.server.runtime.RuntimeState;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded redis-server is killed and comes back from its AOF without the last entries it had acknowledged
 * ({@code appendfsync everysec} allows up to a second of them), while the server routes on. The loss is made exactly:
 * Redis is frozen ({@code SIGSTOP}), its AOF cut before the first lost entry, then killed ({@code SIGKILL}) and
 * restarted by the server. Routing goes on from the engine in memory; the server must then start again on that
 * journal, not stop on entries that were decided with the lost ones.
 */
class RedisLostItsLastSecondTest {
    private static final String JOURNAL = "firstcontact:journal";

    @TempDir
    Path dir;

    @Test
    void aServerWhoseRedisLostItsLastEntriesStartsAgainAndRoutes() throws Exception {
        Path data = dir.resolve("data");
        String lost;
        try (TestServer s = TestServer.start(data, Map.of())) {
            RoutingRuntime routing = s.server.runtime();
            assertThat(create(s, "gap:kept").status()).isEqualTo(201);
            String firstLost =
                    routing.epoch() + "-" + (routing.query(e -> e.lastSeq()).get() + 1);
            var created = create(s, "gap:lost");
            assertThat(created.status()).isEqualTo(201); // acknowledged by Redis: about to be lost
            lost = created.json().get("interactionId").asText();

            long redis = routing.embeddedRedis().pid();
            RedisFailureTest.signal("STOP", redis);
            AofTail.cutBefore(data.resolve("redis").resolve(EmbeddedRedis.AOF_FILE), JOURNAL, firstLost);
            RedisFailureTest.signal("KILL", redis);
            RedisFailureTest.await(
                    () -> routing.embeddedRedis().restarts() == 1, "the embedded Redis restarted from its AOF");

            // Decided with the lost entry: the engine in memory still knows the interaction it created.
            var ended =
                    s.post("integration", "/api/v1/interactions/" + lost + "/end", "{\"reason\":\"CUSTOMER_LEFT\"}");
            assertThat(ended.status()).isEqualTo(200);
            RedisFailureTest.await(() -> routing.lostEntries() > 0, "the loss is found");
            RedisFailureTest.await(() -> "UP".equals(RedisFailureTest.health(s)), "the spill file, if any, replayed");
            JsonNode journal = health(s).get("journal");
            assertThat(journal.get("lostEntries").asLong()).isEqualTo(routing.lostEntries());
            assertThat(journal.get("lastLoss").asText()).startsWith(firstLost);
            assertThat(s.scraped("firstcontact_journal_lost_entries_total", "mode=\"production\""))
                    .isEqualTo(routing.lostEntries());
        }

        try (TestServer again = TestServer.start(data, Map.of())) {
            assertThat(again.server.runtime().state()).isEqualTo(RuntimeState.OPEN);
            assertThat(create(again, "gap:after").status()).isEqualTo(201);
            assertThat(again.get("supervisor", "/api/v1/queues/billing")
                            .json()
                            .get("waiting")
                            .asInt())
                    .as("gap:kept and gap:after wait; the lost one was ended after the loss")
                    .isEqualTo(2);
        }
    }

    private static ApiClient.Response create(TestServer s, String sourceRef) throws Exception {
        return s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
    }

    private static JsonNode health(TestServer s) throws Exception {
        return s.send(null, "GET", s.management() + "/health", null, Map.of()).json();
    }
}
