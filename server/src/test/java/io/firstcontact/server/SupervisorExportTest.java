package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor signed in to the supervisor view downloads the statistics' CSV exports: the statistics API's own files,
 * for their session instead of a token, refused to advisors and to nobody signed in, with the API's check of the date
 * range, and audited.
 */
class SupervisorExportTest {
    private static final String PASSWORD = "a long pass phrase";

    @TempDir
    static Path dir;

    static TestServer s;
    static String today;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> desktop = Map.of(
                "staff",
                Map.of(
                        "users",
                        List.of(
                                Staff.user("sam", "Sam Reid", PASSWORD, "supervisor", null),
                                Staff.user("asha", "Asha Patel", PASSWORD, "advisor", "a1"))));
        s = TestServer.start(dir.resolve("data"), Map.of("desktop", desktop));
        s.handledCall("export:1");
        String zone = s.get("supervisor", "/api/v1/statistics/definition")
                .json()
                .path("zone")
                .asText();
        today = LocalDate.now(ZoneId.of(zone)).toString();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aSupervisorDownloadsTheSameContactsCsvAsTheApi() throws Exception {
        HttpClient sam = signedIn("sam");
        String query = "?from=" + today + "&to=" + today;
        // The handled contact reaches the history as its wrap-up ends, asynchronously: wait until the API has it.
        String api = awaitApi("/api/v1/statistics/export/contacts.csv" + query, "COMPLETED");

        HttpResponse<String> mine = sam.send(get("/supervisor/api/exports/contacts" + query), ofString());

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        assertThat(mine.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(mine.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"contacts-" + today + "-" + today + ".csv\"");
        assertThat(mine.body()).isEqualTo(api).contains("COMPLETED");
    }

    @Test
    void aSupervisorDownloadsTheSameIntervalsCsvAsTheApi() throws Exception {
        HttpClient sam = signedIn("sam");
        String query = "?from=" + today + "&to=" + today;
        String api = awaitApi("/api/v1/statistics/export/intervals.csv" + query, ",queue,billing,voice,");

        HttpResponse<String> mine = sam.send(get("/supervisor/api/exports/intervals" + query), ofString());

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        // The open interval's occupancy grows with the clock between the two reads; every other cell is equal.
        assertThat(withoutOccupancy(mine.body())).isEqualTo(withoutOccupancy(api));
    }

    @Test
    void anAdvisorIsRefused() throws Exception {
        HttpResponse<String> r = signedIn("asha").send(get("/supervisor/api/exports/contacts"), ofString());

        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void nobodySignedInIsRefused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(get("/supervisor/api/exports/intervals"), ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("date,localStart");
    }

    @Test
    void aRangeThatIsNotOneIsRefusedAsTheApiRefusesIt() throws Exception {
        HttpClient sam = signedIn("sam");
        for (String query : List.of(
                "?from=2026-01-10&to=2026-01-01",
                "?from=2020-01-01&to=2026-01-01",
                "?from=yesterday",
                "?to=2026-13-01")) {
            refusedByBoth(sam, query);
        }
        HttpResponse<String> tooLong =
                sam.send(get("/supervisor/api/exports/intervals?from=2020-01-01&to=2026-01-01"), ofString());
        assertThat(TestServer.JSON.readTree(tooLong.body()).path("detail").asText())
                .isEqualTo("a range spans at most 62 days (the history kept)");
    }

    @Test
    void eachExportIsAuditedWithWhoAndTheRange() throws Exception {
        HttpClient sam = signedIn("sam");
        sam.send(get("/supervisor/api/exports/intervals?from=" + today + "&to=" + today), ofString());
        sam.send(get("/supervisor/api/exports/contacts?from=2026-01-10&to=2026-01-01"), ofString());

        JsonNode audit = TestServer.JSON.readTree(
                sam.send(get("/supervisor/api/audit"), ofString()).body());

        assertThat(audit.path("items").toString())
                .contains("\"username\":\"sam\"")
                .contains("\"action\":\"export-intervals\",\"subject\":\"" + today + " to " + today + "\"")
                .contains("\"action\":\"export-contacts\",\"subject\":\"2026-01-10 to 2026-01-01\"")
                .contains("\"outcome\":\"failed: to must not be before from\"");
    }

    @Test
    void aSupervisorDownloadsTheIntervalsOfOneQueueOnly() throws Exception {
        String query = "?from=" + today + "&to=" + today;
        awaitApi("/api/v1/statistics/export/intervals.csv" + query, ",queue,billing,voice,");

        HttpResponse<String> mine =
                signedIn("sam").send(get("/supervisor/api/exports/intervals" + query + "&queue=billing"), ofString());

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
        List<String> rows = rows(mine.body());
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).contains(",queue,billing,voice,"));
    }

