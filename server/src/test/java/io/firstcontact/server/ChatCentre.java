package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.desktop.Browser;
import io.firstcontact.ivr.rig.Residents;
import io.firstcontact.server.config.ConfigLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real server (production mode, the IVR rig's residents as its back office, the small centre, the demo IVR's flows open at every hour, the web chat waiting in
 * {@code chat}) with two advisors and a supervisor who sign in to the desk, and residents who open the chat on the
 * server's demo council page: each a browser profile of its own, as a different person at a different computer.
 */
final class ChatCentre implements AutoCloseable {
    static final String PASSWORD = "a long pass phrase";

    final TestServer server;
    final Browser browser;
    /** The residents the assistant looks fines up for, and takes their payments. */
    final Residents backOffice = new Residents();

    /** @param more further sections of the configuration ({@code email}) */
    ChatCentre(Browser browser, Path dataDir, Map<String, Object> more) throws Exception {
        this.browser = browser;
        Map<String, Object> sections = new java.util.HashMap<>(more);
        sections.putAll(Map.of(
                "desktop",
                Map.of(
                        "staff",
                        Map.of(
                                "users",
                                List.of(
                                        user("asha", "Asha Patel", "advisor", "a0"),
                                        user("ben", "Ben Okoro", "advisor", "a1"),
                                        user("sam", "Sam Reid", "supervisor", null)))),
                "ivr",
                Map.of(
                        "flows",
                        IvrFlowsFile.write(dataDir, IvrFlowsFile.smallCentreAlwaysOpen())
                                .toString()),
                "chat",
                Map.of("queue", "chat", "disconnectGrace", "30s")));
        Path file = TestServer.writeConfig(dataDir, 0, 0, sections);
        FirstContactServer started =
                new FirstContactServer(new ConfigLoader().load(Optional.of(file), Map.of()), backOffice);
        try {
            started.start();
        } catch (Exception | Error e) {
            started.close();
            throw e;
        }
        this.server = TestServer.of(started, dataDir);
        // The assistant looks fines up in the account context, which starts in the background.
        server.server.account().get(60, TimeUnit.SECONDS);
    }

    private static Map<String, Object> user(String username, String name, String role, String agentId) {
        return Staff.user(username, name, PASSWORD, role, agentId);
    }

    String base() {
        return server.base();
    }

    /** An advisor signs in at the desk and logs in ready. */
    Page advisor(String username) {
        Page page = signIn(username, "/desk/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in ready"))
                .click();
        assertThat(page.getByText("No offer ringing.")).isVisible();
        return page;
    }

    /** A supervisor signs in at the supervisor view. */
    Page supervisor(String username) {
        return signIn(username, "/supervisor/");
    }

    private Page signIn(String username, String path) {
        return Staff.signIn(browser.newPage(), base() + path, username, PASSWORD);
    }

    /** A resident on the council's page opens the chat and sends the pre-chat form. */
    Page resident(String name, String contact, String topic) {
        return openChat(browser.newPage(), name, contact, topic);
    }

    /** The chat widget on the demo page, opened, with its form sent. */
    Page openChat(Page page, String name, String contact, String topic) {
        page.navigate(base() + "/chat/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Chat with Demo Borough Council"))
                .click();
        page.getByLabel("Your name").fill(name);
        page.getByLabel("Email or phone number").fill(contact);
        page.getByLabel("What is it about?").selectOption(topic);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start chat"))
                .click();
        assertThat(log(page)).containsText("Type 1 to pay a parking fine");
        return page;
    }

    /** The resident types a message and sends it. */
    static void say(Page resident, String text) {
        resident.locator("#fc-chat-message").fill(text); // its label says when it asks for card details
        resident.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Send").setExact(true))
                .click();
    }

    /** The resident's conversation as their page shows it. */
    static Locator log(Page resident) {
        return resident.locator("div.log");
    }

    /** The advisor accepts the chat ringing at their desk. */
    static void accept(Page advisor) {
        advisor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept chat"))
                .first()
                .click();
    }

    /** The work cards at the desk. */
    static Locator chats(Page advisor) {
        return advisor.locator("article.work");
    }

    /** The advisor writes in the chat of {@code card} and sends it. */
    static void reply(Locator card, String text) {
        card.getByLabel("Reply").fill(text);
        card.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Send").setExact(true))
                .click();
    }

    @Override
    public void close() {
        browser.closePages();
        server.close();
    }
}
