package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.firstcontact.router.api.model.Attributes;
import org.junit.jupiter.api.Test;

/** An advisor who uses no mouse does a whole contact with the keyboard alone. */
class KeyboardOnlyTest extends InTheBrowser {

    @Test
    void anAdvisorSignsInTakesAChatAndWrapsUpWithTheKeyboardAlone() {
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + "/desk/");
        page.locator("#signin-button:enabled").waitFor();
        // The username field has the focus on arrival.
        page.keyboard().type("asha");
        page.keyboard().press("Tab");
        page.keyboard().type(TestCentre.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL("**/desk/");
        // As a person would, wait for the desk to show the advisor's state before moving through it.
        page.getByText("Log in ready").waitFor();

        Keys.tabTo(page, "Log in ready", 20);
        page.keyboard().press("Enter");
        assertThat(page.locator("#presence")).containsText("Ready");

        centre.chat("cust-2", Attributes.of("service", "waste"));
        assertThat(page.locator("article.offer")).containsText("Incoming chat");
        Keys.tabTo(page, "Accept chat", 40);
        page.keyboard().press("Enter");
        assertThat(page.locator("article.work")).containsText("Chat: web-chat");

        Keys.tabTo(page, "End chat", 60);
        page.keyboard().press("Enter");
        // The card's heading, not its "Wrap-up codes" legend (shown before the end too): the state has changed.
        assertThat(page.locator("article.work.wrap-up h3")).containsText("Wrap-up:");

        Keys.tabTo(page, "Information given", 60);
        page.keyboard().press("Space");
        Keys.tabTo(page, "Notes (yours only; never card numbers)", 20);
        page.keyboard().type("Told them the collection day.");
        Keys.tabTo(page, "Finish wrap-up", 10);
        page.keyboard().press("Enter");

        assertThat(page.locator("table.history")).containsText("information");
    }

    @Test
    void theShortcutAcceptsTheOfferRingingFromAnywhereOnThePage() {
        Page page = signIn("asha");
        page.getByText("Log in ready").press("Enter");
        assertThat(page.locator("#presence")).containsText("Ready");
        centre.call("cust-1", Attributes.of("service", "parking"));
        assertThat(page.locator("article.offer")).isVisible();

        page.keyboard().press("Alt+Shift+A");

        assertThat(page.locator("article.work")).containsText("Call: parking");
    }
}
