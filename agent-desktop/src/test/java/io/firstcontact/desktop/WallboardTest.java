package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import org.junit.jupiter.api.Test;

/** The live wallboard in Chromium, changing as interactions arrive and advisors change state. */
class WallboardTest extends InTheBrowser {
    /** The wallboard shows a change within a second of it (with room for a busy build machine). */
    private static final LocatorAssertions.HasTextOptions SOON =
            new LocatorAssertions.HasTextOptions().setTimeout(3_000);

    private static final LocatorAssertions.ContainsTextOptions SOON_CONTAINING =
            new LocatorAssertions.ContainsTextOptions().setTimeout(3_000);

    private Page wallboard() {
        Page page = signInAt("sam", "/supervisor/wallboard");
        assertThat(page.locator(".wb-status")).hasText("Connected");
        return page;
    }

    private static Locator tile(Page page, String queue) {
        return page.locator(".wb-tile[data-queue='" + queue + "']");
    }

    private static Locator advisor(Page page, String agentId) {
        return page.locator(".wb-advisors li[data-agent='" + agentId + "']");
    }

    @Test
    void aCallArrivingShowsOnItsQueueTileAtOnce() {
        Page page = wallboard();
        assertThat(tile(page, TestCentre.VOICE_QUEUE).locator(".waiting")).hasText("0");

        centre.call("cust-1", Attributes.of("service", "parking"));

        assertThat(tile(page, TestCentre.VOICE_QUEUE).locator(".waiting")).hasText("1", SOON);
        assertThat(tile(page, TestCentre.VOICE_QUEUE).locator(".longest-wait"))
                .hasText(java.util.regex.Pattern.compile("0:0\\d"));
        assertThat(tile(page, TestCentre.CHAT_QUEUE).locator(".waiting")).hasText("0");
    }

    @Test
    void anAdvisorsStateAndReasonShowOnTheBoardAsTheyChange() {
        Page page = wallboard();
        page.getByLabel("Show logged out").check();
        assertThat(advisor(page, "adv-1")).containsText("Logged out");

        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        assertThat(advisor(page, "adv-1").locator(".wb-state")).hasText("Ready", SOON);

        centre.submit(
                new Command.ChangePresence("adv-1", PresenceState.NOT_READY, "LUNCH", Actor.agent("adv-1"), false));
        assertThat(advisor(page, "adv-1").locator(".wb-state")).hasText("Not ready: LUNCH", SOON);
        assertThat(advisor(page, "adv-1")).hasClass("NOT_READY");
    }

    @Test
    void anAnsweredCallMovesItsAdvisorToBusyAndEmptiesTheQueue() {
        Page page = wallboard();
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        String call = centre.call("cust-1", Attributes.of("service", "parking"));
        assertThat(advisor(page, "adv-1").locator(".wb-state")).containsText("Ringing", SOON_CONTAINING);

        centre.submit(new Command.AcceptOffer(centre.offerOf(call).offerId(), Actor.agent("adv-1")));

        assertThat(advisor(page, "adv-1").locator(".wb-state")).containsText("Busy", SOON_CONTAINING);
        assertThat(tile(page, TestCentre.VOICE_QUEUE).locator(".answered")).hasText("1 of 1 offered", SOON);
        assertThat(tile(page, TestCentre.VOICE_QUEUE).locator(".waiting")).hasText("0");
    }

    @Test
    void theWallboardHasNoSeriousAccessibilityViolations() {
        Page page = wallboard();
        page.getByLabel("Show logged out").check();
        centre.submit(new Command.LogIn("adv-1", true, Actor.agent("adv-1")));
        centre.call("cust-1", Attributes.of("service", "parking"));
        centre.call("cust-2", Attributes.of("service", "parking"));
        assertThat(tile(page, TestCentre.VOICE_QUEUE).locator(".waiting")).hasText("1", SOON);

        assertThat(AccessibilityTest.violations(page)).isEmpty();
    }

    @Test
    void anAdvisorIsTurnedAwayFromTheWallboard() {
        Page page = signIn("asha");

        assertThat(page.navigate(centre.baseUrl() + "/supervisor/wallboard").status())
                .isEqualTo(403);
    }
}
