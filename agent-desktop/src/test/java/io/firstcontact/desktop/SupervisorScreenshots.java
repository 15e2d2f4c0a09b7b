package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures of the wallboard and the supervisor view, taken in Chromium from the test centre. Not part of
 * the build (its name is not a test's): run it with {@code ./mvnw -pl agent-desktop -am test
 * -Dtest=SupervisorScreenshots -Dsurefire.failIfNoSpecifiedTests=false}; the pictures go to {@code docs/images}.
 */
class SupervisorScreenshots {
    private static final Path OUT = Path.of(System.getProperty("screenshots.dir", "../docs/images"));

    @Test
    void takeThem() throws Exception {
        try (TestCentre centre = new TestCentre();
                Browser browser = new Browser()) {
            centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
            centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));
            String first = centre.call("cust-1", Attributes.of("service", "parking"));
            centre.submit(new Command.AcceptOffer(centre.offerOf(first).offerId(), Actor.agent("adv-1")));
            centre.submit(
                    new Command.ChangePresence("adv-2", PresenceState.NOT_READY, "BREAK", Actor.agent("adv-2"), false));
            centre.call("cust-2", Attributes.of("service", "parking"));
            centre.chat("cust-3", Attributes.of("service", "waste"));

            Page wallboard = InTheBrowser.signIn(browser, centre, "sam", "/supervisor/wallboard");
            wallboard.setViewportSize(1920, 1080);
            wallboard.getByLabel("Show logged out").check();
            assertThat(wallboard.locator(".wb-status")).hasText("Connected");
            shot(wallboard, "wallboard.png");

            Page supervisor = InTheBrowser.signIn(browser, centre, "sam", "/supervisor/");
            supervisor.setViewportSize(1440, 1300);
            supervisor.locator("#advisor").selectOption("adv-2");
            supervisor.getByText("Make ready").click();
            supervisor.getByText("Find contacts").click();
            supervisor.locator("#contacts button").first().click();
            assertThat(supervisor.locator("#story-steps")).isVisible();
            shot(supervisor, "supervisor.png");
        }
    }

    private static void shot(Page page, String name) {
        page.evaluate("() => window.scrollTo(0, 0)");
        page.waitForTimeout(500); // the clocks tick; let the last render settle for the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(name)).setFullPage(true));
    }
}
