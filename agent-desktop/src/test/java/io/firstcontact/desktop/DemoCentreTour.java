package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's tour of a running demo centre (started with {@code ./firstcontact}), in Chromium: the wallboard
 * changes by itself as the demo's traffic arrives, the supervisor view pauses an advisor, moves them to other queues,
 * closes and reopens a queue and reads a contact's decision trace, each action in the audit trail, and an advisor is
 * turned away from both pages. It takes the README's pictures of the demo on the way. Not part of the build (its name
 * is not a test's): run it against a demo with
 *
 * <pre>{@code
 * ./mvnw -pl agent-desktop -am test -Dtest=DemoCentreTour -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtour.url=http://localhost:8080 -Dtour.staff=data/demo-staff.txt
 * }</pre>
 */
class DemoCentreTour {
    private static final Path OUT = Path.of(System.getProperty("screenshots.dir", "../docs/images"));
    private static final Page.WaitForFunctionOptions TWO_MINUTES =
            new Page.WaitForFunctionOptions().setTimeout(120_000);

    private final String url = Objects.requireNonNull(System.getProperty("tour.url"), "-Dtour.url");
    /** The demo's staff file: username, name, password, role, advisor, tab separated. */
    private final Path staff =
            Path.of(Objects.requireNonNull(System.getProperty("tour.staff"), "-Dtour.staff (data/demo-staff.txt)"));

    @Test
    void aSupervisorRunsTheDemoCentre() {
        try (Browser browser = new Browser()) {
            Page board = signIn(browser, "supervisor", "/supervisor/wallboard");
            board.setViewportSize(1920, 1080);
            assertThat(board.locator(".wb-status")).hasText("Connected");
            assertThat(board.locator(".wb-tile")).hasCount(7);
            String before = (String) board.evaluate("() => document.querySelector('.wb-tiles').innerText");
            // The demo's traffic changes some tile by itself: the page is pushed to, never reloaded.
            board.waitForFunction(
                    "b => document.querySelector('.wb-tiles').innerText !== b "
                            + "&& document.querySelector('.wb-status').innerText === 'Connected'",
                    before,
                    TWO_MINUTES);
            shot(board, "wallboard.png");

            Page view = signIn(browser, "supervisor", "/supervisor/");
            view.setViewportSize(1440, 1300);
            assertThat(view.locator("header .connection")).hasText("Live");
            Locator ready =
                    view.locator("#advisors tbody tr:has(td.sv-state-READY)").first();
            String agentId = ready.getAttribute("data-agent");
            view.locator("#advisor").selectOption(agentId);
            view.locator("#reason").selectOption("TRAINING");
            button(view, "Make not ready").click();
            assertThat(view.locator("#action-status")).containsText("not ready (TRAINING)");
            assertThat(view.locator("#audit tbody tr").first()).containsText("NOT_READY (TRAINING)");
            assertThat(board.locator(".wb-advisors li[data-agent='" + agentId + "'] .wb-state"))
                    .containsText("Not ready: TRAINING");

            button(view, "Move to these queues").click();
            assertThat(view.locator("#audit tbody tr").first()).containsText("routing-profile");

            button(view, "Close parking").click();
            assertThat(view.locator("#queues tr[data-queue='parking']")).containsText("Closed");
            assertThat(board.locator(".wb-tile[data-queue='parking'] h3")).containsText("Closed");
            button(view, "Open parking").click();
            assertThat(view.locator("#queues tr[data-queue='parking']")).containsText("Open");

            view.locator("#advisor").selectOption(agentId);
            button(view, "Make ready").click();
            assertThat(view.locator("#action-status")).containsText("ready");

            view.locator("#contact-state").selectOption("all");
            button(view, "Find contacts").click();
            // A call an advisor took: its trace says why it went to them.
            view.locator("#contacts tbody tr:has(td:nth-child(6):not(:empty)):has-text('voice') button")
                    .first()
                    .click();
            assertThat(view.locator("#story-steps")).isVisible();
            assertThat(view.locator("#story-steps")).containsText("Offered to");
            System.out.println(
                    "[tour] a decision trace: " + view.locator("#story-steps").innerText());
            view.locator(".sv-story")
                    .screenshot(new Locator.ScreenshotOptions().setPath(OUT.resolve("supervisor-trace.png")));
            view.setViewportSize(1440, 1000);
            view.evaluate("() => window.scrollTo(0, 0)");
            view.waitForTimeout(500); // the clocks tick; let the last render settle for the picture
            view.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("supervisor.png")));

            Page advisor = browser.newPage();
            advisor.navigate(url + "/signin");
            fill(advisor, "advisor1");
            advisor.waitForURL("**/desk/");
            assertThat(advisor.navigate(url + "/supervisor/wallboard").status()).isEqualTo(403);
            assertThat(advisor.navigate(url + "/supervisor/").status()).isEqualTo(403);
        }
    }

    private Page signIn(Browser browser, String username, String path) {
        Page page = browser.newPage();
        page.navigate(url + path);
        fill(page, username);
        page.waitForURL("**" + path);
        return page;
    }

    private void fill(Page page, String username) {
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password(username));
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
    }

    private String password(String username) {
        try {
            return Files.readAllLines(staff).stream()
                    .map(l -> l.split("\t"))
                    .filter(f -> f.length == 5 && f[0].equals(username))
                    .map(f -> f[2])
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(username + " is not in " + staff));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    private static void shot(Page page, String name) {
        page.evaluate("() => window.scrollTo(0, 0)");
        page.waitForTimeout(500); // the clocks tick; let the last render settle for the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(name)).setFullPage(true));
    }
}
