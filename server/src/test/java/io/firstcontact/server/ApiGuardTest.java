package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint refuses what it must and changes nothing when it does: unauthenticated and wrong-role calls, malformed
 * or oversized bodies, unknown fields, bad ids; idempotency keys; configuration with If-Match; the event stream's
 * resume. No advisor logs in here, so interactions stay waiting.
 */
class ApiGuardTest {
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

    record Route(String method, String path, String body, Set<String> allowed) {}

    static final Set<String> ALL = Set.of("admin", "supervisor", "integration", "agent-a0");
    static final Set<String> READERS = Set.of("admin", "supervisor", "integration");

    /** Each route with the roles allowed; an agent token is tried on its own advisor (a0). */
    static List<Route> routes() {
        String call = "{\"sourceRef\":\"guard:1\",\"channel\":\"voice\"}";
        return List.of(
                new Route("POST", "/api/v1/interactions", call, Set.of("admin", "integration")),
                new Route("GET", "/api/v1/interactions", null, ALL),
                new Route("GET", "/api/v1/interactions/none", null, ALL),
                new Route(
                        "POST",
                        "/api/v1/interactions/none/queue",
                        "{\"queue\":{\"queue\":\"billing\"}}",
                        Set.of("admin", "integration")),
                new Route(
                        "POST",
                        "/api/v1/interactions/none/attributes",
                        "{\"attributes\":{}}",
                        Set.of("admin", "integration")),
                new Route(
                        "POST",
                        "/api/v1/interactions/none/customer",
                        "{\"customerRef\":\"cust-1\"}",
                        Set.of("admin", "integration")),
                new Route(
                        "POST",
                        "/api/v1/interactions/none/routing",
                        "{\"tier\":1}",
                        Set.of("admin", "integration", "supervisor")),
                new Route("POST", "/api/v1/interactions/none/transfer", "{\"queue\":\"billing\"}", ALL),
                new Route(
                        "POST",
                        "/api/v1/interactions/none/end",
                        "{\"reason\":\"COMPLETED\"}",
                        Set.of("admin", "integration")),
                new Route("GET", "/api/v1/interactions/none/trace", null, Set.of("admin", "supervisor")),
                new Route("POST", "/api/v1/sources/x/inventory", "{\"sourceRefs\":[]}", Set.of("admin", "integration")),
                new Route(
                        "PUT",
                        "/api/v1/agents/zz",
                        "{\"skills\":[],\"utilisationProfile\":\"council\",\"routingProfile\":\"all\"}",
                        Set.of("admin")),
                new Route("GET", "/api/v1/agents", null, Set.of("admin", "supervisor", "integration")),
                new Route("GET", "/api/v1/agents/a0", null, ALL),
                new Route(
                        "POST",
                        "/api/v1/agents/a0/login",
                        "{\"ready\":false}",
                        Set.of("admin", "integration", "agent-a0")),
                new Route("POST", "/api/v1/agents/a0/logout", "{}", ALL),
                new Route(
                        "POST", "/api/v1/agents/a0/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"BREAK\"}", ALL),
                new Route("POST", "/api/v1/agents/a0/keepalive", "{}", Set.of("admin", "integration", "agent-a0")),
                new Route("GET", "/api/v1/offers/none", null, ALL),
                new Route("POST", "/api/v1/offers/none/delivered", "{}", ALL),
                new Route("POST", "/api/v1/offers/none/accept", "{}", Set.of("admin", "integration", "agent-a0")),
                new Route("POST", "/api/v1/offers/none/reject", "{}", Set.of("admin", "integration", "agent-a0")),
                new Route("POST", "/api/v1/offers/none/end", "{}", Set.of("admin", "integration", "agent-a0")),
                new Route(
                        "POST",
                        "/api/v1/assignments/none/end-wrap-up",
                        "{}",
                        Set.of("admin", "integration", "agent-a0")),
                new Route(
                        "POST",
                        "/api/v1/assignments/none/extend-wrap-up",
                        "{\"extraSeconds\":5}",
                        Set.of("admin", "integration", "agent-a0")),
                new Route("GET", "/api/v1/queues", null, ALL),
                new Route("GET", "/api/v1/queues/billing", null, ALL),
                new Route("GET", "/api/v1/queues/billing/waiting", null, Set.of("admin", "supervisor", "integration")),
                new Route("POST", "/api/v1/queues/billing/open", "{}", Set.of("admin", "supervisor")),
                new Route("POST", "/api/v1/queues/billing/close", "{}", Set.of("admin", "supervisor")),
                new Route("GET", "/api/v1/ivr/flows", null, Set.of("admin", "supervisor")),
                new Route("PUT", "/api/v1/ivr/flows", "{}", Set.of("admin")),
                new Route("GET", "/api/v1/ivr/calendars", null, Set.of("admin", "supervisor")),
                new Route("POST", "/api/v1/ivr/calendars/office/close", "{}", Set.of("admin", "supervisor")),
                new Route("POST", "/api/v1/ivr/calendars/office/open", "{}", Set.of("admin", "supervisor")),
                new Route("POST", "/api/v1/interactions/none/ivr", "{}", Set.of("admin", "integration")),
                new Route(
                        "POST",
                        "/api/v1/interactions/none/ivr/replies",
                        "{\"text\":\"1\"}",
                        Set.of("admin", "integration")),
                new Route("POST", "/api/v1/interactions/none/ivr/no-reply", "{}", Set.of("admin", "integration")),
                new Route("POST", "/api/v1/interactions/none/ivr/leave", "{}", Set.of("admin", "integration")),
                new Route("GET", "/api/v1/config", null, Set.of("admin", "supervisor")),
                new Route("PUT", "/api/v1/config", "{}", Set.of("admin")),
                new Route("GET", "/api/v1/interactions/none/account", null, ALL),
                new Route(
                        "GET",
                        "/api/v1/accounts/customer/C-100001",
                        null,
                        Set.of("admin", "supervisor", "integration")),
                new Route("GET", "/api/v1/account-routing", null, Set.of("admin", "supervisor")),
                new Route(
                        "PUT",
                        "/api/v1/account-routing/queues/billing",
                        "{\"enabled\":true}",
                        Set.of("admin", "supervisor")),
                new Route("GET", "/api/v1/openapi.yaml", null, ALL),
                new Route("GET", "/api/v1/statistics/definition", null, READERS),
                new Route("GET", "/api/v1/statistics/queues", null, READERS),
                new Route("GET", "/api/v1/statistics/queues/billing", null, READERS),
                new Route("GET", "/api/v1/statistics/channels", null, READERS),
                new Route("GET", "/api/v1/statistics/centre", null, READERS),
                new Route("GET", "/api/v1/statistics/advisors", null, READERS),
                new Route("GET", "/api/v1/statistics/advisors/a0", null, READERS),
                new Route("GET", "/api/v1/statistics/alerts", null, READERS),
                new Route("GET", "/api/v1/statistics/intervals", null, READERS),
                new Route("GET", "/api/v1/statistics/days", null, READERS),
                new Route("GET", "/api/v1/statistics/export/intervals.csv", null, READERS),
                new Route("GET", "/api/v1/statistics/export/contacts.csv", null, READERS),
                new Route(
                        "POST",
                        "/api/v1/customers/cust-1/online-activity",
                        "{\"activity\":\"registered\"}",
                        Set.of("admin", "integration")));
    }