    @Test
    void aSupervisorDownloadsTheContactsOfOneChannelAsTheApiFiltersThem() throws Exception {
        HttpClient sam = signedIn("sam");
        String query = "?from=" + today + "&to=" + today;
        awaitApi("/api/v1/statistics/export/contacts.csv" + query, "COMPLETED");

        String calls = sam.send(get("/supervisor/api/exports/contacts" + query + "&channel=voice"), ofString())
                .body();
        String chatsAndEmails = sam.send(
                        get("/supervisor/api/exports/contacts" + query + "&channel=chat,email"), ofString())
                .body();

        assertThat(rows(calls)).isNotEmpty().allSatisfy(row -> assertThat(row).contains(",voice,"));
        assertThat(calls)
                .isEqualTo(s.get("supervisor", "/api/v1/statistics/export/contacts.csv" + query + "&channel=voice")
                        .raw()
                        .body());
        assertThat(rows(chatsAndEmails)).isEmpty();
        assertThat(chatsAndEmails)
                .isEqualTo(s.get(
                                "supervisor",
                                "/api/v1/statistics/export/contacts.csv" + query + "&channel=chat&channel=email")
                        .raw()
                        .body());
    }

    @Test
    void aQueueOrChannelTheCentreDoesNotHaveIsRefusedByName() throws Exception {
        HttpClient sam = signedIn("sam");
        for (String kind : List.of("contacts", "intervals")) {
            HttpResponse<String> queue =
                    sam.send(get("/supervisor/api/exports/" + kind + "?queue=billing,parkin"), ofString());
            HttpResponse<String> channel =
                    sam.send(get("/supervisor/api/exports/" + kind + "?channel=fax"), ofString());

            assertThat(queue.statusCode()).as(queue.body()).isEqualTo(422);
            assertThat(TestServer.JSON.readTree(queue.body()).path("detail").asText())
                    .isEqualTo("no queue named parkin in the routing configuration");
            assertThat(channel.statusCode()).as(channel.body()).isEqualTo(422);
            assertThat(TestServer.JSON.readTree(channel.body()).path("detail").asText())
                    .isEqualTo("no channel named fax in the routing configuration");
            var api = s.get("supervisor", "/api/v1/statistics/export/" + kind + ".csv?queue=parkin");
            assertThat(api.status()).isEqualTo(422);
            assertThat(api.json().path("errors").toString()).contains("no queue named parkin");
        }
    }

    @Test
    void anEmptyOrMalformedFilterIsRefused() throws Exception {
        HttpClient sam = signedIn("sam");
        for (String query : List.of("?queue=", "?queue=billing,,chat", "?channel=web%20chat")) {
            refusedByBoth(sam, query);
        }
    }

    @Test
    void aFilteredExportIsAuditedWithItsFilter() throws Exception {
        HttpClient sam = signedIn("sam");
        sam.send(
                get("/supervisor/api/exports/contacts?from=" + today + "&to=" + today + "&queue=billing&channel=voice"),
                ofString());
        sam.send(get("/supervisor/api/exports/intervals?channel=fax"), ofString());

        JsonNode audit = TestServer.JSON.readTree(
                sam.send(get("/supervisor/api/audit"), ofString()).body());

        assertThat(audit.path("items").toString())
                .contains("\"detail\":\"queue billing, channel voice\"")
                .contains("\"detail\":\"channel fax\"")
                .contains("\"outcome\":\"failed: no channel named fax in the routing configuration\"");
    }

    // ------------------------------------------------------------------ helpers

    /** The contacts export with {@code query} refused with 422 to the supervisor's session and to the API alike. */
    private static void refusedByBoth(HttpClient sam, String query) throws Exception {
        HttpResponse<String> r = sam.send(get("/supervisor/api/exports/contacts" + query), ofString());
        assertThat(r.statusCode()).as(query).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(s.get("supervisor", "/api/v1/statistics/export/contacts.csv" + query)
                        .status())
                .as(query)
                .isEqualTo(422);
    }

    /** The CSV's rows after its header. */
    private static List<String> rows(String csv) {
        List<String> lines = List.of(csv.split("\n"));
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
    }

    /** The intervals' CSV without its occupancy column. */
    private static String withoutOccupancy(String csv) {
        String[] lines = csv.split("\n");
        int column = List.of(lines[0].split(",", -1)).indexOf("occupancy");
        assertThat(column).isPositive();
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(column);
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    /** The API's export once it holds {@code expected}. */
    private static String awaitApi(String path, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body;
        do {
            body = s.get("supervisor", path).raw().body();
        } while (!body.contains(expected) && System.nanoTime() < deadline);
        assertThat(body).contains(expected);
        return body;
    }

    private static HttpClient signedIn(String username) throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = TestServer.JSON
                .readTree(browser.send(get("/auth/session"), ofString()).body())
                .path("csrfToken")
                .asText();
        HttpResponse<String> signIn = browser.send(
                HttpRequest.newBuilder(URI.create(s.base() + "/auth/password"))
                        .header("Content-Type", "application/json")
                        .header("X-CSRF-Token", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        return browser;
    }

    private static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(s.base() + path)).GET().build();
    }

    private static HttpResponse.BodyHandler<String> ofString() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
