package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.server.ChatCentre.accept;
import static io.firstcontact.server.ChatCentre.chats;
import static io.firstcontact.server.ChatCentre.log;
import static io.firstcontact.server.ChatCentre.reply;
import static io.firstcontact.server.ChatCentre.say;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.ivr.payment.TestCard;
import io.firstcontact.ivr.rig.Residents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A resident on the council's page and an advisor at the desk, each in a browser profile of their own, against the
 * whole server: the widget, the IVR's text front end, routing, the desk's chat panels and its push.
 */
class WebChatInTheBrowserTest extends ChatInTheBrowser {
    @Test
    void aResidentPaysAParkingFineWithTheAssistantAloneAndTheirCardNumberIsNeverShown() {
        Page resident = centre.resident("Priya", "priya@example.org", "parking");
        String card = TestCard.VISA_APPROVED.number();

        say(resident, "1");
        assertThat(log(resident)).containsText("penalty charge notice number");
        say(resident, Residents.PCN_OPEN);
        assertThat(log(resident)).containsText("Type 1 to pay it now by card");
        say(resident, "1");
        assertThat(resident.getByLabel("Card details (hidden as you type, never kept)"))
                .hasAttribute("type", "password");
        say(resident, card);
        assertThat(log(resident)).containsText("•••• " + card.substring(card.length() - 4));
        say(resident, CardDataNowhere.EXPIRY);
        say(resident, CardDataNowhere.CODE);
        assertThat(log(resident)).containsText("has been taken");

        assertThat(log(resident)).not().containsText(card);
        org.assertj.core.api.Assertions.assertThat(centre.backOffice.payments).hasSize(1);
    }

    @Test
    void aResidentAsksForAnAdvisorAndTheyChatFromTheDesk() {
        Page advisor = centre.advisor("asha");
        Page resident = centre.resident("Priya", "priya@example.org", "general");

        say(resident, "0");
        assertThat(advisor.locator("article.offer")).containsText("Incoming chat");
        accept(advisor);
        Locator chat = chats(advisor).first();
        assertThat(chat.locator("ol.transcript")).containsText("Type 1 to pay a parking fine");
        assertThat(log(resident)).containsText("An advisor has joined the chat.");

        chat.getByLabel("Reply").pressSequentially("Hello Priya");
        assertThat(resident.getByText("Asha is typing…")).isVisible();
        chat.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Send").setExact(true))
                .click();
        assertThat(log(resident)).containsText("Hello Priya");

        say(resident, "My card is " + TestCard.VISA_APPROVED.number() + ", can you take it?");
        assertThat(chat.locator("ol.transcript")).containsText("can you take it?");
        assertThat(chat.locator("ol.transcript")).not().containsText(TestCard.VISA_APPROVED.number());
        assertThat(log(resident)).not().containsText(TestCard.VISA_APPROVED.number());
    }

    @Test
    void aDroppedConnectionComesBackWithNothingLostAndNothingTwice() {
        Page advisor = centre.advisor("asha");
        Page resident = browser.newPage();
        Line line = new Line(resident, "**/chat/socket");
        centre.openChat(resident, "Priya", "priya@example.org", "general");
        say(resident, "0");
        accept(advisor);
        Locator chat = chats(advisor).first();
        assertThat(log(resident)).containsText("An advisor has joined the chat.");

        line.cut();
        assertThat(resident.getByText("Connection lost — reconnecting…")).isVisible();
        say(resident, "Sent while the line was down");
        reply(chat, "Written while you were away");
        assertThat(chat.locator("ol.transcript")).containsText("Written while you were away");
        line.restore();

        assertThat(log(resident)).containsText("Written while you were away");
        assertThat(chat.locator("ol.transcript")).containsText("Sent while the line was down");
        assertThat(log(resident).locator("li", new Locator.LocatorOptions().setHasText("Written while you were away")))
                .hasCount(1);
        assertThat(log(resident).locator("li", new Locator.LocatorOptions().setHasText("Sent while the line was down")))
                .hasCount(1);
        assertThat(chat.locator("li", new Locator.LocatorOptions().setHasText("Sent while the line was down")))
                .hasCount(1);
    }

