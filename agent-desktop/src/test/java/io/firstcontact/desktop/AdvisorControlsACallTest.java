package io.firstcontact.desktop;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.desktop.CallDesks.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Phase;
import org.junit.jupiter.api.Test;

/** An advisor on a call holds it, transfers it, and consults a colleague, from the buttons on the call's card. */
class AdvisorControlsACallTest extends InTheBrowser {
    private static final String CALLER = "Mrs Amira Okafor";

    private Page readyDesk(String username) {
        return CallDesks.readyDesk(browser, centre, username);
    }

    private String ashaOnACall(Page asha) {
        return CallDesks.answerACall(asha, centre);
    }

    private Phase phase(String interactionId) {
        return centre.read(
                () -> centre.view.interaction(interactionId).orElseThrow().phase());
    }

    @Test
    void anAdvisorHoldsACallAndResumesIt() {
        Page asha = readyDesk("asha");
        String call = ashaOnACall(asha);

        button(asha, "Hold").click();

        assertThat(asha.locator("article.work .on-hold")).containsText("On hold");
        assertThat(asha.locator("article.work .on-hold .clock")).containsText("0:0");
        assertThat(asha.locator("article.work")).hasClass(java.util.regex.Pattern.compile("on-hold"));
        assertThat(phase(call)).isEqualTo(Phase.PARKED);
        assertThat(button(asha, "Resume")).isFocused();

        button(asha, "Resume").click();

        assertThat(asha.locator("article.work .on-hold")).hasCount(0);
        assertThat(button(asha, "Hold")).isVisible();
        assertThat(phase(call)).isEqualTo(Phase.CONNECTED);
    }

    @Test
    void aCallTransferredBlindToAnotherQueueReachesASecondAdvisorWithTheCustomersAccount() {
        Page asha = readyDesk("asha");
        ashaOnACall(asha);
        Page ben = readyDesk("ben");

        button(asha, "Transfer…").click();
        assertThat(asha.getByLabel("A queue")).isFocused();
        asha.getByLabel("Queue", new Page.GetByLabelOptions().setExact(true))
                .selectOption(TestCentre.SECOND_VOICE_QUEUE);
        button(asha, "Transfer").click();

        assertThat(asha.locator("article.work h3")).hasText("Wrap-up: call, parking");
        assertThat(ben.locator("article.offer h3")).hasText("Incoming call: " + TestCentre.SECOND_VOICE_QUEUE);
        assertThat(ben.locator("article.offer .customer-name")).hasText(CALLER);
        assertThat(ben.locator("article.offer")).containsText("PCN HA12345678");
        button(ben, "Accept call").click();
        assertThat(ben.locator("article.work h3")).hasText("Call: " + TestCentre.SECOND_VOICE_QUEUE);
        assertThat(ben.locator("article.work .customer-name")).hasText(CALLER);
    }

    @Test
    void aCallTransferredToANamedColleagueRingsForThem() {
        Page asha = readyDesk("asha");
        ashaOnACall(asha);
        Page ben = readyDesk("ben");

        button(asha, "Transfer…").click();
        asha.getByLabel("A colleague").check();
        asha.getByLabel("Colleague", new Page.GetByLabelOptions().setExact(true))
                .selectOption("adv-2");
        button(asha, "Transfer").click();

        assertThat(ben.locator("article.offer h3")).hasText("Incoming call: parking");
        assertThat(ben.locator("article.offer .customer-name")).hasText(CALLER);
        assertThat(asha.locator("article.work h3")).hasText("Wrap-up: call, parking");
    }

