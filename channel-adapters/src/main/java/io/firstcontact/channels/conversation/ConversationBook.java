package io.firstcontact.channels.conversation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import io.firstcontact.router.api.model.CardNumberTripwire;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live written conversations, by interaction: what the desktop reads and writes through the {@link Conversations}
 * port, and what the channels add their customers' messages to. Conversations are held in memory while they are
 * live (and for a while after, to be resumed) and kept in the {@link TranscriptStore} as they grow; the store's writes
 * run on {@code io}, in order.
 */
public final class ConversationBook implements Conversations {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationBook.class);
    /** The longest message staff may write at once. */
    public static final int MAX_STAFF_TEXT = 8_000;

    private final TranscriptStore store;
    private final Executor io;
    private final InstantSource clock;
    private final Map<String, Conversation> byKey = new ConcurrentHashMap<>();
    private final Map<String, Conversation> byInteraction = new ConcurrentHashMap<>();
    private final Map<String, Delivery> deliveries = new ConcurrentHashMap<>();
    private final List<Finder> finders = new CopyOnWriteArrayList<>();

    /** @param io where the store's reads and writes run: one thread, so that a conversation's records stay in order */
    public ConversationBook(TranscriptStore store, Executor io, InstantSource clock) {
        this.store = store;
        this.io = io;
        this.clock = clock;
    }

    public TranscriptStore store() {
        return store;
    }

    public Executor io() {
        return io;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * The conversation kept under {@code key}: the one in memory, else the one in the store read back, else a new
     * one. Reads the store: call it from a worker (or {@link #io}).
     */
    public Conversation open(String key, String channel, Delivery delivery) {
        Conversation c = byKey.get(key);
        if (c != null) {
            return c;
        }
        Conversation fresh = new Conversation(key, channel, record -> keep(key, record));
        for (ObjectNode n : store.records(key)) {
            if ("entry".equals(n.path("t").asText())) {
                try {
                    fresh.restore(
                            Conversation.entryOf(n),
                            n.hasNonNull("clientId") ? n.get("clientId").asText() : null);
                } catch (RuntimeException e) {
                    LOG.warn("transcript {}: an entry cannot be read back and is skipped ({})", key, e.getMessage());
                }
            }
        }
        Conversation raced = byKey.putIfAbsent(key, fresh);
        if (raced != null) {
            return raced;
        }
        deliveries.put(key, delivery);
        return fresh;
    }

    /** A new conversation under a key nothing was kept under (a new chat's): nothing is read from the store. */
    public Conversation start(String key, String channel, Delivery delivery) {
        Conversation c = new Conversation(key, channel, record -> keep(key, record));
        if (byKey.putIfAbsent(key, c) != null) {
            throw new IllegalStateException("a conversation " + key + " is held already");
        }
        deliveries.put(key, delivery);
        return c;
    }

    /** The conversation in memory under {@code key}, or null. */
    public Conversation get(String key) {
        return byKey.get(key);
    }

    /** The records of the conversation other than its entries (a channel's own: a chat's session, a thread's ids). */
    public List<ObjectNode> records(String key) {
        return store.records(key).stream()
                .filter(n -> !"entry".equals(n.path("t").asText()))
                .toList();
    }

    /** Keeps a channel's own record with the conversation (on {@link #io}, after the entries written before it). */
    public void keep(String key, ObjectNode record) {
        io.execute(() -> {
            try {
                store.append(key, record);
            } catch (RuntimeException e) {
                LOG.error("transcript {}: a record could not be kept: {}", key, e.toString());
            }
        });
    }

    /** The conversation is routed as {@code interactionId} from now on (its earlier interactions still find it). */
    public void route(Conversation c, String interactionId) {
        c.routedAs(interactionId);
        byInteraction.put(interactionId, c);
    }

    /** The conversation of an interaction, or null. */
    public Conversation of(String interactionId) {
        return byInteraction.get(interactionId);
    }

    /** Lets go of a conversation in memory (it stays in the store for its retention). */
    public void forget(Conversation c) {
        byKey.remove(c.key(), c);
        deliveries.remove(c.key());
        byInteraction.values().removeIf(x -> x == c);
    }

    /**
     * Finds the conversation of an interaction that is not held in memory — an email thread after a restart, read
     * back from the store — or answers null. Runs on {@link #io}.
     */
    @FunctionalInterface
    public interface Finder {
        Conversation find(String interactionId);
    }

    /** Adds a channel's way of finding its conversations that are not held (see {@link Finder}). */
    public void findWith(Finder finder) {
        finders.add(finder);
    }

    /** The conversation of an interaction: held, else found by a channel on {@link #io}; null when none has it. */
    private CompletionStage<Conversation> lookup(String interactionId) {
        Conversation held = byInteraction.get(interactionId);
        if (held != null || finders.isEmpty()) {
            return CompletableFuture.completedFuture(held);
        }
        return CompletableFuture.supplyAsync(
                () -> {
                    for (Finder f : finders) {
                        Conversation found = f.find(interactionId);
                        if (found != null) {
                            return found;
                        }
                    }
                    return null;
                },
                io);
    }

    /** Conversations in memory now. */
    public int size() {
        return byKey.size();
    }

    // ------------------------------------------------------------------ the port

    @Override
    public CompletionStage<Optional<Transcript>> transcript(String interactionId) {
        return lookup(interactionId)
                .thenApply(c -> Optional.ofNullable(c == null ? null : c.transcript(interactionId)));
    }

    @Override
    public Subscription follow(String interactionId, Listener listener) {
        Conversation c = byInteraction.get(interactionId);
        if (c != null) {
            c.follow(listener);
            return () -> c.unfollow(listener);
        }
        // Not held (an email thread after a restart): followed once a channel has found it, unless closed by then.
        AtomicBoolean closed = new AtomicBoolean();
        AtomicReference<Conversation> found = new AtomicReference<>();
        lookup(interactionId).thenAccept(f -> {
            if (f != null) {
                synchronized (found) {
                    if (!closed.get()) {
                        found.set(f);
                        f.follow(listener);
                    }
                }
            }
        });
        return () -> {
            synchronized (found) {
                closed.set(true);
                Conversation f = found.get();
                if (f != null) {
                    f.unfollow(listener);
                }
            }
        };
    }

    @Override
    public CompletionStage<Entry> write(String interactionId, Author author, String clientId, String text) {
        return lookup(interactionId).thenCompose(c -> write(c, interactionId, author, clientId, text));
    }

    private CompletionStage<Entry> write(
            Conversation c, String interactionId, Author author, String clientId, String text) {
        if (c == null) {
            return CompletableFuture.failedFuture(new NoConversationException(interactionId));
        }
        if (!author.role().staff()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("only staff write from the desktop"));
        }
        if (author.role() == Author.Role.SUPERVISOR && !c.hasJoined(author.id())) {
            return CompletableFuture.failedFuture(new IllegalStateException("join the chat before writing in it"));
        }
        if (clientId != null) {
            Entry seen = c.byClientId(clientId);
            if (seen != null) {
                return CompletableFuture.completedFuture(seen);
            }
        }
        if (text == null || text.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message has a text"));
        }
        if (text.length() > MAX_STAFF_TEXT) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("a message is at most " + MAX_STAFF_TEXT + " characters"));
        }
        Delivery d = deliveries.get(c.key());
        if (d == null) {
            return CompletableFuture.failedFuture(new NoConversationException(interactionId));
        }
        try {
            return d.deliver(c, author, CardNumberTripwire.mask(text.strip()), clientId);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void typing(String interactionId, Author author, boolean typing) {
        Conversation c = byInteraction.get(interactionId);
        if (c != null) {
            c.typing(author, typing);
        }
    }

    @Override
    public CompletionStage<Optional<Attachment.Content>> attachment(String interactionId, String attachmentId) {
        return lookup(interactionId).thenCompose(c -> attachment(c, attachmentId));
    }

    private CompletionStage<Optional<Attachment.Content>> attachment(Conversation c, String attachmentId) {
        if (c == null || !TranscriptStore.validName(attachmentId)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Attachment found = null;
        for (Entry e : c.entries()) {
            for (Attachment a : e.attachments()) {
                if (a.id().equals(attachmentId)) {
                    found = a;
                }
            }
        }
        if (found == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Attachment meta = found;
        return CompletableFuture.supplyAsync(
                () -> store.attachment(c.key(), attachmentId).map(bytes -> new Attachment.Content(meta, bytes)), io);
    }

    @Override
    public CompletionStage<Void> join(String interactionId, Author supervisor) {
        Conversation c = byInteraction.get(interactionId);
        if (c == null) {
            return CompletableFuture.failedFuture(new NoConversationException(interactionId));
        }
        if (supervisor.role() != Author.Role.SUPERVISOR) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("only a supervisor joins a chat"));
        }
        if (!c.open()) {
            return CompletableFuture.failedFuture(new IllegalStateException("the chat has ended"));
        }
        if (c.joined(supervisor.id())) {
            String who = supervisor.name() == null ? "A supervisor" : "A supervisor, " + supervisor.name() + ",";
            c.add(Author.CENTRE, who + " has joined the conversation.", clock.millis());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Whether {@code supervisor} (a username) has joined the live conversation of the interaction. */
    public boolean joined(String interactionId, String supervisor) {
        Conversation c = byInteraction.get(interactionId);
        return c != null && c.hasJoined(supervisor);
    }
}
