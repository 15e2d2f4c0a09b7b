package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.desktop.Browser;
import io.firstcontact.desktop.staff.Argon2Passwords;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One definition of service level everywhere (issue 23): for the same day, the wallboard a supervisor watches in
 * Chromium, the REST API and {@code /metrics} give the same figure. The day: one call answered within T, one
 * abandoned while ringing, under a definition that counts abandons against the service level — one half.
 */
class OneServiceLevelTest {
    private static final String PASSWORD = "a long supervisor pass phrase";
    private static final String LABELS = "channel=\"voice\",mode=\"production\",queue=\"billing\"";

    @TempDir
    static Path dir;

    static TestServer s;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> desktop = Map.of(
                "staff",
                Map.of(
                        "users",
                        List.of(Map.of(
                                "username",
                                "sam",
                                "name",
                                "Sam Reid",
                                "passwordHash",
                                Argon2Passwords.hash(PASSWORD),
                                "roles",
                                List.of("supervisor")))));
        Map<String, Object> statistics =
                Map.of("serviceLevel", Map.of("abandons", "ABANDONS_COUNTED_AGAINST", "target", 0.8));
        s = TestServer.start(dir.resolve("data"), Map.of("desktop", desktop, "statistics", statistics));
        browser = new Browser();

        assertThat(s.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}")
                        .status())
                .isEqualTo(200);
        s.handle("a0", TestServer.offerOf(call("one-sl:1")));
        JsonNode abandoned = call("one-sl:2"); // rings at a0; the caller hangs up
        assertThat(s.post(
                                "integration",
                                "/api/v1/interactions/"
                                        + abandoned.get("interactionId").asText() + "/end",
                                "{\"reason\":\"CUSTOMER_LEFT\"}")
                        .status())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        s.close();
    }

    private static JsonNode call(String sourceRef) throws Exception {
        var created = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"" + sourceRef + "\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}");
        assertThat(created.status()).isEqualTo(201);
        return created.json();
    }

    private static Page wallboard() {
        Page page = browser.newPage();
        page.navigate("http://127.0.0.1:" + s.server.apiPort() + "/supervisor/wallboard");
        page.getByLabel("Username").fill("sam");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL("**/supervisor/wallboard");
        assertThat(page.locator(".wb-status")).hasText("Connected");
        return page;
    }

    @Test
    void theWallboardTheApiAndMetricsGiveTheSameServiceLevelForTheSameDay() throws Exception {
        Locator shown = wallboard().locator(".wb-tile[data-queue='billing'] .service-level");
        assertThat(shown).hasText("50 %");

        double onTheWallboard = Double.parseDouble(shown.getAttribute("data-ratio"));
        double fromTheApi = s.get("supervisor", "/api/v1/statistics/queues/billing")
                .json()
                .at("/today/serviceLevel")
                .asDouble();
        double inMetrics = s.scraped("firstcontact_queue_service_level_ratio", LABELS);

        assertThat(onTheWallboard).isEqualTo(0.5);
        assertThat(fromTheApi).isEqualTo(onTheWallboard);
        assertThat(inMetrics).isEqualTo(onTheWallboard);
    }

    @Test
    void theWallboardsChartCountsTheDaysContactsByInterval() {
        Page page = wallboard();
        page.locator("#chart-section summary").click();

        // Summed over the intervals, so that two calls either side of a quarter hour count the same.
        Object offered = page.evaluate("() => [...document.querySelectorAll('#day-table tbody tr')]"
                + ".reduce((n, r) => n + Number(r.querySelectorAll('td')[0].textContent), 0)");
        assertThat(((Number) offered).intValue()).isEqualTo(2);
        assertThat(page.locator("#day-chart")).hasAttribute("aria-label", Pattern.compile("2 contacts offered"));
    }

    @Test
    void aConditionTheStatisticsRaiseIsOnTheWallboardAtOnce() throws Exception {
        Page page = wallboard();
        assertThat(s.post("agent-a0", "/api/v1/agents/a0/logout", "{}").status())
                .isEqualTo(200); // billing, open, now has nobody logged in

        JsonNode alerts =
                s.get("supervisor", "/api/v1/statistics/alerts").json().get("items");
        assertThat(alerts.findValuesAsText("kind")).contains("NO_ADVISOR_LOGGED_IN");
        assertThat(page.locator("#alerts")).containsText("No advisor logged in for billing, which is open");
        assertThat(page.locator("#alerts li.lasting")).hasCount(alerts.size());
    }
}
