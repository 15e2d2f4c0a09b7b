package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics of a day survive a restart after the journal was trimmed: a snapshot every few entries trims the
 * journal behind it, so the figures after the restart can only come from the statistics' own snapshot (saved before
 * each engine snapshot) and the entries after it — and they equal the figures before.
 */
class StatisticsRestartTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> SNAPSHOT_OFTEN = Map.of("journal", Map.of("snapshotEveryEntries", 3));

    private static String offerOf(JsonNode reply) {
        for (JsonNode f : reply.get("facts")) {
            if (f.get("type").asText().equals("OfferCreated")) {
                return f.get("offerId").asText();
            }
        }
        throw new AssertionError("no offer in " + reply);
    }

    /**
     * What does not change while nothing happens (everyone is logged out and nobody waits): all of it but how long
     * each advisor has been logged out.
     */
    private static JsonNode figures(TestServer s) throws Exception {
        var body = TestServer.JSON.createObjectNode();
        body.set("queues", s.get("supervisor", "/api/v1/statistics/queues").json());
        body.set("channels", s.get("supervisor", "/api/v1/statistics/channels").json());
        body.set("centre", s.get("supervisor", "/api/v1/statistics/centre").json());
        JsonNode advisors = s.get("supervisor", "/api/v1/statistics/advisors").json();
        advisors.get("items").forEach(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("stateSeconds"));
        body.set("advisors", advisors);
        body.set(
                "intervals", s.get("supervisor", "/api/v1/statistics/intervals").json());
        body.set("days", s.get("supervisor", "/api/v1/statistics/days").json());
        return body;
    }

    @Test
    void aDaysFiguresAfterARestartEqualTheFiguresBeforeIt() throws Exception {
        Path data = dir.resolve("data");
        JsonNode before;
        try (TestServer s = TestServer.start(data, SNAPSHOT_OFTEN)) {
            assertThat(s.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}")
                            .status())
                    .isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                var created = s.post(
                        "integration",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"restart:" + i + "\",\"channel\":\"voice\",\"customerRef\":\"cust-" + (i % 2)
                                + "\",\"queue\":{\"queue\":\"billing\"}}");
                String offer = offerOf(created.json());
                if (i == 3) { // the last caller gives up while the phone rings
                    s.post(
                            "integration",
                            "/api/v1/interactions/"
                                    + created.json().get("interactionId").asText() + "/end",
                            "{\"reason\":\"CUSTOMER_LEFT\"}");
                    continue;
                }
                assertThat(s.post("agent-a0", "/api/v1/offers/" + offer + "/accept", "{}")
                                .status())
                        .isEqualTo(200);
                assertThat(s.post("agent-a0", "/api/v1/offers/" + offer + "/end", "{}")
                                .status())
                        .isEqualTo(200);
                assertThat(s.post("agent-a0", "/api/v1/assignments/" + offer + "/end-wrap-up", "{}")
                                .status())
                        .isEqualTo(200);
            }
            assertThat(s.post("agent-a0", "/api/v1/agents/a0/logout", "{}").status())
                    .isEqualTo(200);
            before = figures(s);
            awaitTrimmed(s);
        }
        assertThat(before.at("/queues/items/0/today/counts/handled").asInt()).isEqualTo(3);
        assertThat(before.at("/queues/items/0/today/counts/abandoned").asInt()).isEqualTo(1);
        assertThat(before.at("/centre/outcomes/0/repeats").asInt()).isEqualTo(2);

        try (TestServer s = TestServer.start(data, SNAPSHOT_OFTEN)) {
            assertThat(figures(s)).isEqualTo(before);
        }
    }

    /**
     * Snapshots are saved off the engine thread, and the journal is trimmed behind the previous one when the next is
     * saved — which takes a commit after it: while waiting, an entry that changes no figure (online activity of a
     * customer never offered anything) is committed each time, so a slow first save cannot leave the journal untrimmed.
     * The poll waits for each commit's answer (no spinning), and the deadline only bounds a failure.
     */
    private static void awaitTrimmed(TestServer s) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (s.server.runtime().stream().read("0-0", 1).getFirst().seq() <= 1) {
            assertThat(System.nanoTime()).as("the journal is trimmed").isLessThan(deadline);
            assertThat(s.post("integration", "/api/v1/customers/nobody/online-activity", "{\"activity\":\"browsed\"}")
                            .status())
                    .isEqualTo(200);
        }
    }
}
