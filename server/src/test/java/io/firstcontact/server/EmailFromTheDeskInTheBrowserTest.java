package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.server.ChatCentre.chats;
import static io.firstcontact.server.ChatCentre.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A resident's email answered by an advisor at the desk in a browser, against the whole server and a real mail server
 * (GreenMail: the centre's mailbox over IMAP, mail out over SMTP): the email is routed to the advisor, read in their
 * work card, answered there, and the answer reaches the resident by SMTP in the same thread.
 */
class EmailFromTheDeskInTheBrowserTest extends ChatInTheBrowser {
    static final String CENTRE = "contact@council.example";
    static final String RESIDENT = "ada@example.org";
    static final String FIRST_ID = "<missed-bin-1@example.org>";

    GreenMail mail;

    /** The centre's mailbox on a mail server of the test's own, started before the server that reads it. */
    @Override
    Map<String, Object> configuration() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser(CENTRE, "contact", "secret");
        return Map.of(
                "email",
                Map.of(
                        "address",
                        CENTRE,
                        "displayName",
                        "Council contact centre",
                        "imap",
                        Map.of(
                                "host", "127.0.0.1",
                                "port", mail.getImap().getPort(),
                                "security", "none",
                                "username", "contact",
                                "password", "secret"),
                        "smtp",
                        Map.of(
                                "host", "127.0.0.1",
                                "port", mail.getSmtp().getPort(),
                                "security", "none"),
                        "queue",
                        "email",
                        "pollInterval",
                        "1s"));
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

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

    /** Ada emails the centre about her bin; the email is routed to the advisor and shown in a card of their desk. */
    private Locator emailAtTheDesk(Page advisor) throws Exception {
        send("Missed bin", "The bin on Mill Lane was missed on Tuesday.");
        Locator card = chats(advisor).filter(new Locator.FilterOptions().setHasText("Mill Lane"));
        assertThat(card.locator("ol.transcript")).containsText("Mill Lane");
        return card;
    }

    private void send(String subject, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", FIRST_ID);
            }
        };
        m.setFrom(new InternetAddress(RESIDENT, "Ada Lovelace"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(CENTRE));
        m.setSubject(subject);
        m.setText(text);
        Transport.send(m);
    }

    /** The mail the server received for {@code to} whose body holds {@code text}, waiting for it up to 30 s. */
    private MimeMessage awaitMailTo(String to, String text) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : mail.getReceivedMessages()) {
                boolean forThem = Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> ((InternetAddress) a).getAddress().equals(to));
                if (forThem
                        && com.icegreen.greenmail.util.GreenMailUtil.getBody(m).contains(text)) {
                    return m;
                }
            }
            // Wakes at the next message the mail server receives (or after a second), not on a fixed sleep.
            mail.waitForIncomingEmail(1_000, mail.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + to + " holding \"" + text + "\" within 30 s");
    }
}
