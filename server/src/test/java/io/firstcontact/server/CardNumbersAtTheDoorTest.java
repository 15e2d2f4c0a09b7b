package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card number is refused wherever a request carries it — any body field, a field's name, a number, the path, the
 * query, the headers the API reads — however it is written, with a 422 that never echoes it; and it reaches neither
 * the journal, nor Redis' AOF, nor the event stream.
 */
class CardNumbersAtTheDoorTest {
    @TempDir
    static Path dir;

    static TestServer s;
    static String interaction;

    /** One test card in the ways people and systems write it. */
    static final List<String> FORMS = List.of(
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4111/1111/1111/1111",
            "4111_1111_1111_1111",
            "4111\u00A01111\u00A01111\u00A01111",
            "\uFF14\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11\uFF11",
            "\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661");

    /** What must never appear in an answer: any four digits of the card, in ASCII or as sent. */
    static final List<String> FRAGMENTS =
            List.of("4111", "1111", "\uFF11\uFF11\uFF11\uFF11", "\u0661\u0661\u0661\u0661");

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
        var created = s.post("integration", "/api/v1/interactions", "{\"sourceRef\":\"door:1\",\"channel\":\"voice\"}");
        assertThat(created.status()).isEqualTo(201);
        interaction = created.json().get("interactionId").asText();
        assertThat(s.post("admin", "/api/v1/agents/a0/login", "{\"ready\":false}")
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    /** A request whose body carries the card in one place: {@code C} stands for it. */
    record Attempt(String method, String path, String body) {
        Attempt(String path, String body) {
            this("POST", path, body);
        }
    }

    static List<Attempt> bodies() {
        String i = "/api/v1/interactions/" + interaction;
        return List.of(
                new Attempt("POST", "/api/v1/interactions", "{\"sourceRef\":\"C\",\"channel\":\"voice\"}"),
                new Attempt("POST", "/api/v1/interactions", "{\"sourceRef\":\"x:1\",\"channel\":\"C\"}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"customerRef\":\"C\"}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"conversationId\":\"C\"}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"attributes\":{\"note\":\"card C exp 12/29\"}}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"attributes\":{\"C\":\"x\"}}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"C\"}}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\","
                                + "\"requirements\":[{\"skill\":\"C\",\"minProficiency\":1}]}}"),
                new Attempt(
                        "POST",
                        "/api/v1/interactions",
                        "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\","
                                + "\"targets\":[{\"agentId\":\"C\",\"until\":\"2030-01-01T00:00:00Z\"}]}}"),
                new Attempt("POST", "/api/v1/interactions", "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"C\":1}"),
                new Attempt(i + "/attributes", "{\"attributes\":{\"caller\":\"C\"}}"),
                new Attempt(i + "/queue", "{\"queue\":{\"queue\":\"billing\",\"waitStartedAt\":\"C\"}}"),
                new Attempt(i + "/transfer", "{\"destination\":\"tel:C\"}"),
                new Attempt(i + "/transfer", "{\"agentId\":\"C\"}"),
                new Attempt(i + "/transfer", "{\"queue\":\"C\"}"),
                new Attempt(i + "/routing", "{\"targets\":[{\"agentId\":\"C\",\"until\":\"2030-01-01T00:00:00Z\"}]}"),
                new Attempt(i + "/end", "{\"reason\":\"C\"}"),
                new Attempt("/api/v1/agents/a0/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"C\"}"),
                new Attempt(
                        "PUT",
                        "/api/v1/agents/a3",
                        "{\"skills\":[{\"skill\":\"C\",\"proficiency\":1}],\"utilisationProfile\":\"council\","
                                + "\"routingProfile\":\"all\"}"),
                new Attempt("/api/v1/sources/pbx/inventory", "{\"sourceRefs\":[\"pbx:1\",\"C\"]}"),
                new Attempt("PUT", "/api/v1/config", "{\"queues\":[{\"id\":\"C\"}]}"));
    }

    @Test
    void aCardNumberInAnyFieldOfABodyIsRefusedWithoutEchoingIt() throws Exception {
        long before = s.journalLength();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Attempt a : bodies()) {
            for (String card : FORMS) {
                var r = s.send("admin", a.method(), a.path(), a.body().replace("C", card), Map.of());
                calls++;
                wrong.addAll(refusedWithoutEcho(a.method() + " " + a.path() + " " + a.body() + " [" + card + "]", r));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(s.journalLength()).isEqualTo(before);
        System.out.println("card numbers at the door: " + calls + " bodies refused");
    }

    @Test
    void aCardNumberSentAsAJsonNumberIsRefused() throws Exception {
        var r = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\",\"tier\":4111111111111111}}");
        assertThat(refusedWithoutEcho("tier", r)).isEmpty();
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("queue.tier");
    }

    @Test
    void theErrorNamesWhereTheCardWasButNotAFieldNamedLikeOne() throws Exception {
        var inValue = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\","
                        + "\"requirements\":[{\"skill\":\"billing\",\"minProficiency\":1},"
                        + "{\"skill\":\"4111 1111 1111 1111\",\"minProficiency\":1}]}}");
        assertThat(inValue.json().at("/errors/0/field").asText()).isEqualTo("queue.requirements[1].skill");
        var inName = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"x:1\",\"channel\":\"voice\",\"attributes\":{\"4111-1111-1111-1111\":\"x\"}}");
        assertThat(inName.json().at("/errors/0/field").asText()).isEqualTo("attributes");
    }

    @Test
    void aCardNumberInThePathTheQueryOrAHeaderIsRefusedWithoutEchoingIt() throws Exception {
        long before = s.journalLength();
        List<String> wrong = new ArrayList<>();
        for (String card :
                List.of("4111111111111111", "4111-1111-1111-1111", "4111.1111.1111.1111", "4111_1111_1111_1111")) {
            String encoded = java.net.URLEncoder.encode(card, StandardCharsets.UTF_8);
            wrong.addAll(refusedWithoutEcho("path", s.post("admin", "/api/v1/agents/" + encoded + "/login", "{}")));
            wrong.addAll(refusedWithoutEcho("path", s.get("admin", "/api/v1/interactions/int-" + encoded)));
            wrong.addAll(
                    refusedWithoutEcho("query", s.get("admin", "/api/v1/queues/billing/waiting?cursor=" + encoded)));
            wrong.addAll(refusedWithoutEcho("query name", s.get("admin", "/api/v1/agents?" + encoded + "=1")));
            wrong.addAll(refusedWithoutEcho(
                    "Last-Event-ID",
                    s.send(
                            "admin",
                            "GET",
                            "/api/v1/events",
                            null,
                            Map.of("Last-Event-ID", "1-" + card.replace(' ', '-')))));
            wrong.addAll(refusedWithoutEcho(
                    "If-Match",
                    s.send("admin", "PUT", "/api/v1/config", "{}", Map.of("If-Match", "\"" + card + "\""))));
        }
        assertThat(wrong).isEmpty();
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyHoldingACardNumberIsRefusedAndNotRemembered() throws Exception {
        String body = "{\"sourceRef\":\"door:key\",\"channel\":\"voice\"}";
        var refused = s.send(
                "integration", "POST", "/api/v1/interactions", body, Map.of("Idempotency-Key", "4111-1111-1111-1111"));
        assertThat(refusedWithoutEcho("Idempotency-Key", refused)).isEmpty();
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("header Idempotency-Key");
        var created =
                s.send("integration", "POST", "/api/v1/interactions", body, Map.of("Idempotency-Key", "door-key-1"));
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void noCardNumberReachesTheJournalTheAofOrTheEventStream() throws Exception {
        String token = TestServer.TOKENS.get("admin");
        try (Sse stream = new Sse(s.client(), s.base() + "/api/v1/events", token, null)) {
            stream.awaitConnected();
            for (Attempt a : bodies()) {
                s.send("admin", a.method(), a.path(), a.body().replace("C", "4111 1111 1111 1111"), Map.of());
            }
            var last = s.post(
                    "integration", "/api/v1/interactions", "{\"sourceRef\":\"door:last\",\"channel\":\"voice\"}");
            String entry = last.json().get("entryId").asText();
            var seen = stream.until(e -> entry.equals(e.id()), Duration.ofSeconds(10));
            assertThat(seen.toString()).doesNotContain("4111", "1111 1111");
        }
        // Redis writes each command to the AOF before it replies (the journal's entries in plain RESP).
        Path aof = s.dataDir.resolve("redis").resolve("appendonly.aof");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(aof, StandardCharsets.ISO_8859_1).contains("door:last")) {
            assertThat(System.nanoTime() - deadline)
                    .as("the AOF holds the last entry")
                    .isNegative();
            Thread.onSpinWait();
        }
        assertThat(Files.readString(aof, StandardCharsets.ISO_8859_1)).doesNotContain("4111", "1111 1111", "1111-1111");
        String from = "0-0";
        for (var page = s.server.runtime().stream().read(from, 1_000);
                !page.isEmpty();
                page = s.server.runtime().stream().read(from, 1_000)) {
            for (var e : page) {
                assertThat(new String(e.payload(), StandardCharsets.UTF_8)).doesNotContain("4111", "1111 1111");
                from = e.id();
            }
        }
    }

    /** What is wrong with an answer to a request carrying a card: not a 422 card-number problem, or echoing it. */
    static List<String> refusedWithoutEcho(String what, ApiClient.Response r) {
        List<String> wrong = new ArrayList<>();
        String body = r.raw().body();
        if (r.status() != 422
                || r.json() == null
                || !"/problems/card-number".equals(r.json().path("type").asText())) {
            wrong.add(what + " → " + r.status() + " " + body);
        }
        for (String fragment : FRAGMENTS) {
            if (body.contains(fragment)) {
                wrong.add(what + ": the answer echoes the card: " + body);
            }
        }
        if (r.json() != null && r.json().has("instance")) {
            wrong.add(what + ": the answer writes the request's path back");
        }
        return wrong;
    }
}
