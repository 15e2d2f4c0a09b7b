package io.firstcontact.channels.conversation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One written conversation: a chat (with its resumptions) or an email or SMS thread, across the interactions it has
 * been routed as. Its entries are numbered in the order they were added; each is kept ({@link TranscriptStore}) and
 * heard by its followers (the resident's page, the advisors' desks, the supervisors who joined) in that order, and so
 * is its end. Thread-safe.
 */
public final class Conversation {
    /** The most entries one conversation holds; more are refused (a loop, or abuse). */
    public static final int MAX_ENTRIES = 5_000;
    /** How many writers' message ids are remembered to answer a resend with the first entry. */
    static final int REMEMBERED_CLIENT_IDS = 512;

    private final String key;
    private final String channel;
    private final Consumer<ObjectNode> keep;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Conversations.Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Entry> byClientId = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, io.firstcontact.router.api.conversation.Entry> eldest) {
            return size() > REMEMBERED_CLIENT_IDS;
        }
    };
    private final Set<String> supervisors = new LinkedHashSet<>();
    private volatile String interactionId;
    private volatile boolean open = true;

    /**
     * @param key the conversation's name in the store
     * @param channel {@code chat}, {@code email}, {@code sms}
     * @param keep where each new entry's record goes (the store, off the caller's thread)
     */
    Conversation(String key, String channel, Consumer<ObjectNode> keep) {
        this.key = key;
        this.channel = channel;
        this.keep = keep;
    }

    public String key() {
        return key;
    }

    public String channel() {
        return channel;
    }

    /** The interaction the conversation is routed as now (a resumed chat, a new email in a thread: a later one). */
    public String interactionId() {
        return interactionId;
    }

    void routedAs(String id) {
        this.interactionId = id;
    }

    /** Whether the customer can be written to: a chat whose resident has not left. */
    public boolean open() {
        return open;
    }

    /** Opens the conversation again (a chat resumed) or ends it: its followers hear the end once. */
    public void open(boolean open) {
        List<Conversations.Listener> told;
        synchronized (this) {
            boolean ends = this.open && !open;
            this.open = open;
            if (!ends) {
                return;
            }
            told = List.copyOf(listeners);
        }
        told.forEach(Conversations.Listener::ended);
    }

    /** Adds an entry written now; see {@link #add(Author, String, String, List, String, long)}. */
    public Entry add(Author author, String text, long at) {
        return add(author, text, null, List.of(), null, at);
    }

    /**
     * Adds an entry, keeps it and tells the followers, in order.
     *
     * @param text as it is to be shown: the caller has masked card numbers
     * @param clientId the writer's id for the message, or null; a repeat returns the first entry and adds nothing
     * @throws IllegalStateException when the conversation is full
     */
    public synchronized Entry add(
            Author author, String text, String subject, List<Attachment> attachments, String clientId, long at) {
        if (clientId != null) {
            Entry seen = byClientId.get(clientId);
            if (seen != null) {
                return seen;
            }
        }
        if (entries.size() >= MAX_ENTRIES) {
            throw new IllegalStateException("the conversation is too long to add to");
        }
        Entry e = new Entry(entries.size() + 1, at, author, text, subject, attachments);
        entries.add(e);
        if (clientId != null) {
            byClientId.put(clientId, e);
        }
        keep.accept(record(e, clientId));
        for (Conversations.Listener l : listeners) {
            l.added(e);
        }
        return e;
    }

    /** The entry a writer's message id was answered with, or null. */
    public synchronized Entry byClientId(String clientId) {
        return byClientId.get(clientId);
    }

    /** An entry read back from the store (at start, or when a resident returns after a restart). */
    synchronized void restore(Entry e, String clientId) {
        if (e.seq() != entries.size() + 1) {
            return; // a duplicate or a gap: the order kept is the order written
        }
        entries.add(e);
        if (clientId != null) {
            byClientId.put(clientId, e);
        }
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The entries after {@code seq}, in order. */
    public synchronized List<Entry> after(long seq) {
        int from = (int) Math.max(0, Math.min(seq, entries.size()));
        return List.copyOf(entries.subList(from, entries.size()));
    }

    public synchronized long lastSeq() {
        return entries.size();
    }

    /**
     * Follows the conversation and, in the same step, returns the entries it already has, so that none falls between.
     */
    public List<Entry> follow(Conversations.Listener listener) {
        List<Entry> sofar;
        boolean over;
        synchronized (this) {
            listeners.add(listener);
            sofar = List.copyOf(entries);
            over = !open;
        }
        if (over) {
            listener.ended(); // followed after the end: told so at once, never left waiting for it
        }
        return sofar;
    }

    public void unfollow(Conversations.Listener listener) {
        listeners.remove(listener);
    }

    /** Someone is typing: every follower hears it (each ignores its own side). */
    public void typing(Author author, boolean typing) {
        for (Conversations.Listener l : listeners) {
            l.typing(author, typing);
        }
    }

    /** A supervisor joined: they may write from now on. @return whether they had not joined before */
    public synchronized boolean joined(String supervisor) {
        return supervisors.add(supervisor);
    }

    public synchronized boolean hasJoined(String supervisor) {
        return supervisors.contains(supervisor);
    }

    public Transcript transcript(String asInteraction) {
        return new Transcript(asInteraction, channel, entries(), open);
    }

    static ObjectNode record(Entry e, String clientId) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("t", "entry");
        n.put("seq", e.seq());
        n.put("at", e.at());
        n.put("role", e.author().role().name());
        if (e.author().id() != null) {
            n.put("id", e.author().id());
        }
        if (e.author().name() != null) {
            n.put("name", e.author().name());
        }
        n.put("text", e.text());
        if (e.subject() != null) {
            n.put("subject", e.subject());
        }
        if (clientId != null) {
            n.put("clientId", clientId);
        }
        if (!e.attachments().isEmpty()) {
            ArrayNode list = n.putArray("attachments");
            for (Attachment a : e.attachments()) {
                list.addObject()
                        .put("id", a.id())
                        .put("filename", a.filename())
                        .put("contentType", a.contentType())
                        .put("size", a.size());
            }
        }
        return n;
    }

    static Entry entryOf(ObjectNode n) {
        Author author = new Author(
                Author.Role.valueOf(n.path("role").asText()),
                n.hasNonNull("id") ? n.get("id").asText() : null,
                n.hasNonNull("name") ? n.get("name").asText() : null);
        List<Attachment> attachments = new ArrayList<>();
        for (var a : n.path("attachments")) {
            attachments.add(new Attachment(
                    a.path("id").asText(),
                    a.path("filename").asText(),
                    a.path("contentType").asText(),
                    a.path("size").asLong()));
        }
        return new Entry(
                n.path("seq").asLong(),
                n.path("at").asLong(),
                author,
                n.path("text").asText(),
                n.hasNonNull("subject") ? n.get("subject").asText() : null,
                attachments);
    }

    @Override
    public String toString() {
        return "Conversation[" + key + ", " + channel + "]";
    }
}
