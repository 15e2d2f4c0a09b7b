package io.firstcontact.server.mail;

import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Mailer;
import io.firstcontact.channels.email.EmailAdapter;
import io.firstcontact.channels.email.EmailOptions;
import io.firstcontact.channels.sms.CallbackConfirmations;
import io.firstcontact.channels.sms.HttpSmsGateway;
import io.firstcontact.channels.sms.LogSmsGateway;
import io.firstcontact.channels.sms.MessageNotifier;
import io.firstcontact.channels.sms.SmsAdapter;
import io.firstcontact.channels.sms.SmsGateway;
import io.firstcontact.channels.sms.SmsOptions;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.server.chat.ViewReads;
import io.firstcontact.server.config.SecretFile;
import io.firstcontact.server.config.ServerConfig;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's email and SMS. Email runs on the {@code email:} mailbox when one is configured, and in demo mode on the
 * embedded {@link DemoMailServer}; its threads are kept in the one conversation book of every written channel (the web
 * chat's: sealed under {@code <dataDir>/transcripts/}, deleted after {@code chat.transcriptRetention}), never in the
 * journal. The
 * {@link #notifier() notifier} sends texts through the SMS gateway ({@code sms.gatewayUrl}, else the log sink) and
 * emails through the email channel (else a log sink); residents' texts come in by the signed webhook when {@code
 * sms.inbound} is on.
 */
public final class MailChannels implements AutoCloseable {
    /** The zone a promised callback's time is written in: the council's. */
    static final ZoneId CENTRE_ZONE = ZoneId.of("Europe/London");

    private static final Logger LOG = LoggerFactory.getLogger(MailChannels.class);

    private final ConversationBook book;
    private final DemoMailServer demoMail;
    private final EmailAdapter email;
    private final SmsGateway gateway;
    private final SmsAdapter sms;
    private final MessageNotifier notifier;

    /**
     * Email and SMS keeping their threads in {@code book}: the one book of every written channel, which the desk reads
     * (the web chat's, which also deletes what is past its retention).
     */
    public MailChannels(
            ServerConfig config, ConversationBook book, LiveView view, Executor engineThread, InstantSource clock) {
        Path dataDir = config.dataDir();
        this.book = Objects.requireNonNull(book, "book");
        ViewReads reads = new ViewReads(view, engineThread);
        EmailOptions emailOptions = config.email();
        if (emailOptions == null && config.demoMode()) {
            demoMail = new DemoMailServer(SecretFile.readOrCreate(
                            dataDir.resolve("demo-mail.password"), MailChannels::password, "the demo mailbox password")
                    .value());
            emailOptions = demoMail.options();
        } else {
            demoMail = null;
        }
        this.email = emailOptions == null ? null : new EmailAdapter(emailOptions, book, reads, clock);
        SmsOptions smsOptions = config.sms();
        this.gateway = smsOptions.gatewayUrl() == null ? new LogSmsGateway() : new HttpSmsGateway(smsOptions);
        this.sms = smsOptions.inbound() ? new SmsAdapter(smsOptions, gateway, book, reads, clock) : null;
        this.notifier = new MessageNotifier(gateway, email != null ? email.mailer() : logMailer());
    }

    /** The written conversations of email and SMS, for the desk. */
    public Conversations conversations() {
        return book;
    }

    /** Texts and emails to residents outside a conversation: receipts, callback confirmations, links. */
    public Notifier notifier() {
        return notifier;
    }

    /** Texts residents to confirm their callbacks: subscribe it to routing's committed entries. */
    public EffectSink callbackConfirmations() {
        return new CallbackConfirmations(notifier, CENTRE_ZONE);
    }

    /**
     * The email channel's sender, for other channels' mails (a chat's transcript); without email, one that sends nothing
     * and fails, so that nobody is told a mail went.
     */
    public Mailer mailer() {
        return email != null ? email.mailer() : logMailer();
    }

    /** Starts reading the mailbox and taking texts, once routing is open. */
    public void start(RoutingPort routing) throws Exception {
        if (email != null) {
            email.start(routing).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } else {
            LOG.info("email channel off (no email: section)");
        }
        if (sms != null) {
            sms.start(routing).toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Mounts the SMS webhook ({@code POST /sms/inbound}) when residents' texts are taken. */
    public void mount(Router router) {
        if (sms != null) {
            sms.mount(router);
        }
    }

    /** The demo mail server's SMTP port, or -1 outside demo mode. */
    public int demoSmtpPort() {
        return demoMail == null ? -1 : demoMail.smtpPort();
    }

    /** The email channel, when it runs (for tests and metrics). */
    public EmailAdapter email() {
        return email;
    }

    @Override
    public void close() {
        for (var adapter : new io.firstcontact.router.api.port.ChannelAdapter[] {email, sms}) {
            if (adapter != null) {
                try {
                    adapter.stop().toCompletableFuture().get(40, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warn("{} did not stop cleanly: {}", adapter.name(), e.toString());
                }
            }
        }
        if (demoMail != null) {
            demoMail.close();
        }
    }

    private static String password() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Mailer logMailer() {
        return (to, subject, text) -> {
            LOG.info(
                    "an email was asked for but no mail server is configured: not sent ({} characters)", text.length());
            return CompletableFuture.failedFuture(new IllegalStateException("no mail server is configured"));
        };
    }
}
