package io.firstcontact.channels.email;

import io.firstcontact.channels.conversation.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Sends the centre's mail over SMTP, on its own thread: replies in a thread (In-Reply-To and References set, the
 * centre's Message-ID naming the conversation), automatic acknowledgements (marked {@code Auto-Submitted:
 * auto-replied} so that well-behaved robots do not answer them), and plain mails such as a chat's transcript.
 */
final class Outbox implements Mailer {
    /** The most ids carried in References: the thread's first and the latest ones. */
    static final int MAX_REFERENCES = 10;

    private final EmailOptions options;
    private final Session session;
    private final Executor sending;
    private final InstantSource clock;
    private final InternetAddress from;
    private final String domain;

    Outbox(EmailOptions options, Executor sending, InstantSource clock) {
        this.options = options;
        this.session = MailSessions.smtp(options.smtp());
        this.sending = sending;
        this.clock = clock;
        try {
            this.from = new InternetAddress(options.address(), options.displayName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        this.domain = options.address().substring(options.address().indexOf('@') + 1);
    }

    /** A mail in a thread. */
    record ThreadMail(
            String conversation, String to, String subject, String text, List<String> references, String inReplyTo) {
        ThreadMail {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(to, "to");
            references = List.copyOf(references);
        }
    }

    /**
     * Sends a mail in a thread; completes with its Message-ID (without brackets) once the server took it.
     *
     * @param automatic an acknowledgement rather than a person's reply
     */
    CompletionStage<String> send(ThreadMail mail, boolean automatic) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        String id = MessageIds.ours(mail.conversation(), random(), domain);
                        MimeMessage m = new Identified(session, id);
                        m.setFrom(from);
                        m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
                        m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
                        m.setText(mail.text(), StandardCharsets.UTF_8.name());
                        m.setSentDate(new Date(clock.millis()));
                        if (mail.inReplyTo() != null) {
                            m.setHeader("In-Reply-To", "<" + mail.inReplyTo() + ">");
                        }
                        if (!mail.references().isEmpty()) {
                            m.setHeader("References", references(mail.references()));
                        }
                        m.setHeader("X-Loop", options.address());
                        if (automatic) {
                            m.setHeader("Auto-Submitted", "auto-replied");
                            m.setHeader("X-Auto-Response-Suppress", "All");
                            m.setHeader("Precedence", "auto_reply");
                        }
                        transport(m);
                        return id;
                    } catch (MessagingException e) {
                        throw new MailNotSentException(e);
                    }
                },
                sending);
    }

    /** A plain mail outside any thread (a chat's transcript). The address and text are never logged. */
    @Override
    public CompletionStage<Void> send(String to, String subject, String text) {
        return CompletableFuture.runAsync(
                () -> {
                    try {
                        MimeMessage m = new MimeMessage(session);
                        m.setFrom(from);
                        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
                        m.setSubject(subject, StandardCharsets.UTF_8.name());
                        m.setText(text, StandardCharsets.UTF_8.name());
                        m.setSentDate(new Date(clock.millis()));
                        m.setHeader("Auto-Submitted", "auto-generated");
                        m.setHeader("X-Loop", options.address());
                        transport(m);
                    } catch (MessagingException e) {
                        throw new MailNotSentException(e);
                    }
                },
                sending);
    }

    private void transport(MimeMessage m) throws MessagingException {
        EmailOptions.Server smtp = options.smtp();
        if (smtp.username() != null) {
            Transport.send(m, smtp.username(), smtp.secret());
        } else {
            Transport.send(m);
        }
    }

    private static String references(List<String> ids) {
        List<String> kept = ids.size() <= MAX_REFERENCES
                ? ids
                : java.util.stream.Stream.concat(
                                ids.stream().limit(1), ids.stream().skip(ids.size() - (MAX_REFERENCES - 1)))
                        .toList();
        StringBuilder b = new StringBuilder();
        for (String id : kept) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append('<').append(id).append('>');
        }
        return b.toString();
    }

    /** Sixteen random letters: an id part that never reads as a card number. */
    private static String random() {
        StringBuilder b = new StringBuilder(16);
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 16; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /** A message that keeps the Message-ID it was given (Jakarta Mail would draw its own when it is saved). */
    private static final class Identified extends MimeMessage {
        private final String id;

        Identified(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + ">");
        }
    }

    /** The mail server did not take a mail; the cause says why (never the address or the text). */
    static final class MailNotSentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MailNotSentException(MessagingException cause) {
            super("the mail server did not take the mail: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
