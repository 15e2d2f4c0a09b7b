package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.server.ChatCentre.accept;
import static io.firstcontact.server.ChatCentre.chats;
import static io.firstcontact.server.ChatCentre.log;
import static io.firstcontact.server.ChatCentre.reply;
import static io.firstcontact.server.ChatCentre.say;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.firstcontact.desktop.Browser;
import org.junit.jupiter.api.Test;

/**
 * The chat as a resident with assistive technology or a phone meets it, and the desk's chat panels: axe-core finds no
 * serious or critical WCAG 2.2 A/AA violation in any state, and on a 360-pixel-wide screen nothing needs scrolling
 * sideways.
 */
class ChatAccessibilityTest extends ChatInTheBrowser {
    @Test
    void theChatAndTheDesksChatPanelsHaveNoSeriousViolationsInAnyState() {
        Page resident = browser.newPage();
        resident.navigate(centre.base() + "/chat/");
        assertThat(Browser.axeViolations(resident))
                .as("the council page, the chat closed")
                .isEmpty();
        resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with Demo Borough Council"))
                .click();
        resident.getByLabel("Your name").waitFor();
        assertThat(Browser.axeViolations(resident)).as("the pre-chat form").isEmpty();
        resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                .click();
        assertThat(resident.getByText("Enter your name")).isVisible();
        assertThat(Browser.axeViolations(resident)).as("the form's errors").isEmpty();

        Page advisor = centre.advisor("asha");
        centre.openChat(resident, "Priya", "priya@example.org", "general");
        assertThat(Browser.axeViolations(resident)).as("self-service").isEmpty();
        say(resident, "0");
        accept(advisor);
        reply(chats(advisor).first(), "Hello Priya");
        assertThat(log(resident)).containsText("Hello Priya");
        assertThat(Browser.axeViolations(resident)).as("with an advisor").isEmpty();
        assertThat(Browser.axeViolations(advisor)).as("the desk with a chat").isEmpty();

        resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End chat"))
                .click();
        assertThat(resident.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carry on chatting")))
                .isVisible();
        assertThat(Browser.axeViolations(resident)).as("ended").isEmpty();
        assertThat(chats(advisor).first()).containsText("Wrap-up:");
        assertThat(Browser.axeViolations(advisor))
                .as("the desk, a chat in wrap-up")
                .isEmpty();
    }

    @Test
    void onAPhoneTheChatFitsTheScreenAndNothingScrollsSideways() {
        Page phone = browser.newPage(360, 740);
        centre.openChat(phone, "Priya", "priya@example.org", "general");
        say(phone, "4");
        assertThat(log(phone)).containsText("Our advisors are available from half past eight"); // the assistant answers

        int pageWidth = ((Number) phone.evaluate("() => document.documentElement.scrollWidth")).intValue();
        assertThat(pageWidth).as("the page's width").isLessThanOrEqualTo(360);
        BoundingBox panel = phone.locator("#fc-chat-panel").boundingBox();
        assertThat(panel.x).isGreaterThanOrEqualTo(0);
        assertThat(panel.x + panel.width).as("the chat's right edge").isLessThanOrEqualTo(360);
        BoundingBox message = phone.locator("#fc-chat-message").boundingBox();
        assertThat(message.y + message.height)
                .as("the message box is on screen")
                .isLessThanOrEqualTo(740);
        BoundingBox send = phone.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .boundingBox();
        assertThat(send.height)
                .as("a target big enough for a finger (WCAG 2.5.8)")
                .isGreaterThanOrEqualTo(24);
        assertThat(send.x + send.width).isLessThanOrEqualTo(360);
        int logOverflow = ((Number) phone.locator("div.log").evaluate("l => l.scrollWidth - l.clientWidth")).intValue();
        assertThat(logOverflow).as("the conversation needs no sideways scroll").isLessThanOrEqualTo(0);
    }
}
