package io.firstcontact.desktop.supervisor;

import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Web chats held in memory for the supervisor's tests, keeping the chat channel's rules: a supervisor joins before
 * reading, writing or following; every text is masked for card numbers before it is kept; a chat's end is heard once.
 */
final class ChatsInMemory implements ChatSupervision {
    private final Map<String, Chat> chats = new ConcurrentHashMap<>();

    private static final class Chat {
        final List<Entry> entries = new ArrayList<>();
        final Set<String> joined = new HashSet<>();
        final List<Conversations.Listener> listeners = new CopyOnWriteArrayList<>();
        boolean open = true;
    }

    /** A chat begins for the interaction. */
    void open(String interactionId) {
        chats.put(interactionId, new Chat());
    }

    /** Someone writes in the chat; every follower hears it. */
    Entry add(String interactionId, Author author, String text) {
        Chat c = chats.get(interactionId);
        Entry e;
        synchronized (c) {
            e = new Entry(
                    c.entries.size() + 1,
                    System.currentTimeMillis(),
                    author,
                    CardNumberTripwire.mask(text),
                    null,
                    null);
            c.entries.add(e);
            c.listeners.forEach(l -> l.added(e));
        }
        return e;
    }

    /** The chat ends: a notice, then its end. */
    void end(String interactionId) {
        add(interactionId, Author.CENTRE, "The chat has ended.");
        Chat c = chats.get(interactionId);
        synchronized (c) {
            c.open = false;
        }
        c.listeners.forEach(Conversations.Listener::ended);
    }

    /** Followers of the chat now. */
    int followers(String interactionId) {
        return chats.get(interactionId).listeners.size();
    }

    @Override
    public String unavailableBecause() {
        return null;
    }

    @Override
    public CompletionStage<Void> act(String supervisor, String interactionId, Move move) {
        Chat c = chats.get(interactionId);
        if (c == null || !c.open) {
            return CompletableFuture.failedFuture(new IllegalStateException("the chat has ended"));
        }
        boolean first;
        synchronized (c) {
            first = c.joined.add(supervisor);
        }
        if (first) {
            add(interactionId, Author.CENTRE, "A supervisor has joined the conversation.");
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Transcript> transcript(String supervisor, String interactionId) {
        Chat c = chats.get(interactionId);
        synchronized (c) {
            if (!c.joined.contains(supervisor)) {
                return CompletableFuture.failedFuture(new IllegalStateException("join the chat to read it"));
            }
            return CompletableFuture.completedFuture(new Transcript(interactionId, "chat", c.entries, c.open));
        }
    }

    @Override
    public CompletionStage<Entry> write(
            String supervisor, String name, String interactionId, String clientId, String text) {
        Chat c = chats.get(interactionId);
        synchronized (c) {
            if (!c.joined.contains(supervisor) || !c.open) {
                return CompletableFuture.failedFuture(new IllegalStateException("join the chat before writing in it"));
            }
        }
        return CompletableFuture.completedFuture(add(interactionId, Author.supervisor(supervisor, name), text));
    }

    @Override
    public Conversations.Subscription follow(String supervisor, String interactionId, Conversations.Listener listener) {
        Chat c = chats.get(interactionId);
        boolean over;
        synchronized (c) {
            if (!c.joined.contains(supervisor)) {
                throw new IllegalStateException("join the chat to follow it");
            }
            c.listeners.add(listener);
            over = !c.open;
        }
        if (over) {
            listener.ended();
        }
        return () -> c.listeners.remove(listener);
    }
}
