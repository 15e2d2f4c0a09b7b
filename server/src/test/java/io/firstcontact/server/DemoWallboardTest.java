package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.firstcontact.desktop.Browser;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.demo.DemoCentre;
import io.firstcontact.server.demo.DemoStaff;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo centre's wallboard on a 1920 × 1080 screen, as a supervisor hangs it on the wall: its seven queues, its
 * advisors (the logged-out ones shown too), the alerts and the day's chart all on the screen at once, nothing to
 * scroll, and nothing axe-core calls serious.
 */
class DemoWallboardTest {
    @TempDir
    Path dir;

    @Test
    void theDemoCentresWallboardFitsAFullHdScreenWithoutScrolling() throws Exception {
        Path data = dir.resolve("data");
        ServerConfig config = new ConfigLoader()
                .load(
                        Optional.empty(),
                        Map.of(
                                "FC_DATA_DIR", data.toString(),
                                "FC_HTTP_HOST", "127.0.0.1",
                                "FC_HTTP_PORT", "0",
                                "FC_MANAGEMENT_PORT", "0",
                                "FC_DEMO_SPEED", "10"));
        FirstContactServer server = new FirstContactServer(config);
        try (Browser browser = new Browser()) {
            server.start();
            DemoStaff.Login supervisor = DemoStaff.loadOrCreate(data).stream()
                    .filter(l -> l.role() == StaffRole.SUPERVISOR)
                    .findFirst()
                    .orElseThrow();
            Page page = Staff.signIn(
                    browser.newPage(1920, 1080),
                    "http://127.0.0.1:" + server.apiPort() + "/supervisor/wallboard",
                    supervisor.username(),
                    supervisor.password());
            assertThat(page.locator(".wb-status")).hasText("Connected");
            assertThat(page.locator(".wb-tile")).hasCount(7);
            page.getByLabel("Show logged out").check();
            long advisors = new DemoCentre(1)
                    .seedCommands().stream()
                            .filter(c -> c instanceof Command.DefineAgent)
                            .count();
            assertThat(page.locator(".wb-advisors li")).hasCount((int) advisors);
            assertThat(page.locator("#day-chart")).isVisible();

            Object fits = page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight"
                    + " && document.documentElement.scrollWidth <= window.innerWidth");
            page.screenshot(new Page.ScreenshotOptions()
                    .setFullPage(true)
                    .setPath(Path.of("target/demo-wallboard-1920x1080.png")));

            assertThat(fits)
                    .as(
                            "the page is %s px high in a window of %s px",
                            page.evaluate("() => document.documentElement.scrollHeight"),
                            page.evaluate("() => window.innerHeight"))
                    .isEqualTo(true);
            assertThat(Browser.axeViolations(page)).isEmpty();
        } finally {
            server.close();
        }
    }
}
