package io.firstcontact.channels.email;

import static io.firstcontact.channels.TestRouting.join;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firstcontact.channels.TestRouting;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.SealingKey;
import io.firstcontact.channels.conversation.TranscriptStore;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.port.RoutingPort;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real mail server (GreenMail: SMTP and IMAP with IDLE, on free ports) holding the centre's mailbox, real routing
 * ({@link TestRouting}), and the email channel between them with its transcripts in a temporary directory. The
 * channel can be stopped and started again on the same directory, as after a crash.
 */
final class MailRig implements AutoCloseable {
    static final String CENTRE = "contact@council.example";
    static final String RESIDENT = "ada@example.org";

    final GreenMail mail;
    final GreenMailUser centre;
    final TestRouting routing;
    final Path dir;
    final EmailOptions options;
    ExecutorService io;
    ConversationBook book;
    EmailAdapter adapter;

    MailRig(Path dir) {
        this(dir, null);
    }

    MailRig(Path dir, Integer maxAttachmentBytes) {
        this.dir = dir;
        this.mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        this.centre = mail.setUser(CENTRE, "contact", "secret");
        this.routing = new TestRouting();
        this.options = new EmailOptions(
                "contact",
                CENTRE,
                "Council contact centre",
                new EmailOptions.Server(
                        "127.0.0.1", mail.getImap().getPort(), EmailOptions.Security.NONE, "contact", "secret", null),
                new EmailOptions.Server(
                        "127.0.0.1", mail.getSmtp().getPort(), EmailOptions.Security.NONE, null, null, null),
                TestRouting.EMAIL_QUEUE,
                Duration.ofSeconds(1),
                maxAttachmentBytes,
                null,
                null);
    }

    /** Starts the channel (again) on the rig's directory, talking to routing through {@code port}. */
    EmailAdapter start(RoutingPort port) {
        io = Executors.newSingleThreadExecutor(r -> new Thread(r, "transcripts"));
        book = new ConversationBook(
                new TranscriptStore(dir, SealingKey.loadOrCreate(dir.resolve("transcripts.key")), Duration.ofDays(30)),
                io,
                InstantSource.system());
        adapter = new EmailAdapter(options, book, routing, InstantSource.system());
        join(adapter.start(port));
        return adapter;
    }

    EmailAdapter start() {
        return start(routing);
    }

    /** Stops the channel as a crash would leave it: whatever it had not marked seen stays unseen. */
    void stop() {
        join(adapter.stop());
        io.shutdownNow();
    }

    /** A resident's email, put straight into the centre's mailbox. */
    MimeMessage resident(String messageId, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(RESIDENT, "Ada Lovelace"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(CENTRE));
        m.setSubject(subject);
        m.setText(text);
        m.setHeader("Message-ID", "<" + messageId + ">");
        return m;
    }

    void deliver(MimeMessage m) throws Exception {
        String id = m.getHeader("Message-ID", null);
        m.saveChanges();
        m.setHeader("Message-ID", id); // saveChanges draws a new one otherwise
        centre.deliver(m);
    }

    /** The mails the centre sent to the resident, oldest first. */
    List<MimeMessage> sentToResident() {
        return Arrays.asList(mail.getReceivedMessagesForDomain("example.org"));
    }

    /** How many emails in the centre's mailbox are still unseen (read without marking anything). */
    int unseen() throws Exception {
        Session s = Session.getInstance(new Properties());
        try (Store store = s.getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), "contact", "secret");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                return inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            } finally {
                inbox.close(false);
            }
        }
    }

    /** The email interactions routing created, in order. */
    List<Fact.InteractionCreated> created() {
        return routing.facts.stream()
                .filter(f ->
                        f instanceof Fact.InteractionCreated c && c.channel().equals("email"))
                .map(f -> (Fact.InteractionCreated) f)
                .toList();
    }

    @Override
    public void close() {
        if (adapter != null) {
            join(adapter.stop());
        }
        if (io != null) {
            io.shutdownNow();
        }
        routing.close();
        mail.stop();
    }
}
