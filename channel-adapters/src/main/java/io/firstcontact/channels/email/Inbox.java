package io.firstcontact.channels.email;

import io.firstcontact.channels.conversation.Conversation;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Intake;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.InteractionIds;
import io.firstcontact.router.api.port.RoutingPort;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the centre does with each email it reads, and with the advisors' replies. An email is kept in its thread's
 * conversation (card numbers masked), then — when its thread has no live interaction — routed as a new interaction
 * whose source reference is {@code email:<mailbox>:<message-id>}; only then may the mailbox mark it seen. Every step
 * can be done again without effect: the entry is named after the message, routing answers a live source reference
 * with the interaction it has, and the thread remembers which messages it was routed for. So a crash anywhere before
 * the mail is marked seen leaves it to be read again, and reading it again loses nothing and duplicates nothing.
 */
final class Inbox implements EffectSink {
    static final String SOURCE = "email";
    static final String CHANNEL = "email";
    static final String NAME_ATTRIBUTE = "residentName";
    static final String CONTACT_ATTRIBUTE = "residentContact";
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    private static final long WAIT_SECONDS = 30;
    /** One acknowledgement per sender in this time, whatever they send: a robot that hides what it is stops here. */
    private static final long ACK_EVERY_MILLIS = 3_600_000;

    private final EmailOptions options;
    private final ConversationBook book;
    private final RoutingReads reads;
    private final Outbox outbox;
    private final InstantSource clock;
    private final MailReader reader;
    private final Map<String, EmailThread> threads = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledged = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 10_000;
        }
    };
    private volatile RoutingPort routing;

    Inbox(EmailOptions options, ConversationBook book, RoutingReads reads, Outbox outbox, InstantSource clock) {
        this.options = options;
        this.book = book;
        this.reads = reads;
        this.outbox = outbox;
        this.clock = clock;
        this.reader = new MailReader(options.maxAttachmentBytes());
    }

    void start(RoutingPort port) {
        this.routing = port;
    }

    /** What became of an email read: the mailbox marks it seen, then {@link #acknowledge} answers it if due. */
    record Handled(EmailThread thread, InboundMail mail, boolean acknowledge) {}

    /**
     * Keeps and routes an email. Blocks (the mailbox's own thread calls it) until its records are written and routing
     * has committed it.
     *
     * @throws Intake.NotTakenException when routing did not take it: it stays unseen and is read again later
     * @throws MessagingException when it cannot be read at all
     */
    Handled handle(MimeMessage m) throws MessagingException, IOException {
        InboundMail mail = reader.read(m);
        Optional<String> automatic = AutomaticMail.reason(m, options.address());
        List<String> candidates = new ArrayList<>();
        candidates.add(MessageIds.keyOf(mail.messageId()));
        candidates.addAll(MessageIds.candidateKeys(mail.references(), mail.inReplyTo()));
        EmailThread thread = find(candidates);
        if (automatic.isPresent()) {
            if (thread != null) {
                keepEntry(
                        thread,
                        mail,
                        Author.CENTRE,
                        "An automatic message came back (" + automatic.get() + "): " + mail.subject());
                Intake.settle(book);
            } else {
                LOG.info("email: an automatic message was set aside unanswered ({})", automatic.get());
            }
            return new Handled(thread, mail, false);
        }
        if (thread == null) {
            thread = begin(mail);
        }
        keepEntry(thread, mail, Author.resident(mail.name()), mail.text());
        boolean created = route(thread, mail);
        Intake.settle(book);
        boolean ack = created && !AutomaticMail.suppressesAcknowledgement(m);
        return new Handled(thread, mail, ack);
    }

    /** The automatic acknowledgement of a new email, once it is marked seen: at most one per sender an hour. */
    void acknowledge(Handled h) {
        if (!h.acknowledge()) {
            return;
        }
        long now = clock.millis();
        synchronized (acknowledged) {
            Long last = acknowledged.get(h.mail().address());
            if (last != null && now - last < ACK_EVERY_MILLIS) {
                return;
            }
            acknowledged.put(h.mail().address(), now);
        }
        EmailThread t = h.thread();
        outbox.send(
                        new Outbox.ThreadMail(
                                t.key,
                                t.address(),
                                t.replySubject(),
                                options.acknowledgement(),
                                t.references(),
                                h.mail().messageId()),
                        true)
                .whenComplete((id, e) -> {
                    if (e != null) {
                        LOG.warn("email {}: the acknowledgement was not sent ({})", t.key, e.getMessage());
                        return;
                    }
                    keep(t, EmailThread.mailRecord(id, false));
                    t.conversation.add(Author.CENTRE, "We acknowledged this email automatically.", clock.millis());
                });
    }

    // ------------------------------------------------------------------ threads

    private EmailThread find(List<String> keys) {
        for (String key : keys) {
            EmailThread t = threads.get(key);
            if (t == null && book.store().exists(key)) {
                t = load(key);
            }
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** A thread read back from its records (after a restart), or the one held; null when nothing is kept under it. */
    synchronized EmailThread load(String key) {
        EmailThread held = threads.get(key);
        if (held != null) {
            return held;
        }
        if (!MessageIds.isKey(key) || !book.store().exists(key)) {
            return null;
        }
        Conversation c = book.open(key, CHANNEL, this::deliver);
        EmailThread t = new EmailThread(key, c);
        book.records(key).forEach(t::apply);
        for (String id : t.interactions()) {
            book.route(c, id);
        }
        threads.put(key, t);
        return t;
    }

    private synchronized EmailThread begin(InboundMail mail) {
        String key = MessageIds.keyOf(mail.messageId());
        EmailThread held = threads.get(key);
        if (held != null) {
            return held;
        }
        Conversation c = book.open(key, CHANNEL, this::deliver);
        EmailThread t = new EmailThread(key, c);
        keep(t, EmailThread.threadRecord(mail));
        threads.put(key, t);
        return t;
    }

    private void keep(EmailThread t, com.fasterxml.jackson.databind.node.ObjectNode record) {
        t.apply(record);
        book.keep(t.key, record);
    }

    /** Adds the email to its conversation, with its files; a second reading of the same email adds nothing. */
    private void keepEntry(EmailThread t, InboundMail mail, Author author, String text) {
        String entryId = MessageIds.entryId(mail.messageId());
        if (t.conversation.byClientId(entryId) != null) {
            return;
        }
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; i < mail.attachments().size() && author.role() == Author.Role.RESIDENT; i++) {
            InboundMail.File f = mail.attachments().get(i);
            String id = entryId.substring("mail-".length(), "mail-".length() + 12) + "-" + (i + 1);
            byte[] bytes = f.bytes();
            Intake.await(CompletableFuture.runAsync(() -> book.store().putAttachment(t.key, id, bytes), book.io()));
            files.add(new Attachment(id, f.filename(), f.contentType(), bytes.length));
        }
        if (!t.knows(mail.messageId())) {
            keep(t, EmailThread.mailRecord(mail.messageId(), author.role() == Author.Role.RESIDENT));
        }
        String shown = text.isBlank() ? "(The email has no text.)" : text;
        t.conversation.add(author, shown, mail.subject(), files, entryId, clock.millis());
        if (author.role() == Author.Role.RESIDENT) {
            for (int i = 0; i < mail.dropped().size(); i++) {
                t.conversation.add(
                        Author.CENTRE, mail.dropped().get(i), null, List.of(), entryId + "-" + i, clock.millis());
            }
        }
    }

    /**
     * Routes the email unless its thread is with routing already: a new interaction in the thread's conversation,
     * preferring the advisor who had the thread last. @return whether an interaction was created for it
     */
    private boolean route(EmailThread t, InboundMail mail) {
        String sourceRef = MessageIds.sourceRef(options.mailbox(), mail.messageId());
        if (t.routed(sourceRef)) {
            return false;
        }
        String live = t.interactionId();
        if (live != null && Intake.await(reads.where(live)).isPresent()) {
            return false; // its advisor, or the queue, has the thread: the new email is in its conversation
        }
        QueueRequest queue = QueueRequest.to(options.queue());
        String agent = t.agentId();
        if (agent != null) {
            queue = queue.withTargets(List.of(new Target(
                    agent, clock.millis() + options.preferLastAdvisor().toMillis(), TargetMode.PREFER)));
        }
        List<String> attributes = new ArrayList<>(List.of(CONTACT_ATTRIBUTE, t.address()));
        if (t.name() != null) {
            attributes.addAll(List.of(NAME_ATTRIBUTE, t.name()));
        }
        String id = Intake.create(
                routing,
                SOURCE,
                new Command.CreateInteraction(
                        InteractionIds.random(MessageIds.interactionPrefix(t.key)),
                        CHANNEL,
                        Direction.INBOUND,
                        sourceRef,
                        t.key,
                        null,
                        Attributes.of(attributes.toArray(String[]::new)),
                        queue));
        book.route(t.conversation, id);
        keep(t, EmailThread.interactionRecord(id, sourceRef));
        return true;
    }

    // ------------------------------------------------------------------ the advisor's reply

    /** An advisor's (or supervisor's) reply: sent in the thread, then added to its conversation. */
    CompletionStage<Entry> deliver(Conversation c, Author author, String text, String clientId) {
        EmailThread t = threads.get(c.key());
        if (t == null || t.address() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the email thread is not known here"));
        }
        String subject = t.replySubject();
        String signed = author.name() == null
                ? text + "\n\n" + options.displayName()
                : text + "\n\n" + author.name() + "\n" + options.displayName();
        return outbox.send(
                        new Outbox.ThreadMail(t.key, t.address(), subject, signed, t.references(), t.lastInbound()),
                        false)
                .thenApply(id -> {
                    keep(t, EmailThread.mailRecord(id, false));
                    return t.conversation.add(author, text, subject, List.of(), clientId, clock.millis());
                });
    }

    // ------------------------------------------------------------------ routing's decisions

    @Override
    public void committed(EngineInput input, Decision decision) {
        for (Effect e : decision.effects()) {
            if (e instanceof Effect.Connect c) {
                String key = MessageIds.keyOfInteraction(c.interactionId());
                EmailThread t = key == null ? null : threads.get(key);
                if (t != null && !c.agentId().equals(t.agentId())) {
                    keep(t, EmailThread.agentRecord(c.agentId()));
                }
            }
        }
    }

    /** Threads held in memory now. */
    int size() {
        return threads.size();
    }
}
