package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API takes only what it documents: JSON media types, one key once, integers as integers within their range,
 * times a calendar can hold, well-formed chunked bodies; and its problems never echo a submitted value.
 */
class StrictRequestsTest {
    @TempDir
    static Path dir;

    static TestServer s;
    static final AtomicLong SOURCES = new AtomicLong();

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static String queued(String queueFields) {
        return "{\"sourceRef\":\"strict:" + SOURCES.incrementAndGet()
                + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"" + queueFields + "}}";
    }

    static ApiClient.Response create(String body) throws Exception {
        return s.post("integration", "/api/v1/interactions", body);
    }

    static String field(ApiClient.Response r) {
        return r.json().at("/errors/0/field").asText();
    }

    @Test
    void aFractionIsNeverTakenForAnInteger() throws Exception {
        long before = s.journalLength();
        for (String tier : List.of("1.5", "1.0", "1e0", "0.999")) {
            var r = create(queued(",\"tier\":" + tier));
            assertThat(r.status()).as(tier + r.raw().body()).isEqualTo(400);
            assertThat(field(r)).isEqualTo("queue.tier");
        }
        var bonus = create(queued(",\"ageBonusSeconds\":1.5"));
        assertThat(bonus.status()).isEqualTo(400);
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void everyIntegerOutsideItsDocumentedRangeIs422NamingTheField() throws Exception {
        long before = s.journalLength();
        for (String tier : List.of("-1", "10", "2147483648", "1099511627776", "9223372036854775807")) {
            var r = create(queued(",\"tier\":" + tier));
            assertThat(r.status()).as(tier).isEqualTo(422);
            assertThat(field(r)).isEqualTo("queue.tier");
        }
        var huge = create(queued(",\"tier\":99999999999999999999"));
        assertThat(huge.status()).as(huge.raw().body()).isEqualTo(400); // not even a 64-bit integer
        assertThat(field(huge)).isEqualTo("queue.tier");
        var proficiency = create(queued(",\"requirements\":[{\"skill\":\"billing\",\"minProficiency\":11}]"));
        assertThat(proficiency.status()).isEqualTo(422);
        assertThat(field(proficiency)).isEqualTo("queue.requirements[0].minProficiency");
        var bonus = create(queued(",\"ageBonusSeconds\":604801"));
        assertThat(bonus.status()).isEqualTo(422);
        assertThat(field(bonus)).isEqualTo("queue.ageBonusSeconds");
        var define = s.send(
                "admin",
                "PUT",
                "/api/v1/agents/a3",
                "{\"skills\":[{\"skill\":\"billing\",\"proficiency\":4294967297}],\"utilisationProfile\":\"council\","
                        + "\"routingProfile\":\"all\"}",
                Map.of());
        assertThat(define.status()).isEqualTo(422);
        assertThat(field(define)).isEqualTo("skills[0].proficiency");
        var extend = s.post("admin", "/api/v1/assignments/as-1/extend-wrap-up", "{\"extraSeconds\":0}");
        assertThat(extend.status()).isEqualTo(422);
        assertThat(field(extend)).isEqualTo("extraSeconds");
        assertThat(s.post("supervisor", "/api/v1/interactions/int-1/routing", "{\"tier\":10}")
                        .status())
                .isEqualTo(422);
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void aValueOfAnotherJsonTypeIsNeverConverted() throws Exception {
        assertThat(create("{\"sourceRef\":123,\"channel\":\"voice\"}").status()).isEqualTo(400);
        assertThat(create("{\"sourceRef\":\"x:1\",\"channel\":true}").status()).isEqualTo(400);
        assertThat(create(queued(",\"tier\":\"1\"")).status()).isEqualTo(400);
        assertThat(s.post("admin", "/api/v1/agents/a0/login", "{\"ready\":\"true\"}")
                        .status())
                .isEqualTo(400);
        assertThat(s.post("admin", "/api/v1/agents/a0/presence", "{\"presence\":0}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void onlyJsonMediaTypesAreTakenAsJson() throws Exception {
        for (String type : List.of(
                "application/jsonx",
                "application/json-patch",
                "application/jsonl",
                "text/json",
                "application/x-www-form-urlencoded",
                "application/+json",
                "application/json; charset=iso-8859-1")) {
            var r = s.send("integration", "POST", "/api/v1/interactions", queued(""), Map.of("Content-Type", type));
            assertThat(r.status()).as(type).isEqualTo(415);
        }
        for (String type : List.of(
                "application/json",
                "Application/JSON",
                "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\"",
                "application/vnd.firstcontact+json")) {
            var r = s.send("integration", "POST", "/api/v1/interactions", queued(""), Map.of("Content-Type", type));
            assertThat(r.status()).as(type).isEqualTo(201);
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedAndChangesNothing() throws Exception {
        long before = s.journalLength();
        var top = create("{\"sourceRef\":\"dup:1\",\"sourceRef\":\"dup:2\",\"channel\":\"voice\"}");
        assertThat(top.status()).isEqualTo(400);
        assertThat(field(top)).isEmpty();
        var nested = create("{\"sourceRef\":\"dup:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\","
                + "\"queue\":\"email\"}}");
        assertThat(nested.status()).isEqualTo(400);
        assertThat(field(nested)).isEqualTo("queue");
        var attributes =
                create("{\"sourceRef\":\"dup:1\",\"channel\":\"voice\",\"attributes\":{\"a\":\"1\",\"a\":\"2\"}}");
        assertThat(attributes.status()).isEqualTo(400);
        assertThat(field(attributes)).isEqualTo("attributes");
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void aTimeBeyondTheYear9999Is422AndNeverA500() throws Exception {
        long before = s.journalLength();
        for (String time : List.of(
                "+1000000000-01-01T00:00:00Z",
                "-1000000000-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z",
                "2026-13-01T00:00:00Z",
                "yesterday")) {
            var wait = create(queued(",\"waitStartedAt\":\"" + time + "\""));
            assertThat(wait.status()).as(time).isEqualTo(422);
            assertThat(field(wait)).as(wait.raw().body()).isEqualTo("queue.waitStartedAt");
            var target = create(queued(",\"targets\":[{\"agentId\":\"a0\",\"until\":\"" + time + "\"}]"));
            assertThat(target.status()).as(time).isEqualTo(422);
            assertThat(field(target)).as(target.raw().body()).isEqualTo("queue.targets[0].until");
            var routing = s.post(
                    "supervisor",
                    "/api/v1/interactions/int-1/routing",
                    "{\"targets\":[{\"agentId\":\"a0\",\"until\":\"" + time + "\"}]}");
            assertThat(routing.status()).as(time).isEqualTo(422);
            assertThat(field(routing)).isEqualTo("targets[0].until");
        }
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void noProblemDetailOrFieldErrorEchoesASubmittedValue() throws Exception {
        String m = "zq9marker";
        var self = create("{\"sourceRef\":\"echo:1\",\"channel\":\"voice\"}");
        String id = self.json().get("interactionId").asText();
        List<ApiClient.Response> answers = new ArrayList<>(List.of(
                create("{\"sourceRef\":\"echo:2\",\"channel\":\"" + m + "\"}"),
                create("{\"sourceRef\":\"" + m + "x".repeat(200) + "\",\"channel\":\"voice\"}"),
                create("{\"sourceRef\":\"" + m + " with spaces\",\"channel\":\"voice\"}"),
                create(queued("").replace("\"billing\"", "\"" + m + "\"")),
                create(queued(",\"requirements\":[{\"skill\":\"" + m + "\",\"minProficiency\":1}]")),
                create(queued(",\"targets\":[{\"agentId\":\"" + m + "\",\"until\":\"2030-01-01T00:00:00Z\"}]")),
                create(queued(",\"tier\":987654")),
                s.post("integration", "/api/v1/interactions/" + id + "/transfer", "{\"queue\":\"" + m + "\"}"),
                s.post("integration", "/api/v1/interactions/" + id + "/transfer", "{\"agentId\":\"" + m + "\"}"),
                s.post("integration", "/api/v1/interactions/" + id + "/end", "{\"reason\":\"" + m + "\"}"),
                s.post("admin", "/api/v1/agents/a1/presence", "{\"presence\":\"NOT_READY\",\"reason\":\"" + m + "\"}"),
                s.send(
                        "admin",
                        "PUT",
                        "/api/v1/agents/a3",
                        "{\"skills\":[],\"utilisationProfile\":\"" + m + "\",\"routingProfile\":\"all\"}",
                        Map.of()),
                s.send(
                        "admin",
                        "PUT",
                        "/api/v1/agents/a3",
                        "{\"skills\":[{\"skill\":\"" + m + "\",\"proficiency\":3},{\"skill\":\"" + m
                                + "\",\"proficiency\":4}],\"utilisationProfile\":\"council\",\"routingProfile\":\"all\"}",
                        Map.of()),
                s.post("integration", "/api/v1/sources/pbx/inventory", "{\"sourceRefs\":[\"" + m + " x\"]}"),
                s.post("admin", "/api/v1/offers/" + m + "/accept", null),
                s.post("admin", "/api/v1/offers/" + m + "/delivered", null),
                s.post("admin", "/api/v1/assignments/" + m + "/end-wrap-up", null),
                s.post("admin", "/api/v1/agents/" + m + "/login", "{}"),
                s.post("admin", "/api/v1/agents/" + m + "/keepalive", null),
                s.post("integration", "/api/v1/interactions/" + m + "/queue", "{\"queue\":{\"queue\":\"billing\"}}"),
                s.post("admin", "/api/v1/queues/" + m + "/open", null),
                s.get("admin", "/api/v1/queues/" + m),
                s.get("admin", "/api/v1/agents/" + m),
                s.get("admin", "/api/v1/offers/" + m),
                s.get("admin", "/api/v1/interactions/" + m),
                s.get("admin", "/api/v1/interactions/" + m + "/trace"),
                s.get("admin", "/api/v1/queues/billing/waiting?cursor=" + m),
                s.get("admin", "/api/v1/queues/billing/waiting?limit=" + m),
                s.send("admin", "GET", "/api/v1/events", null, Map.of("Last-Event-ID", m)),
                s.send(
                        "integration",
                        "POST",
                        "/api/v1/interactions",
                        queued(""),
                        Map.of("Idempotency-Key", m + " with spaces"))));
        List<String> echoed = new ArrayList<>();
        for (ApiClient.Response r : answers) {
            assertThat(r.status()).as(r.raw().body()).isBetween(400, 499);
            String said = r.json().path("detail").asText() + " " + r.json().path("errors");
            if (said.contains(m) || said.contains("987654")) {
                echoed.add(r.status() + " " + r.raw().body());
            }
        }
        assertThat(echoed).isEmpty();
    }

    @Test
    void aChunkedBodyWithAMalformedChunkSizeIs400() throws Exception {
        String token = TestServer.TOKENS.get("integration");
        for (String chunkSize : List.of("zz", "-5", "ffffffffffffffffffff", "4;\u0000")) {
            try (Socket socket = new Socket("127.0.0.1", s.server.apiPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/interactions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + chunkSize + "\r\n{\"a\"\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = socket.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).as(chunkSize).matches("HTTP/1\\.[01] 400");
            }
        }
    }
}
