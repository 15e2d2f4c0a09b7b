package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.PresenceState;
import org.junit.jupiter.api.Test;

class AdvisorWorksACallTest extends InTheBrowser {

    @Test
    void advisorSignsInGoesReadyTakesACallAndWrapsUp() {
        Page page = signIn("asha");
        assertThat(page.locator("#presence")).containsText("Logged out");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();
        assertThat(page.locator("#presence")).containsText("Ready");
        assertThat(centre.read(() -> centre.view.agent("adv-1").orElseThrow().presence()))
                .isEqualTo(PresenceState.READY);

        String call = centre.call("cust-1", Attributes.of("service", "parking", "keyed", "PCN HA12345678"));
        assertThat(page.locator("article.offer")).containsText("Incoming call: parking");
        assertThat(page.locator("article.offer")).containsText("PCN HA12345678");
        // Showing the offer told routing it rings here.
        page.waitForCondition(() -> centre.read(() -> centre.view.liveOffers().stream()
                .anyMatch(o -> o.interactionId().equals(call) && o.status() == OfferStatus.ALERTING)));

        // The screen pop: the caller's own account, and what to suggest to them.
        assertThat(page.locator("article.offer .customer-name")).hasText("Mrs Amira Okafor");
        assertThat(page.locator("article.offer")).containsText("HA12345678");
        assertThat(page.locator("article.offer .prompts")).containsText("Register for an online account");
        assertThat(page.locator("article.offer .prompts")).containsText("Pay PCNs online");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call"))
                .click();
        assertThat(page.locator("article.work")).containsText("Call: parking");
        page.getByRole(
                        AriaRole.GROUP,
                        new Page.GetByRoleOptions().setName("Outcome for Register for an online account"))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Accepted"))
                .click();
        assertThat(page.locator("article.work .outcomes button[aria-pressed=true]"))
                .hasText("Accepted");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call"))
                .click();
        assertThat(page.locator("article.work")).containsText("Wrap-up: call, parking");

        page.getByLabel("Resolved first time").check();
        page.getByLabel("Notes (yours only; never card numbers)").fill("Explained the appeal route.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish wrap-up"))
                .click();

        assertThat(page.getByText("Nothing open.")).isVisible();
        assertThat(page.locator("table.history")).containsText("resolved");
        assertThat(page.locator("table.history")).containsText("Explained the appeal route.");
        assertThat(centre.read(() -> centre.view.agent("adv-1").orElseThrow().assignmentIds()))
                .isEmpty();
        // The back office has the contact, with the advisor's notes.
        page.waitForCondition(() -> !centre.accounts.contacts.isEmpty());
        assertThat(centre.accounts.contacts.getFirst().notes()).isEqualTo("Explained the appeal route.");
        assertThat(centre.accounts.contacts.getFirst().customerRef()).isEqualTo("cust-1");
    }

    @Test
    void aCallerKnownOnlyByTheirNumberIsOnScreenAndTheContactGoesIntoTheirHistory() {
        String number = centre.accounts.phoneOf("cust-2");
        Page page = signIn("asha");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();
        assertThat(page.locator("#presence")).containsText("Ready");

        // As a call from the telephone network arrives: the caller's number, no customerRef.
        centre.call(null, Attributes.of("service", "waste", "callerNumber", number));

        assertThat(page.locator("article.offer .customer-name")).hasText("Mr Tom Reilly");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End call"))
                .click();
        page.getByLabel("Resolved first time").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Finish wrap-up"))
                .click();

        page.waitForCondition(() -> !centre.accounts.contacts.isEmpty());
        assertThat(centre.accounts.contacts.getFirst().customerRef()).isEqualTo("cust-2");
    }

    @Test
    void withTheBackOfficeDownTheDeskSaysSoAndTheCallIsTakenAllTheSame() {
        centre.accounts.down = true;
        Page page = signIn("asha");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();

        centre.call("cust-1", Attributes.of("service", "parking"));

        assertThat(page.locator("article.offer")).containsText("The back office is not answering");
        // A rule that needs no account still prompts: paying a PCN by phone.
        assertThat(page.locator("article.offer .prompts")).containsText("Pay PCNs online");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call"))
                .click();
        assertThat(page.locator("article.work")).containsText("Call: parking");
    }
}
