package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics through the API and {@code /metrics} of a real server: a call answered and handled, a call abandoned
 * while ringing, a customer's online activity; the same service level in both places; the CSV exports.
 */
class StatisticsApiTest {
    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
        assertThat(s.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}")
                        .status())
                .isEqualTo(200);
        String offer = offerOf(create("stats:1", "cust-1"));
        assertThat(s.post("agent-a0", "/api/v1/offers/" + offer + "/accept", "{}")
                        .status())
                .isEqualTo(200);
        assertThat(s.post("agent-a0", "/api/v1/offers/" + offer + "/end", "{}").status())
                .isEqualTo(200);
        assertThat(s.post("agent-a0", "/api/v1/assignments/" + offer + "/end-wrap-up", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode second = create("stats:2", "cust-2"); // rings at a0; the caller hangs up
        assertThat(s.post(
                                "integration",
                                "/api/v1/interactions/"
                                        + second.get("interactionId").asText() + "/end",
                                "{\"reason\":\"CUSTOMER_LEFT\"}")
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static JsonNode create(String sourceRef, String customerRef) throws Exception {
        var created = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\",\"customerRef\":\"" + customerRef
                        + "\",\"queue\":{\"queue\":\"billing\"}}");
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    private static String offerOf(JsonNode reply) {
        for (JsonNode f : reply.get("facts")) {
            if (f.get("type").asText().equals("OfferCreated")) {
                return f.get("offerId").asText();
            }
        }
        throw new AssertionError("no offer in " + reply);
    }

    private static double scraped(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
                .matcher(text);
        assertThat(m.find()).as(name + "{" + labels + "} in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void todaysQueueFiguresCountTheAnsweredAndTheAbandonedWhileRinging() throws Exception {
        var r = s.get("supervisor", "/api/v1/statistics/queues/billing");
        assertThat(r.status()).isEqualTo(200);
        JsonNode counts = r.json().at("/today/counts");
        assertThat(counts.get("offered").asLong()).isEqualTo(2);
        assertThat(counts.get("answered").asLong()).isEqualTo(1);
        assertThat(counts.get("answeredWithinThreshold").asLong()).isEqualTo(1);
        assertThat(counts.get("abandoned").asLong()).isEqualTo(1);
        assertThat(counts.get("abandonedWhileAlerting").asLong()).isEqualTo(1);
        assertThat(counts.get("handled").asLong()).isEqualTo(1);
        assertThat(r.json().get("thresholdSeconds").asDouble()).isEqualTo(30);
        assertThat(r.json().at("/advisors/READY").asInt()).isEqualTo(1);
    }

    @Test
    void theApiAndMetricsGiveTheSameServiceLevelForTheSameDay() throws Exception {
        JsonNode queue =
                s.get("supervisor", "/api/v1/statistics/queues/billing").json();
        String metrics = s.send(null, "GET", s.management() + "/metrics", null, Map.of())
                .raw()
                .body();

        double api = queue.at("/today/serviceLevel").asDouble();
        String labels = "channel=\"voice\",mode=\"production\",queue=\"billing\"";
        assertThat(scraped(metrics, "firstcontact_queue_service_level_ratio", labels))
                .isEqualTo(api);
        assertThat(scraped(metrics, "firstcontact_queue_today_answered", labels))
                .isEqualTo(queue.at("/today/counts/answered").asDouble());
        assertThat(scraped(metrics, "firstcontact_queue_today_abandoned", labels))
                .isEqualTo(queue.at("/today/counts/abandoned").asDouble());
        assertThat(scraped(metrics, "firstcontact_centre_service_level_ratio", "mode=\"production\""))
                .isEqualTo(s.get("supervisor", "/api/v1/statistics/centre")
                        .json()
                        .at("/today/serviceLevel")
                        .asDouble());
    }

    @Test
    void theBackOfficeReportsACustomersOnlineActivity() throws Exception {
        var reported =
                s.post("integration", "/api/v1/customers/cust-1/online-activity", "{\"activity\":\"paid-online\"}");
        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.json().at("/facts/0/type").asText()).isEqualTo("OnlineActivityReported");
        assertThat(reported.json().at("/facts/0/customerRef").asText()).isEqualTo("cust-1");

        long before = s.journalLength();
        assertThat(s.post("integration", "/api/v1/customers/cust-1/online-activity", "{}")
                        .status())
                .isEqualTo(422);
        assertThat(s.post(
                                "integration",
                                "/api/v1/customers/4111111111111111/online-activity",
                                "{\"activity\":\"paid-online\"}")
                        .status())
                .isEqualTo(422);
        assertThat(s.post("agent-a0", "/api/v1/customers/cust-1/online-activity", "{\"activity\":\"paid-online\"}")
                        .status())
                .isEqualTo(403);
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void intervalsAndContactsExportAsCsv() throws Exception {
        var intervals = s.get("supervisor", "/api/v1/statistics/export/intervals.csv");
        assertThat(intervals.status()).isEqualTo(200);
        assertThat(intervals.header("Content-Type")).startsWith("text/csv");
        assertThat(intervals.header("Content-Disposition")).startsWith("attachment; filename=\"intervals-");
        String[] lines = intervals.raw().body().split("\n");
        assertThat(lines[0]).startsWith("date,localStart,start,scope,name,channel,offered,answered");
        assertThat(intervals.raw().body()).contains(",queue,billing,voice,");

        // The handled contact is written to the history as its wrap-up ends, asynchronously: look until it is there.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String contacts;
        do {
            contacts = s.get("supervisor", "/api/v1/statistics/export/contacts.csv")
                    .raw()
                    .body();
        } while (!(contacts.contains("COMPLETED") && contacts.contains("CUSTOMER_LEFT"))
                && System.nanoTime() < deadline);
        assertThat(contacts.split("\n")[0]).startsWith("interactionId,channel,direction,arrivedAt");
        assertThat(contacts).contains("COMPLETED").contains("CUSTOMER_LEFT");
    }

    @Test
    void aDateRangeIsCheckedAndTheDefinitionSaysWhatServiceLevelMeans() throws Exception {
        String today = Instant.now().toString().substring(0, 10);
        assertThat(s.get("supervisor", "/api/v1/statistics/intervals?from=" + today + "&to=" + today)
                        .status())
                .isEqualTo(200);
        assertThat(s.get("supervisor", "/api/v1/statistics/intervals?from=yesterday")
                        .status())
                .isEqualTo(422);
        assertThat(s.get("supervisor", "/api/v1/statistics/days?from=2026-01-10&to=2026-01-01")
                        .status())
                .isEqualTo(422);
        assertThat(s.get("supervisor", "/api/v1/statistics/days?from=2020-01-01&to=2026-01-01")
                        .status())
                .isEqualTo(422);
        JsonNode definition =
                s.get("supervisor", "/api/v1/statistics/definition").json();
        assertThat(definition.at("/serviceLevel/abandons").asText()).isEqualTo("SHORT_ABANDONS_EXCLUDED");
        assertThat(definition.at("/serviceLevel/formula").asText())
                .isEqualTo("answered within T / (answered + abandoned - short abandons)");
        assertThat(definition.at("/queues/0/thresholdSeconds").asDouble()).isEqualTo(30);
    }
}
