package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import org.junit.jupiter.api.Test;

/** The supervisor view in Chromium: acting on advisors and queues, the audit trail, decision traces, the keyboard. */
class SupervisorViewTest extends InTheBrowser {

    private Page supervisorView() {
        Page page = signInAt("sam", "/supervisor/");
        assertThat(page.locator("header .connection")).hasText("Live");
        return page;
    }

    private PresenceState presence(String agentId) {
        return centre.read(() -> centre.view.agent(agentId).orElseThrow().presence());
    }

    @Test
    void aSupervisorSendsAnAdvisorToLunchAndSeesItInTheAuditTrail() {
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        Page page = supervisorView();

        page.locator("#advisor").selectOption("adv-1");
        page.locator("#reason").selectOption("LUNCH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make not ready"))
                .click();

        assertThat(page.locator("#action-status")).hasText("Asha Patel (adv-1): not ready (LUNCH).");
        assertThat(page.locator("#advisors tr[data-agent='adv-1']")).containsText("Not ready: LUNCH");
        assertThat(page.locator("#audit tbody tr").first()).containsText("Sam Reid (sam)");
        assertThat(page.locator("#audit tbody tr").first()).containsText("NOT_READY (LUNCH)");
        assertThat(presence("adv-1")).isEqualTo(PresenceState.NOT_READY);
    }

    @Test
    void aSupervisorClosesAQueueFromTheView() {
        Page page = supervisorView();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close " + TestCentre.VOICE_QUEUE))
                .click();

        assertThat(page.locator("#queues tr[data-queue='" + TestCentre.VOICE_QUEUE + "']"))
                .containsText("Closed");
        assertThat(page.locator("#audit tbody tr").first()).containsText("close-queue");
        assertThat(centre.read(() ->
                        centre.view.queue(TestCentre.VOICE_QUEUE).orElseThrow().open()))
                .isFalse();
    }

    @Test
    void aSupervisorReadsWhyACallWentToItsAdvisor() {
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        centre.offerOf(call);
        Page page = supervisorView();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find contacts"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trace of " + call))
                .click();

        assertThat(page.locator("#story-steps"))
                .containsText("Offered to Asha Patel (adv-1): primary queue, longest idle; Ben Okoro (adv-2) was free"
                        + " too, ranked after by longest idle");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Listen (needs Asterisk)")))
                .isDisabled();
    }

    @Test
    void theSupervisorViewHasNoSeriousAccessibilityViolations() {
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        String chat = centre.chat("cust-1", Attributes.of("service", "waste"));
        centre.offerOf(chat);
        Page page = supervisorView();
        assertThat(page.locator("#advisors tr[data-agent='adv-1']")).containsText("Ringing");
        assertThat(AccessibilityTest.violations(page))
                .as("advisors, queues, audit")
                .isEmpty();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find contacts"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Trace of " + chat))
                .click();
        assertThat(page.locator("#story-steps")).isVisible();
        assertThat(AccessibilityTest.violations(page))
                .as("a decision trace open")
                .isEmpty();
    }

    @Test
    void aSupervisorWorksTheViewWithTheKeyboardAlone() {
        centre.submit(new Command.LogIn("adv-2", true, Actor.agent("adv-2")));
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + "/supervisor/");
        page.locator("#signin-button:enabled").waitFor();
        page.keyboard().type("sam");
        page.keyboard().press("Tab");
        page.keyboard().type(TestCentre.PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL("**/supervisor/");
        assertThat(page.locator("header .connection")).hasText("Live");

        Keys.tabTo(page, "Manage Ben Okoro (adv-2)", 80);
        page.keyboard().press("Enter");
        assertThat(page.locator("#advisor")).isFocused();
        assertThat(page.locator("#advisor")).hasValue("adv-2");
        Keys.tabTo(page, "Log out now", 10);
        page.keyboard().press("Enter");
        assertThat(page.locator("#action-status")).hasText("Ben Okoro (adv-2): logged out now.");

        Keys.tabTo(page, "Close " + TestCentre.CHAT_QUEUE, 20);
        page.keyboard().press("Enter");
        assertThat(page.locator("#queues tr[data-queue='" + TestCentre.CHAT_QUEUE + "']"))
                .containsText("Closed");

        Keys.tabTo(page, "Refresh the audit trail", 80);
        page.keyboard().press("Enter");
        assertThat(page.locator("#audit tbody tr")).hasCount(2);
        assertThat(presence("adv-2")).isEqualTo(PresenceState.LOGGED_OUT);
    }
}
