package io.firstcontact.desktop;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.model.Attributes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void look() throws Exception {
        try (TestCentre centre = new TestCentre(); Browser browser = new Browser()) {
            Page page = AdvisorWorksACallTest.signIn(browser, centre, "asha");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready")).click();
            page.waitForTimeout(500);
            centre.chat("cust-2", Attributes.of("service", "waste", "keyed", "missed bin"));
            page.waitForTimeout(500);
            page.locator("button.accept").first().click();
            page.waitForTimeout(500);
            centre.chat("cust-3", Attributes.of("service", "parking", "callerName", "<b>Mo</b>"));
            page.waitForTimeout(1000);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/desk1.png")).setFullPage(true));
        }
    }
}
