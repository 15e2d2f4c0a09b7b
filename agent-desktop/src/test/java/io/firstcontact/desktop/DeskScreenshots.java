package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.account.CouncilTaxAccount;
import io.firstcontact.router.api.model.Attributes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's screenshots, taken in Chromium from the test centre (fictional residents). Not part of the build (its
 * name is not a test's): run it with {@code ./mvnw -pl agent-desktop -am test -Dtest=DeskScreenshots
 * -Dsurefire.failIfNoSpecifiedTests=false}; the pictures go to {@code docs/images}.
 */
class DeskScreenshots {
    private static final Path OUT = Path.of(System.getProperty("screenshots.dir", "../docs/images"));

    @Test
    void takeThem() throws Exception {
        try (TestCentre centre = new TestCentre();
                Browser browser = new Browser()) {
            centre.accounts.add(TestAccounts.resident(
                    "cust-3", "Ms Priya Shah", true, CouncilTaxAccount.Billing.E_BILLING, List.of()));
            Page page = browser.newPage();
            page.navigate(centre.baseUrl() + "/signin");
            page.locator("#signin-button:enabled").waitFor();
            page.setViewportSize(1000, 640);
            shot(page, "desk-signin.png");

            page = InTheBrowser.signIn(browser, centre, "asha");
            page.setViewportSize(1440, 1000);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                    .click();
            centre.chat("cust-3", Attributes.of("service", "waste", "keyed", "missed bin, Thursday"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept chat"))
                    .click();
            assertThat(page.locator("article.work")).isVisible();
            centre.chat("cust-1", Attributes.of("service", "parking", "keyed", "PCN HA12345678"));
            assertThat(page.locator("article.offer .customer-name")).isVisible();
            page.getByText("Script: Waste: missed bin collection").click();
            shot(page, "desk-offer.png");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End chat"))
                    .click();
            page.getByLabel("Service request raised").check();
            page.getByLabel("Notes (yours only; never card numbers)").fill("Raised a missed-bin request; will text.");
            page.waitForTimeout(300);
            var box = page.locator("article.work").boundingBox();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(OUT.resolve("desk-wrap-up.png"))
                    .setClip(box.x - 8, box.y - 8, box.width + 16, 590));
        }
    }

    @Test
    void callControls() throws Exception {
        try (TestCentre centre = new TestCentre();
                Browser browser = new Browser()) {
            Page asha = CallDesks.readyDesk(browser, centre, "asha");
            asha.setViewportSize(1440, 1000);
            CallDesks.answerACall(asha, centre);
            Page ben = CallDesks.readyDesk(browser, centre, "ben");
            CallDesks.button(asha, "Hold").click();
            CallDesks.consultAnswered(asha, ben);
            asha.waitForTimeout(2_300); // a little time on hold on the clock
            // The top of the card: what the call is, its hold and consult, and their buttons.
            var box = asha.locator("article.work").boundingBox();
            double top = ((Number) asha.evaluate(
                            "() => document.querySelector('article.work').getBoundingClientRect().top + scrollY"))
                    .doubleValue();
            asha.screenshot(new Page.ScreenshotOptions()
                    .setPath(OUT.resolve("desk-call-controls.png"))
                    .setFullPage(true)
                    .setClip(box.x - 8, top - 8, box.width + 16, 330));
        }
    }

    private static void shot(Page page, String name) {
        page.evaluate("() => window.scrollTo(0, 0)");
        page.waitForTimeout(300); // the clocks tick; let the last render settle for the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve(name)).setFullPage(false));
    }
}
