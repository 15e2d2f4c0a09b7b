package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.server.ChatCentre.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * A resident's email answered by an advisor at the desk in a browser, against the whole server and a real mail server:
 * the email is routed to the advisor, read in their work card, answered there, and the answer reaches the resident by
 * SMTP in the same thread.
 */
class EmailFromTheDeskInTheBrowserTest extends EmailInTheBrowser {

    @Test
    void anAdvisorReadsAResidentsEmailAtTheDeskAndTheirReplyArrivesInTheSameThread() throws Exception {
        Locator card = emailAtTheDesk(centre.advisor("asha"));
        assertThat(card.locator("ol.transcript")).containsText("The bin on Mill Lane was missed on Tuesday.");
        reply(card, "Sorry about that, Ada: the crew will come back tomorrow.");
        assertThat(card.locator("ol.transcript")).containsText("the crew will come back tomorrow");

        MimeMessage answer = awaitMailTo(RESIDENT, "the crew will come back tomorrow");
        assertThat(answer.getSubject()).isEqualTo("Re: Missed bin");
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(FIRST_ID);
        assertThat(answer.getHeader("References", null)).contains(FIRST_ID);
        assertThat(((InternetAddress) answer.getFrom()[0]).getAddress()).isEqualTo(CENTRE);
    }

    @Test
    void theAdvisorSeesTheEmailsSubjectInTheirWorkCard() throws Exception {
        Locator card = emailAtTheDesk(centre.advisor("asha"));

        assertThat(card.locator("ol.transcript li", new Locator.LocatorOptions().setHasText("Mill Lane")))
                .containsText("Subject: Missed bin");
    }

    @Test
    void anEmailReplyWrittenInSeveralLinesReachesTheResidentAsWritten() throws Exception {
        Locator card = emailAtTheDesk(centre.advisor("asha"));

        Locator box = card.getByLabel("Reply");
        box.pressSequentially("Dear Ada,");
        box.press("Enter");
        box.pressSequentially("The crew will come back tomorrow.");
        assertThat(card.locator("ol.transcript")).not().containsText("Dear Ada"); // Enter did not send it
        card.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Send").setExact(true))
                .click();

        MimeMessage answer = awaitMailTo(RESIDENT, "The crew will come back tomorrow.");
        assertThat(answer.getContent().toString().replace("\r\n", "\n"))
                .contains("Dear Ada,\nThe crew will come back tomorrow.");
    }
}