    @Test
    void anAdvisorConsultsAColleagueWhoAnswersAndCompletesTheTransfer() {
        Page asha = readyDesk("asha");
        String call = ashaOnACall(asha);
        Page ben = readyDesk("ben");

        button(asha, "Consult…").click();
        assertThat(asha.getByLabel("Colleague", new Page.GetByLabelOptions().setExact(true)))
                .isFocused();
        button(asha, "Consult").click();

        assertThat(asha.locator("article.work .consulting")).hasText("Ringing Ben Okoro (adv-2)…");
        assertThat(button(asha, "Complete transfer")).isDisabled();
        assertThat(ben.locator("article.offer h3"))
                .hasText("Consult: Asha Patel (adv-1) asks you into a call (parking)");
        assertThat(ben.locator("article.offer .customer-name")).hasText(CALLER);
        button(ben, "Accept consult").click();

        assertThat(ben.locator("article.work .consulted")).hasText("Asha Patel (adv-1) asked you into this call");
        assertThat(button(ben, "End call")).hasCount(0);
        assertThat(asha.locator("article.work .consulting")).hasText("Consulting Ben Okoro (adv-2)");
        assertThat(asha.locator("#announcer"))
                .hasText("Ben Okoro (adv-2) answered. Complete the transfer or cancel the consult.");
        button(asha, "Complete transfer").click();

        assertThat(asha.locator("article.work h3")).hasText("Wrap-up: call, parking");
        assertThat(ben.locator("article.work .consulted")).hasCount(0);
        assertThat(button(ben, "Hold")).isVisible();
        assertThat(button(ben, "End call")).isVisible();
        assertThat(centre.read(() -> centre.view.agent("adv-2").orElseThrow().assignmentIds()))
                .singleElement()
                .satisfies(id -> assertThat(centre.read(
                                () -> centre.view.assignment(id).orElseThrow().interactionId()))
                        .isEqualTo(call));
    }

    @Test
    void anAdvisorCancelsAConsultAndKeepsTheCaller() {
        Page asha = readyDesk("asha");
        String call = ashaOnACall(asha);
        Page ben = readyDesk("ben");
        button(asha, "Hold").click();
        CallDesks.consultAnswered(asha, ben);

        button(asha, "Cancel consult").click();

        assertThat(asha.locator("article.work .consulting")).hasCount(0);
        assertThat(ben.getByText("Nothing open.")).isVisible();
        assertThat(asha.locator("article.work .on-hold")).containsText("On hold");
        button(asha, "Resume").click();
        // "Consult…" shows on hold too: "Hold" is what says the resume came back from routing.
        assertThat(button(asha, "Hold")).isVisible();
        assertThat(button(asha, "Consult…")).isVisible();
        assertThat(phase(call)).isEqualTo(Phase.CONNECTED);
        assertThat(centre.read(() -> centre.view
                        .assignment(centre.view
                                .agent("adv-1")
                                .orElseThrow()
                                .assignmentIds()
                                .getFirst())
                        .orElseThrow()
                        .status()))
                .isEqualTo(AssignmentStatus.ACTIVE);
    }

    @Test
    void theTransferFormTakesTheFocusAndEscapeGivesItBack() {
        Page asha = readyDesk("asha");
        ashaOnACall(asha);
        button(asha, "Transfer…").focus();

        asha.keyboard().press("Enter");
        assertThat(asha.getByLabel("A queue")).isFocused();
        assertThat(button(asha, "Transfer…")).hasAttribute("aria-expanded", "true");
        asha.keyboard().press("Escape");

        assertThat(asha.locator("form.call-form")).hasCount(0);
        assertThat(button(asha, "Transfer…")).isFocused();
        assertThat(button(asha, "Transfer…")).hasAttribute("aria-expanded", "false");
    }

    @Test
    void aChatIsTransferredToAColleagueButNeitherHeldNorConsultedAbout() {
        Page asha = readyDesk("asha");
        centre.chat("cust-1", Attributes.of("service", "waste", "keyed", "missed bin"));
        button(asha, "Accept chat").click();
        assertThat(asha.locator("article.work h3")).hasText("Chat: " + TestCentre.CHAT_QUEUE);
        Page ben = readyDesk("ben");
        assertThat(button(asha, "Hold")).hasCount(0);
        assertThat(button(asha, "Consult…")).hasCount(0);

        button(asha, "Transfer…").click();
        assertThat(asha.getByLabel("A number")).hasCount(0);
        asha.getByLabel("A colleague").check();
        button(asha, "Transfer").click();

        assertThat(ben.locator("article.offer h3")).hasText("Incoming chat: " + TestCentre.CHAT_QUEUE);
        assertThat(ben.locator("article.offer .customer-name")).hasText(CALLER);
        assertThat(asha.locator("article.work h3")).hasText("Wrap-up: chat, " + TestCentre.CHAT_QUEUE);
    }
}
