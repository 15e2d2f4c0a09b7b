package io.firstcontact.desktop;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void look() throws Exception {
        try (TestCentre centre = new TestCentre(); Browser browser = new Browser()) {
            Page page = browser.newPage();
            page.onResponse(r -> System.out.println("[resp] " + r.status() + " " + r.url()));
            page.navigate(centre.baseUrl() + "/desk/");
            page.getByLabel("Username").fill("asha");
            page.getByLabel("Password").fill(TestCentre.PASSWORD);
            page.locator("#signin-button").click();
            page.waitForTimeout(3000);
            System.out.println("URL " + page.url());
            System.out.println(page.content());
        }
    }
}
