package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.model.Attributes;

/** Advisors at their desks in the browser, taking and passing calls, as the call-control tests set them up. */
final class CallDesks {
    private CallDesks() {}

    /** The button named exactly {@code name}. */
    static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** {@code username} signs in at a new computer and logs in ready. */
    static Page readyDesk(Browser browser, TestCentre centre, String username) {
        Page page = InTheBrowser.signIn(browser, centre, username);
        button(page, "Log in ready").click();
        assertThat(page.locator("#presence")).containsText("Ready");
        return page;
    }

    /** A caller with a parking question rings and the advisor at {@code page} answers: the interaction id. */
    static String answerACall(Page page, TestCentre centre) {
        String call = centre.call("cust-1", Attributes.of("service", "parking", "keyed", "PCN HA12345678"));
        button(page, "Accept call").click();
        assertThat(page.locator("article.work h3")).hasText("Call: parking");
        return call;
    }

    /** The advisor at {@code from} consults the first colleague listed, who is at {@code to} and answers. */
    static void consultAnswered(Page from, Page to) {
        button(from, "Consult…").click();
        button(from, "Consult").click();
        button(to, "Accept consult").click();
        assertThat(from.locator("article.work .consulting")).containsText("Consulting");
    }
}
