package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.firstcontact.desktop.supervisor.SupervisorPorts;
import io.firstcontact.desktop.wallboard.BoardStatistics;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.PresenceState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void theChartOfTheDayHasNoSeriousAccessibilityViolations() throws Exception {
        long quarter = 15 * 60_000L;
        long start = System.currentTimeMillis() / quarter * quarter - quarter;
        BoardStatistics day = new BoardStatistics() {
            @Override
            public Optional<QueueToday> queue(String queue, long now) {
                return Optional.of(new QueueToday(4, 3, 1, 0, 0.75, 0.8, 12.0, Map.of("READY", 1)));
            }

            @Override
            public List<DayInterval> centreDay(long now) {
                return List.of(new DayInterval(start, 3, 3, 0, 1.0), new DayInterval(start + quarter, 1, 0, 1, 0.0));
            }

            @Override
            public List<Condition> conditions() {
                return List.of(
                        new Condition("SERVICE_LEVEL_BELOW_TARGET", TestCentre.VOICE_QUEUE, null, null, start, 0.8));
            }

            @Override
            public AutoCloseable subscribe(Listener listener) {
                return () -> {};
            }
        };
        try (TestCentre withStatistics = new TestCentre(
                DesktopOptions.defaults(), 0, SupervisorPorts.defaults().withStatistics(day))) {
            Page page = signIn(browser, withStatistics, "sam", "/supervisor/wallboard");
            assertThat(page.locator(".wb-tile[data-queue='" + TestCentre.VOICE_QUEUE + "'] .service-level"))
                    .hasText("75 %");
            assertThat(page.locator("#alerts")).containsText("below its target of 80 %");
            page.locator("#chart-section summary").click();
            assertThat(page.locator("#day-table tbody tr")).hasCount(2);

            assertThat(AccessibilityTest.violations(page)).isEmpty();
        }
    }
}
