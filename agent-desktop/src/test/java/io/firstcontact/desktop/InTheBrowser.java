package io.firstcontact.desktop;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A browser test: one Chromium for the class, a fresh test centre (and fresh browser profiles) for each test. */
abstract class InTheBrowser {
    static Browser browser;
    TestCentre centre;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void quit() {
        browser.close();
    }

    @BeforeEach
    void open() throws Exception {
        centre = new TestCentre();
    }

    @AfterEach
    void shut() {
        browser.closePages();
        centre.close();
    }

    /** A new person at a new computer signs in as {@code username} and lands at their desk. */
    Page signIn(String username) {
        return signIn(browser, centre, username);
    }

    static Page signIn(Browser browser, TestCentre centre, String username) {
        return signIn(browser, centre, username, "/desk/");
    }

    /** A new person signs in on their way to {@code path} and lands there. */
    Page signInAt(String username, String path) {
        return signIn(browser, centre, username, path);
    }

    static Page signIn(Browser browser, TestCentre centre, String username, String path) {
        Page page = browser.newPage();
        page.navigate(centre.baseUrl() + path);
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TestCentre.PASSWORD);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                .click();
        page.waitForURL("**" + path);
        return page;
    }
}