    @Test
    void anAdvisorHoldsTwoChatsSideBySideAndEachWrapsUpOnItsOwn() {
        Page advisor = centre.advisor("asha");
        Page priya = centre.resident("Priya", "priya@example.org", "general");
        say(priya, "0");
        accept(advisor);
        assertThat(chats(advisor)).hasCount(1);
        Page tom = centre.resident("Tom", "07700 900123", "waste");
        say(tom, "0");
        accept(advisor);
        assertThat(chats(advisor)).hasCount(2);
        Locator priyas = chats(advisor).filter(new Locator.FilterOptions().setHasText("Hello Priya, welcome"));
        Locator toms = chats(advisor).filter(new Locator.FilterOptions().setHasText("Hello Tom, welcome"));

        reply(priyas, "Hello Priya");
        reply(toms, "Hello Tom");
        assertThat(log(priya)).containsText("Hello Priya");
        assertThat(log(priya)).not().containsText("Hello Tom");
        assertThat(log(tom)).containsText("Hello Tom");
        priyas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End chat"))
                .click();

        assertThat(priyas).containsText("Wrap-up:");
        assertThat(toms).not().containsText("Wrap-up:");
        assertThat(log(priya)).containsText("The advisor has ended the chat.");
        reply(toms, "Still here");
        assertThat(log(tom)).containsText("Still here");
    }

    @Test
    void aSupervisorJoinsAChatAndThenTakesItOver() {
        Page advisor = centre.advisor("asha");
        Page resident = chattingWith(advisor);
        Page supervisor = centre.supervisor("sam");
        openConnectedChat(supervisor);

        joinChat(supervisor);
        assertThat(log(resident)).containsText("A supervisor has joined the conversation.");
        assertThat(chats(advisor).first().locator("ol.transcript"))
                .containsText("A supervisor has joined the conversation.");

        supervisor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take over chat"))
                .click();
        assertThat(advisor.locator("article.offer")).containsText("Incoming chat");
        accept(advisor);
        assertThat(log(resident)).containsText("Your advisor is back with you.");
        assertThat(chats(advisor)
                        .filter(new Locator.FilterOptions().setHasNotText("Wrap-up ends in"))
                        .locator("ol.transcript"))
                .containsText("A supervisor has joined the conversation.");
    }

