package io.firstcontact.server.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.firstcontact.channels.email.EmailOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own mail server (GreenMail, in memory, loopback only): the demo centre's mailbox {@value #ADDRESS} and
 * an SMTP port anyone on this machine can send it mail through ({@value #SMTP_PORT}, or a free port when that one is
 * taken: the log says which). Mail the centre sends to anyone is kept in memory and readable over IMAP on
 * {@value #IMAP_PORT}, signing in with the recipient's address as both user name and password (the mail server makes
 * such a mailbox for every recipient) — a demo, not a mail service.
 */
final class DemoMailServer implements AutoCloseable {
    static final String ADDRESS = "contact@council.example";
    static final int SMTP_PORT = 2525;
    static final int IMAP_PORT = 3143;
    private static final String HOST = "127.0.0.1";
    private static final Logger LOG = LoggerFactory.getLogger(DemoMailServer.class);

    private final GreenMail mail;
    private final String password;

    /** @param password the centre's mailbox password (generated per data directory) */
    DemoMailServer(String password) {
        this.password = password;
        GreenMail started = start(SMTP_PORT, IMAP_PORT);
        if (started == null) {
            started = start(0, 0); // the usual ports are taken (another demo, a test): any free ones
        }
        if (started == null) {
            throw new IllegalStateException("the demo mail server could not start");
        }
        this.mail = started;
        mail.setUser(ADDRESS, "contact", password);
        LOG.info(
                "Demo mail: send mail to {} through SMTP at {}:{} (no authentication); the centre's replies are read"
                        + " over IMAP at {}:{} (user name and password: the recipient's address)",
                ADDRESS,
                HOST,
                smtpPort(),
                HOST,
                imapPort());
    }

    private static GreenMail start(int smtp, int imap) {
        GreenMail g = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtp, HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imap, HOST, ServerSetup.PROTOCOL_IMAP)
        });
        try {
            g.start();
            return g;
        } catch (RuntimeException e) {
            LOG.debug("demo mail server: ports {}/{} not free ({})", smtp, imap, e.toString());
            try {
                g.stop();
            } catch (RuntimeException ignored) {
                // it did not start
            }
            return null;
        }
    }

    int smtpPort() {
        return mail.getSmtp().getPort();
    }

    int imapPort() {
        return mail.getImap().getPort();
    }

    /** The email channel's settings for the demo mailbox. */
    EmailOptions options() {
        return new EmailOptions(
                "contact",
                ADDRESS,
                "Council contact centre",
                new EmailOptions.Server(HOST, imapPort(), EmailOptions.Security.NONE, "contact", password, null),
                new EmailOptions.Server(HOST, smtpPort(), EmailOptions.Security.NONE, null, null, null),
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    public void close() {
        mail.stop();
    }
}
