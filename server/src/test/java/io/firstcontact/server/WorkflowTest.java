package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contact centre run through the API alone: advisors log in, work offers by id, wrap up; traces and inventories. */
class WorkflowTest {
    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode fact(JsonNode reply, String type) {
        for (JsonNode f : reply.get("facts")) {
            if (f.get("type").asText().equals(type)) {
                return f;
            }
        }
        throw new AssertionError("no " + type + " in " + reply);
    }

    @Test
    void anAdvisorWorksItsOwnOffersByIdAndALateCommandGets409() throws Exception {
        try (Sse mine = new Sse(s.client(), s.base() + "/api/v1/events", TestServer.TOKENS.get("agent-a0"), null)) {
            mine.awaitConnected();
            var login = s.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}");
            assertThat(login.status()).isEqualTo(200);
            assertThat(s.post("agent-a0", "/api/v1/agents/a1/login", "{}").status())
                    .isEqualTo(403);

            var created = s.post(
                    "integration",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"flow:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location"))
                    .endsWith(created.json().get("interactionId").asText());
            JsonNode offer = fact(created.json(), "OfferCreated");
            assertThat(offer.get("agentId").asText()).isEqualTo("a0");
            String offerId = offer.get("offerId").asText();

            // The advisor's own stream shows its offer.
            var seen = mine.until(e -> e.data().toString().contains(offerId), Duration.ofSeconds(10));
            for (Sse.Event e : seen) {
                for (JsonNode f : e.data().get("events")) {
                    assertThat(f.get("agentId").asText())
                            .as("an agent sees only its own facts")
                            .isEqualTo("a0");
                }
            }

            assertThat(s.post("agent-a1", "/api/v1/offers/" + offerId + "/accept", "{}")
                            .status())
                    .isEqualTo(403);
            var accepted = s.post("agent-a0", "/api/v1/offers/" + offerId + "/accept", "{}");
            assertThat(accepted.status()).isEqualTo(200);
            String assignment = fact(accepted.json(), "AssignmentStarted")
                    .get("assignmentId")
                    .asText();
            var late = s.post("agent-a0", "/api/v1/offers/" + offerId + "/reject", "{}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.header("Content-Type")).startsWith("application/problem+json");

            var ended = s.post("agent-a0", "/api/v1/offers/" + offerId + "/end", "{}");
            assertThat(ended.status()).isEqualTo(200);
            fact(ended.json(), "WrapUpStarted");
            assertThat(s.post("agent-a1", "/api/v1/assignments/" + assignment + "/end-wrap-up", "{}")
                            .status())
                    .isEqualTo(403);
            var free = s.post("agent-a0", "/api/v1/assignments/" + assignment + "/end-wrap-up", "{}");
            assertThat(free.status()).isEqualTo(200);
            fact(free.json(), "AssignmentEnded");

            var agent = s.get("agent-a0", "/api/v1/agents/a0");
            assertThat(agent.json().get("presence").asText()).isEqualTo("READY");
            assertThat(agent.json().get("assignmentIds")).isEmpty();

            var trace = s.get(
                    "supervisor",
                    "/api/v1/interactions/"
                            + created.json().get("interactionId").asText() + "/trace");
            assertThat(trace.status()).isEqualTo(200);
            List<String> inputs = new ArrayList<>();
            trace.json()
                    .get("entries")
                    .forEach(e -> inputs.add(e.get("input").get("type").asText()));
            assertThat(inputs).containsSubsequence("CreateInteraction", "AcceptOffer", "EndInteraction", "EndWrapUp");

            var out = s.post("agent-a0", "/api/v1/agents/a0/logout", "{}");
            assertThat(out.status()).isEqualTo(200);
        }
    }

    @Test
    void anInventoryEndsWhatItsSourceNoLongerHasAndNamesWhatTheRouterDoesNotKnow() throws Exception {
        for (int i = 0; i < 3; i++) {
            s.post(
                    "integration",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"pbx:" + i + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
        }
        var r = s.post(
                "integration", "/api/v1/sources/pbx/inventory", "{\"sourceRefs\":[\"pbx:0\",\"pbx:2\",\"pbx:9\"]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("endedAsLost")).hasSize(1);
        assertThat(r.json().get("unknown").get(0).asText()).isEqualTo("pbx:9");
        var ended = s.get(
                "supervisor",
                "/api/v1/interactions/" + r.json().get("endedAsLost").get(0).asText());
        assertThat(ended.json().get("endReason").asText()).isEqualTo("LOST_DURING_OUTAGE");
    }

    @Test
    void aBackOfficeNamesTheCustomerOfACallThatArrivedUnknownAndTheReferenceThenStands() throws Exception {
        var created = s.post(
                "integration", "/api/v1/interactions", "{\"sourceRef\":\"crm:unknown.1\",\"channel\":\"voice\"}");
        String id = created.json().get("interactionId").asText();
        String path = "/api/v1/interactions/" + id + "/customer";

        var identified = s.post("integration", path, "{\"customerRef\":\"cust-9\"}");
        assertThat(identified.status()).isEqualTo(200);
        assertThat(identified.json().at("/facts/0/type").asText()).isEqualTo("CustomerIdentified");
        assertThat(s.get("supervisor", "/api/v1/interactions/" + id)
                        .json()
                        .get("customerRef")
                        .asText())
                .isEqualTo("cust-9");
        var again = s.post("integration", path, "{\"customerRef\":\"cust-9\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("facts")).isEmpty();

        long before = s.journalLength();
        assertThat(s.post("agent-a0", path, "{\"customerRef\":\"cust-9\"}").status())
                .isEqualTo(403);
        assertThat(s.post("integration", path, "{}").status()).isEqualTo(422);
        assertThat(s.post("integration", path, "{\"customerRef\":\"4111111111111111\"}")
                        .status())
                .isEqualTo(422);
        assertThat(s.journalLength()).isEqualTo(before);
        assertThat(s.post("integration", path, "{\"customerRef\":\"cust-10\"}").status())
                .isEqualTo(409);
    }

    @Test
    void keepAlivesHoldTheSessionAndAnAgentTokenSeesOnlyItsOwnAdvisor() throws Exception {
        assertThat(s.post("agent-a1", "/api/v1/agents/a1/login", "{\"ready\":false}")
                        .status())
                .isEqualTo(200);
        var alive = s.post("agent-a1", "/api/v1/agents/a1/keepalive", "{}");
        assertThat(alive.status()).isEqualTo(200);
        assertThat(alive.json().get("sessionAttached").asBoolean()).isTrue();
        assertThat(s.get("agent-a1", "/api/v1/agents/a0").status()).isEqualTo(403);
        assertThat(s.get("agent-a1", "/api/v1/agents/a1")
                        .json()
                        .get("sessionAttached")
                        .asBoolean())
                .isTrue();
        assertThat(s.post("agent-a1", "/api/v1/agents/a1/logout", "{}").status())
                .isEqualTo(200);
    }
}
