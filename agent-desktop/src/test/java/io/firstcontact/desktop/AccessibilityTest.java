package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.model.Attributes;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * axe-core (from its WebJar) checks every state of the pages against WCAG 2.0, 2.1 and 2.2 A and AA: no serious or
 * critical violation is allowed.
 */
class AccessibilityTest extends InTheBrowser {

    /** The serious and critical violations axe finds on the page as it is now ({@link Browser#axeViolations}). */
    static List<String> violations(Page page) {
        return Browser.axeViolations(page);
    }

    @Test
    void theCheckFindsWhatItLooksFor() {
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + "/signin");
        page.locator("#signin-button:enabled").waitFor();
        page.evaluate("() => document.querySelector('main').append(document.createElement('input'))");

        assertThat(violations(page)).anySatisfy(v -> assertThat(v).startsWith("label (critical)"));
    }

    @Test
    void theSignInPageHasNoSeriousViolations() {
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + "/signin");
        page.locator("#signin-button:enabled").waitFor();

        assertThat(violations(page)).isEmpty();
    }

    @Test
    void theDeskHasNoSeriousViolationsInAnyStateOfAContact() {
        Page page = signIn("asha");
        assertThat(violations(page)).as("logged out").isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();
        centre.chat("cust-1", Attributes.of("service", "waste", "keyed", "missed bin"));
        assertThat(page.locator("article.offer .customer-name")).isVisible();
        assertThat(violations(page)).as("an offer with its screen pop").isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept chat"))
                .click();
        page.getByText("Script: Waste: missed bin collection").click();
        assertThat(page.locator("article.work .prompts")).isVisible();
        assertThat(violations(page)).as("a chat with its script open").isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End chat"))
                .click();
        assertThat(page.locator("article.work.wrap-up h3")).containsText("Wrap-up:");
        assertThat(violations(page)).as("wrap-up").isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish wrap-up"))
                .click();
        assertThat(page.locator("table.history")).isVisible();
        assertThat(violations(page)).as("history").isEmpty();
    }

    @Test
    void aCallOnHoldAndInAConsultHasNoSeriousViolations() {
        Page asha = CallDesks.readyDesk(browser, centre, "asha");
        CallDesks.answerACall(asha, centre);
        Page ben = CallDesks.readyDesk(browser, centre, "ben");

        CallDesks.button(asha, "Hold").click();
        assertThat(asha.locator("article.work .on-hold")).isVisible();
        assertThat(violations(asha)).as("a call on hold").isEmpty();

        CallDesks.button(asha, "Transfer…").click();
        assertThat(asha.locator("form.call-form")).isVisible();
        assertThat(violations(asha)).as("the transfer form open").isEmpty();

        CallDesks.button(asha, "Consult…").click();
        CallDesks.button(asha, "Consult").click();
        assertThat(ben.locator("article.offer.consult")).isVisible();
        assertThat(violations(ben)).as("a consult offer").isEmpty();
        CallDesks.button(ben, "Accept consult").click();
        assertThat(asha.locator("article.work .consulting")).containsText("Consulting");
        assertThat(violations(asha)).as("a held call in a consult").isEmpty();
        assertThat(ben.locator("article.work .consulted")).isVisible();
        assertThat(violations(ben)).as("the consulted colleague's card").isEmpty();
    }
}