    @Test
    void aSupervisorsDroppedPushComesBackWithTheJoinedChatWholeAndNothingTwice() {
        Page advisor = centre.advisor("asha");
        Page resident = chattingWith(advisor);
        Page supervisor = browser.newPage();
        Line line = new Line(supervisor, "**/supervisor/push**");
        Staff.signIn(supervisor, centre.base() + "/supervisor/", "sam", ChatCentre.PASSWORD);
        openConnectedChat(supervisor);
        joinChat(supervisor);
        Locator transcript = supervisor.locator("#joined-chat ol.transcript");
        say(resident, "Before the line went down");
        assertThat(transcript).containsText("Before the line went down");

        line.cut();
        assertThat(supervisor.getByText("Reconnecting…")).isVisible();
        say(resident, "Sent while the supervisor was away");
        assertThat(log(resident)).containsText("Sent while the supervisor was away");
        line.restore();
        assertThat(supervisor.getByText("Live", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        say(resident, "Sent after they came back");

        assertThat(transcript).containsText("Sent after they came back");
        for (String text : List.of(
                "Before the line went down", "Sent while the supervisor was away", "Sent after they came back")) {
            assertThat(transcript.locator("li", new Locator.LocatorOptions().setHasText(text)))
                    .hasCount(1);
        }
    }

    @Test
    void anotherAdvisorCanNeitherReadNorWriteInAChatThatIsNotTheirs() {
        Page asha = centre.advisor("asha");
        Page resident = centre.resident("Priya", "priya@example.org", "general");
        say(resident, "0");
        accept(asha);
        String assignment =
                chats(asha).first().getByLabel("Reply").getAttribute("id").substring("reply-".length());
        Page ben = centre.advisor("ben");

        Object statuses = ben.evaluate("""
                async (id) => {
                  const s = await (await fetch('/auth/session')).json();
                  const read = await fetch('/desk/api/work/' + id + '/conversation');
                  const write = await fetch('/desk/api/work/' + id + '/messages', { method: 'POST',
                    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrfToken },
                    body: JSON.stringify({ clientId: 'b1', text: 'not mine' }) });
                  return [read.status, write.status];
                }""", assignment);

        org.assertj.core.api.Assertions.assertThat(statuses).isEqualTo(List.of(403, 403));
        assertThat(log(resident)).not().containsText("not mine");
    }

    @Test
    void aSupervisorWhoJoinedAChatWritesToTheResidentMarkedAsASupervisor() {
        Page advisor = centre.advisor("asha");
        Page resident = chattingWith(advisor);
        Page supervisor = centre.supervisor("sam");
        openConnectedChat(supervisor);
        joinChat(supervisor);
        assertThat(supervisor.locator("#joined-chat")).containsText("A supervisor has joined the conversation.");

        supervisor.getByLabel("Write to the resident").fill("Hello Priya, I am looking into this with Asha");
        supervisor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to the resident"))
                .click();

        assertThat(log(resident).locator("li", new Locator.LocatorOptions().setHasText("looking into this")))
                .containsText("Sam (supervisor)");
        assertThat(chats(advisor).first().locator("li", new Locator.LocatorOptions().setHasText("looking into this")))
                .containsText("Sam (supervisor)");
        assertThat(supervisor.locator("#joined-chat li", new Page.LocatorOptions().setHasText("looking into this")))
                .containsText("Sam (supervisor)");
    }

    @Test
    void aSupervisorWhoJoinedAChatSeesItGoOnWithoutReloading() {
        Page advisor = centre.advisor("asha");
        Page resident = chattingWith(advisor);
        Page supervisor = centre.supervisor("sam");
        openConnectedChat(supervisor);
        joinChat(supervisor);
        Locator transcript = supervisor.locator("#joined-chat ol.transcript");
        assertThat(transcript).containsText("A supervisor has joined the conversation.");

        say(resident, "My card is " + TestCard.VISA_APPROVED.number() + " <b>and</b> I am still waiting");
        assertThat(transcript).containsText("<b>and</b> I am still waiting");
        reply(chats(advisor).first(), "Sorry Priya, one moment");
        assertThat(transcript).containsText("Sorry Priya, one moment");

        assertThat(transcript).not().containsText(TestCard.VISA_APPROVED.number());
        assertThat(transcript.locator("b")).hasCount(0);
        assertThat(transcript.locator("li", new Locator.LocatorOptions().setHasText("still waiting")))
                .hasCount(1);

        chats(advisor)
                .first()
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End chat"))
                .click();
        assertThat(transcript).containsText("The advisor has ended the chat.");
        assertThat(supervisor.locator("#joined-chat")).containsText("The chat has ended.");
        assertThat(supervisor.getByLabel("Write to the resident")).hasCount(0);
    }

    @Test
    void aSupervisorWhoHasNotJoinedAChatCanNeitherReadNorWriteInIt() {
        Page advisor = centre.advisor("asha");
        Page resident = chattingWith(advisor);
        Page supervisor = centre.supervisor("sam");
        openConnectedChat(supervisor);
        String interaction = supervisor.locator("#story-heading").textContent().replace("Decision trace of ", "");

        Object statuses = supervisor.evaluate("""
                async (id) => {
                  const s = await (await fetch('/auth/session')).json();
                  const read = await fetch('/supervisor/api/contacts/' + id + '/chat/conversation');
                  const write = await fetch('/supervisor/api/contacts/' + id + '/chat/messages', { method: 'POST',
                    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrfToken },
                    body: JSON.stringify({ clientId: 's1', text: 'not joined' }) });
                  return [read.status, write.status];
                }""", interaction.strip());

        org.assertj.core.api.Assertions.assertThat(statuses).isEqualTo(List.of(409, 409));
        assertThat(log(resident)).not().containsText("not joined");
    }

    /** A page's WebSockets to a URL, through a route the test cuts (and that refuses them until restored). */
    private static final class Line {
        private final AtomicBoolean offline = new AtomicBoolean();
        private final List<WebSocketRoute[]> sockets = new CopyOnWriteArrayList<>();

        Line(Page page, String url) {
            page.routeWebSocket(url, ws -> {
                if (offline.get()) {
                    ws.close();
                    return;
                }
                sockets.add(new WebSocketRoute[] {ws, ws.connectToServer()});
            });
        }

        /** The open socket is closed on both sides, and new ones are refused. */
        void cut() {
            offline.set(true);
            WebSocketRoute[] open = sockets.getLast();
            open[1].close();
            open[0].close();
        }

        void restore() {
            offline.set(false);
        }
    }

    /** Priya asks for an advisor in the chat, and {@code advisor} accepts it. */
    private Page chattingWith(Page advisor) {
        Page resident = centre.resident("Priya", "priya@example.org", "general");
        say(resident, "0");
        accept(advisor);
        assertThat(log(resident)).containsText("An advisor has joined the chat.");
        return resident;
    }

    /** The supervisor joins the chat whose trace is open. */
    private static void joinChat(Page supervisor) {
        supervisor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join chat"))
                .click();
    }

    /** The supervisor finds the contacts and opens the trace of the chat connected to an advisor. */
    private static void openConnectedChat(Page supervisor) {
        supervisor
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find contacts"))
                .click();
        supervisor
                .locator("#contacts tbody tr")
                .filter(new Locator.FilterOptions().setHasText("connected"))
                .getByRole(AriaRole.BUTTON)
                .click();
    }
}