    @Test
    void everyEndpointRefusesUnauthenticatedAndWrongRoleCallsAndChangesNothing() throws Exception {
        long before = s.journalLength();
        List<String> wrong = new ArrayList<>();
        for (Route r : routes()) {
            for (String who : new String[] {null, "not-a-token"}) {
                var res = s.send(who, r.method(), r.path(), r.body(), Map.of());
                if (res.status() != 401 || !res.header("Content-Type").startsWith("application/problem+json")) {
                    wrong.add(r.method() + " " + r.path() + " as " + who + " → " + res.status());
                }
            }
            for (String who : List.of("admin", "supervisor", "integration", "agent-a1")) {
                boolean allowed = r.allowed().contains(who)
                        || (who.equals("agent-a1")
                                && r.allowed().contains("agent-a0")
                                && !r.path().contains("/a0"));
                if (allowed) {
                    continue;
                }
                var res = s.send(who, r.method(), r.path(), r.body(), Map.of());
                if (res.status() != 403) {
                    wrong.add(r.method() + " " + r.path() + " as " + who + " → " + res.status());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void badInputGetsAClearProblemAndChangesNothing() throws Exception {
        long before = s.journalLength();
        var malformed = s.post("integration", "/api/v1/interactions", "{\"sourceRef\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).isEqualTo("/problems/malformed-request");

        var unknown = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");

        var wrongType = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\",\"tier\":\"high\"}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("queue.tier");

        var missing = s.post("integration", "/api/v1/interactions", "{\"channel\":\"voice\"}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("sourceRef");

        var badId = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"" + "x".repeat(200) + "\",\"channel\":\"voice\"}");
        assertThat(badId.status()).isEqualTo(422);

        var tier = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:2\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\",\"tier\":42}}");
        assertThat(tier.status()).isEqualTo(422);
        assertThat(tier.json().get("errors").get(0).get("field").asText()).isEqualTo("queue.tier");

        var unknownQueue = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:3\",\"channel\":\"voice\",\"queue\":{\"queue\":\"nowhere\"}}");
        assertThat(unknownQueue.status()).isBetween(404, 422);

        var oversized = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:4\",\"channel\":\"voice\",\"attributes\":{\"a\":\"" + "y".repeat(70_000) + "\"}}");
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.header("Content-Type")).startsWith("application/problem+json");

        var notJson = s.send(
                "integration", "POST", "/api/v1/interactions", "sourceRef=x", Map.of("Content-Type", "text/plain"));
        assertThat(notJson.status()).isEqualTo(415);

        var badKey = s.send(
                "integration",
                "POST",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:5\",\"channel\":\"voice\"}",
                Map.of("Idempotency-Key", "has spaces"));
        assertThat(badKey.status()).isEqualTo(422);

        var notFound = s.get("admin", "/api/v1/nothing-here");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Content-Type")).startsWith("application/problem+json");

        var badLimit = s.get("admin", "/api/v1/queues/billing/waiting?limit=0");
        assertThat(badLimit.status()).isEqualTo(422);
        var badCursor = s.get("admin", "/api/v1/queues/billing/waiting?cursor=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(422);
        assertThat(badCursor.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");

        // Refusals by the engine are journaled as refused commands? No: they change no state, but are entries.
        long after = s.journalLength();
        assertThat(after - before)
                .as("only the refused-by-engine command (unknown queue) may be journaled, as a refusal")
                .isLessThanOrEqualTo(1);
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstResult() throws Exception {
        String body = "{\"sourceRef\":\"idem:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}";
        var first = s.send("integration", "POST", "/api/v1/interactions", body, Map.of("Idempotency-Key", "k-1"));
        long length = s.journalLength();
        var again = s.send("integration", "POST", "/api/v1/interactions", body, Map.of("Idempotency-Key", "k-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(s.journalLength()).isEqualTo(length);

        var reused = s.send(
                "integration",
                "POST",
                "/api/v1/interactions",
                body.replace("idem:1", "idem:2"),
                Map.of("Idempotency-Key", "k-1"));
        assertThat(reused.status()).isEqualTo(422);

        // Creation is idempotent on sourceRef too: a second key for the same source object names the first.
        var sameSource = s.send("integration", "POST", "/api/v1/interactions", body, Map.of("Idempotency-Key", "k-2"));
        assertThat(sameSource.status()).isEqualTo(200);
        assertThat(sameSource.json().get("interactionId"))
                .isEqualTo(first.json().get("interactionId"));
        assertThat(sameSource.json().get("existing").asBoolean()).isTrue();
    }

    @Test
    void queueViewsShowEachWaitingInteractionsPositionInPages() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var r = s.post(
                    "integration",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"view:" + i + "\",\"channel\":\"email\",\"queue\":{\"queue\":\"email\"}}");
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.json().get("interactionId").asText());
        }
        var queue = s.get("supervisor", "/api/v1/queues/email");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.json().get("waiting").asInt()).isEqualTo(5);
        assertThat(queue.json().get("oldestWaitingSince").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = s.get(
                    "supervisor", "/api/v1/queues/email/waiting?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode e : page.json().get("items")) {
                seen.add(e.get("interactionId").asText());
                assertThat(e.get("position").asInt()).isEqualTo(seen.size());
                assertThat(e.get("expectedWaitMillis").isNull())
                        .as("unstaffed: no estimate")
                        .isTrue();
            }
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).isEqualTo(ids);
    }

    @Test
    void configurationChangesNeedTheCurrentVersionInIfMatch() throws Exception {
        var current = s.get("admin", "/api/v1/config");
        assertThat(current.status()).isEqualTo(200);
        String etag = current.header("ETag");
        String config = TestServer.JSON.writeValueAsString(current.json().get("config"));

        var without = s.send("admin", "PUT", "/api/v1/config", config, Map.of());
        assertThat(without.status()).isEqualTo(428);
        var stale = s.send("admin", "PUT", "/api/v1/config", config, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        var misshapen = s.send(
                "admin",
                "PUT",
                "/api/v1/config",
                "{\"colour\":\"blue\"," + config.substring(1),
                Map.of("If-Match", etag));
        assertThat(misshapen.status()).isEqualTo(400); // an unknown field, as in every other body
        assertThat(misshapen.json().path("errors").findValuesAsText("field")).containsExactly("colour");
        var renamed = s.send(
                "admin", "PUT", "/api/v1/config", config.replace("\"queues\"", "\"queuez\""), Map.of("If-Match", etag));
        assertThat(renamed.status()).isEqualTo(400);
        var invalid = s.send(
                "admin",
                "PUT",
                "/api/v1/config",
                config.replaceFirst("\"offerTimeoutMillis\":\\d+", "\"offerTimeoutMillis\":-1"),
                Map.of("If-Match", etag));
        assertThat(invalid.status()).as(invalid.raw().body()).isEqualTo(422); // the right shape, a refused value

        var applied = s.send("admin", "PUT", "/api/v1/config", config, Map.of("If-Match", etag));
        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(200);
        assertThat(applied.header("ETag")).isNotEqualTo(etag);
        assertThat(s.get("admin", "/api/v1/config").header("ETag")).isEqualTo(applied.header("ETag"));
    }

    @Test
    void theEventStreamResumesFromLastEventIdWithoutGapOrDuplicate() throws Exception {
        String token = TestServer.TOKENS.get("integration");
        List<String> firstIds = new ArrayList<>();
        try (Sse live = new Sse(s.client(), s.base() + "/api/v1/events", token, null)) {
            live.awaitConnected();
            for (int i = 0; i < 6; i++) {
                var r = s.post(
                        "integration",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"sse:" + i + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
                firstIds.add(r.json().get("entryId").asText());
            }
            var seen = live.until(e -> e.id() != null && e.id().equals(firstIds.get(5)), Duration.ofSeconds(10));
            assertThat(seen.stream().map(Sse.Event::id).toList()).containsSubsequence(firstIds);
        }
        List<String> later = new ArrayList<>();
        for (int i = 6; i < 9; i++) {
            var r = s.post(
                    "integration",
                    "/api/v1/interactions",
                    "{\"sourceRef\":\"sse:" + i + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
            later.add(r.json().get("entryId").asText());
        }
        List<String> expected = new ArrayList<>(firstIds.subList(3, 6));
        expected.addAll(later);
        try (Sse resumed = new Sse(s.client(), s.base() + "/api/v1/events", token, firstIds.get(2))) {
            var seen = resumed.until(e -> later.get(2).equals(e.id()), Duration.ofSeconds(10));
            assertThat(seen.stream().map(Sse.Event::id).toList()).isEqualTo(expected);
            assertThat(seen.get(0).data().get("events").get(0).get("type").asText())
                    .isEqualTo("InteractionCreated");
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementListener() throws Exception {
        var ready = s.send(null, "GET", s.management() + "/health/ready", null, Map.of());
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.json().get("mode").asText()).isEqualTo("production");
        var health = s.send(null, "GET", s.management() + "/health", null, Map.of());
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("routing").asText()).isEqualTo("OPEN");
        var metrics = s.send(null, "GET", s.management() + "/metrics", null, Map.of());
        assertThat(metrics.raw().body())
                .contains("firstcontact_engine_decision_seconds_count")
                .contains("firstcontact_journal_commit_seconds")
                .contains("firstcontact_queue_waiting")
                .contains("mode=\"production\"");
    }
}
