package io.firstcontact.desktop;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void look() throws Exception {
        String[] f = Files.readAllLines(Path.of("/tmp/fcdemo/data/demo-staff.txt")).get(1).split("\t");
        try (Browser browser = new Browser()) {
            Page page = browser.newPage();
            page.navigate("http://localhost:18080/desk/");
            page.getByLabel("Username").fill(f[0]);
            page.getByLabel("Password").fill(f[2]);
            page.locator("#signin-button").click();
            page.waitForURL("**/desk/");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready")).click();
            page.locator("article.offer").first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
            page.waitForTimeout(500);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/demo1.png")).setFullPage(true));
            page.locator("button.accept").first().click();
            page.waitForTimeout(1500);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("/tmp/demo2.png")).setFullPage(true));
        }
    }
}
