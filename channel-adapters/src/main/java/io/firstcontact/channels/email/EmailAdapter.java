package io.firstcontact.channels.email;

import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Mailer;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.router.api.port.ChannelAdapter;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The email channel: residents' emails read from an IMAP mailbox become interactions of the {@code email} channel,
 * one per thread, waiting in their queue with its own service level beside calls and chats; advisors read the thread
 * and reply from the desktop ({@link ConversationBook}), and the reply goes out over SMTP in the same thread. Its
 * {@link #mailer()} sends the other channels' mails (a chat's transcript).
 */
public final class EmailAdapter implements ChannelAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(EmailAdapter.class);

    private final EmailOptions options;
    private final ExecutorService sending = Executors.newSingleThreadExecutor(r -> new Thread(r, "email-smtp"));
    private final Outbox outbox;
    private final Inbox inbox;
    private MailboxWatcher watcher;
    private RoutingPort.Subscription subscription;

    /**
     * @param book where threads are kept and the desktop reads them
     * @param reads where an interaction is (a thread's interaction may have ended: a new email then routes again)
     */
    public EmailAdapter(EmailOptions options, ConversationBook book, RoutingReads reads, InstantSource clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.outbox = new Outbox(options, sending, Objects.requireNonNull(clock, "clock"));
        this.inbox = new Inbox(
                options, Objects.requireNonNull(book, "book"), Objects.requireNonNull(reads, "reads"), outbox, clock);
        book.findWith(this::conversationOf);
    }

    @Override
    public String name() {
        return Inbox.SOURCE;
    }

    @Override
    public Set<String> channels() {
        return Set.of(Inbox.CHANNEL);
    }

    /** Sends plain mails (a chat's transcript) from the centre's address. */
    public Mailer mailer() {
        return outbox;
    }

    @Override
    public synchronized CompletionStage<Void> start(RoutingPort routing) {
        subscription = routing.subscribe(inbox);
        inbox.start(routing);
        watcher = new MailboxWatcher(options, inbox);
        watcher.start();
        LOG.info(
                "email channel started: mailbox {} ({}), queue {}", options.mailbox(), options.imap(), options.queue());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        MailboxWatcher w = watcher;
        watcher = null;
        return CompletableFuture.runAsync(() -> {
            if (w != null) {
                w.stop();
            }
            sending.shutdown();
        });
    }

    /** Whether the mailbox is followed with IDLE (else it is polled). */
    public boolean idling() {
        MailboxWatcher w = watcher;
        return w != null && w.idling();
    }

    /** Emails handled since start. */
    public int handled() {
        MailboxWatcher w = watcher;
        return w == null ? 0 : w.handled();
    }

    /**
     * A thread's conversation by one of its interactions: held, or read back from the store (after a restart). Also
     * found in the moment between routing committing a new interaction and the thread noting it.
     */
    private io.firstcontact.channels.conversation.Conversation conversationOf(String interactionId) {
        String key = MessageIds.keyOfInteraction(interactionId);
        if (key == null) {
            return null;
        }
        EmailThread t = inbox.load(key); // its interactions' ids begin with its name: minted so (MessageIds)
        return t == null ? null : t.conversation;
    }
}
