package io.firstcontact.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.firstcontact.server.ChatCentre.chats;

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

/**
 * A browser test of email at the desk, against the whole server and a real mail server (GreenMail: the centre's
 * mailbox over IMAP, mail out over SMTP): Ada emails the centre about her bin, and the email is routed to an advisor.
 */
abstract class EmailInTheBrowser extends ChatInTheBrowser {
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

    /** Ada emails the centre about her bin; the email is routed to the advisor and shown in a card of their desk. */
    Locator emailAtTheDesk(Page advisor) throws Exception {
        send("Missed bin", "The bin on Mill Lane was missed on Tuesday.");
        Locator card = chats(advisor).filter(new Locator.FilterOptions().setHasText("Mill Lane"));
        assertThat(card.locator("ol.transcript")).containsText("Mill Lane");
        return card;
    }

    void send(String subject, String text) throws Exception {
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
    MimeMessage awaitMailTo(String to, String text) throws Exception {
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
