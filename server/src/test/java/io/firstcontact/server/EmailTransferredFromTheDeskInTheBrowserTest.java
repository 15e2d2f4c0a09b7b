package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.server.ChatCentre.chats;
import static io.firstcontact.server.ChatCentre.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.journal.JournalCodec;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An advisor passes a resident's email on from the desk, in a browser against the whole server and a real mail server:
 * to another email queue, or to a named colleague. The email leaves their desk (they can no longer answer it) and is
 * offered to the colleague, whose desk shows it with the resident's words.
 */
class EmailTransferredFromTheDeskInTheBrowserTest extends EmailInTheBrowser {
    /** A second email queue, which only Ben takes: the transfer to it can reach nobody else. */
    static final String COMPLAINTS = "complaints";

    private static final String BEN = "a1";

    /** The test servers' centre, with the complaints queue in Ben's routing profile alone. */
    @Override
    Map<String, Object> configuration() {
        Map<String, Object> sections = new HashMap<>(super.configuration());
        sections.put("routing", routing());
        return sections;
    }

    @Test
    void anEmailTransferredToAnotherQueueLeavesTheDeskAndIsOfferedToTheColleagueThere() throws Exception {
        Page asha = centre.advisor("asha");
        Locator card = emailAtTheDesk(asha);
        Page ben = centre.advisor("ben");

        transfer(card, "A queue", "Queue", COMPLAINTS);

        leftTheDesk(asha);
        Locator offered = emailWith(ben, "Mill Lane");
        assertThat(offered.locator("h3")).hasText("Email: " + COMPLAINTS);
        assertThat(offered.locator("ol.transcript")).containsText("The bin on Mill Lane was missed on Tuesday.");
        assertThat(offered.getByLabel("Reply")).isEditable();
    }

    @Test
    void anEmailTransferredToANamedColleagueLeavesTheDeskAndIsOfferedToThem() throws Exception {
        Page asha = centre.advisor("asha");
        Locator card = emailAtTheDesk(asha);
        Page ben = centre.advisor("ben");

        transfer(card, "A colleague", "Colleague", BEN);

        leftTheDesk(asha);
        Locator offered = emailWith(ben, "Mill Lane");
        assertThat(offered.locator("h3")).hasText("Email: email");
        assertThat(offered.locator("ol.transcript")).containsText("The bin on Mill Lane was missed on Tuesday.");
        assertThat(offered.getByLabel("Reply")).isEditable();
    }

    @Test
    void theColleagueAnswersATransferredEmailInTheResidentsThread() throws Exception {
        Locator card = emailAtTheDesk(centre.advisor("asha"));
        Page ben = centre.advisor("ben");
        transfer(card, "A colleague", "Colleague", BEN);

        reply(emailWith(ben, "Mill Lane"), "Ben here: the crew will come back tomorrow.");

        MimeMessage answer = awaitMailTo(RESIDENT, "Ben here: the crew will come back tomorrow.");
        assertThat(answer.getSubject()).isEqualTo("Re: Missed bin");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(FIRST_ID);
    }

    @Test
    void anEmailCannotBeTransferredToANumber() throws Exception {
        Locator card = emailAtTheDesk(centre.advisor("asha"));
        centre.advisor("ben");

        button(card, "Transfer…").click();

        assertThat(card.getByLabel("A queue")).isVisible();
        assertThat(card.getByLabel("A colleague")).isVisible();
        assertThat(card.getByLabel("A number")).hasCount(0);
        assertThat(button(card, "Consult…")).hasCount(0);
        assertThat(button(card, "Hold")).hasCount(0);
    }

    /** From the email's card: Transfer…, to a queue or a colleague, which one, Transfer. */
    private static void transfer(Locator card, String to, String which, String value) {
        button(card, "Transfer…").click();
        card.getByLabel(to).check();
        card.getByLabel(which, new Locator.GetByLabelOptions().setExact(true)).selectOption(value);
        button(card, "Transfer").click();
    }

    /** The advisor was told, and no email is in progress at their desk any more: nothing left to answer. */
    private static void leftTheDesk(Page advisor) {
        assertThat(advisor.locator("#announcer")).hasText("Transferred. Wrap up when you are ready.");
        assertThat(chats(advisor).locator("h3", new Locator.LocatorOptions().setHasText("Email: ")))
                .hasCount(0);
        assertThat(advisor.getByLabel("Reply")).hasCount(0);
    }

    private static Locator emailWith(Page advisor, String text) {
        Locator card = chats(advisor).filter(new Locator.FilterOptions().setHasText(text));
        assertThat(card).hasCount(1);
        return card;
    }

    private static Locator button(Locator card, String name) {
        return card.getByRole(
                AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The routing section: the small centre and its four advisors, Ben (a1) the only one taking complaints. */
    private static ObjectNode routing() {
        RoutingConfig small = Centres.small();
        List<QueueConfig> queues = new ArrayList<>(small.queues());
        queues.add(QueueConfig.simple(COMPLAINTS, "email", 24 * 3_600_000L, List.of(), 0));
        RoutingProfile all = small.routingProfiles().getFirst();
        List<QueueMembership> withComplaints = new ArrayList<>(all.queues());
        withComplaints.add(new QueueMembership(COMPLAINTS, 1, 0));
        RoutingProfile complaints = new RoutingProfile("all-and-complaints", withComplaints);
        RoutingConfig config = new RoutingConfig(
                small.version(),
                small.channels(),
                small.skills(),
                queues,
                small.utilisationProfiles(),
                List.of(all, complaints),
                small.notReadyReasons(),
                small.attributes(),
                small.policy());
        ObjectNode routing = TestServer.JSON.createObjectNode();
        try {
            routing.set("config", TestServer.JSON.readTree(new JournalCodec().encodeValue(config)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ArrayNode agents = routing.putArray("agents");
        for (int a = 0; a < 4; a++) {
            String id = "a" + a;
            ObjectNode agent = agents.addObject().put("agentId", id);
            agent.putArray("skills").addObject().put("skill", "billing").put("proficiency", 5);
            agent.put("utilisationProfile", "council")
                    .put("routingProfile", id.equals(BEN) ? complaints.id() : all.id());
        }
        return routing;
    }
}
