package io.firstcontact.desktop.supervisor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.desk.ConversationJson;
import io.firstcontact.desktop.push.Feed;
import io.firstcontact.desktop.push.PushConnection;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.wire.PublicJson;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chats each supervisor has joined, live on their supervisor view: from the join to the chat's end, every new
 * entry (the resident's, the advisor's, any supervisor's) is pushed to that supervisor's open supervisor views, and to
 * no one else, as {@code {"type":"conversation","interactionId":…,"entry":{…}}} (the desk's own message), then its end
 * as {@code {"type":"conversation-ended","interactionId":…}}. The page reads the transcript so far over HTTP and merges
 * by {@code seq}, so nothing added between the two, or while it reconnected, is lost or shown twice. Wallboards hold
 * the same push without this feed: no conversation reaches a screen on the wall.
 */
final class JoinedChats {
    private static final Logger LOG = LoggerFactory.getLogger(JoinedChats.class);

    private final ChatSupervision chats;
    /** Each supervisor's open supervisor views, by username. */
    private final ConcurrentMap<String, Set<PushConnection>> views = new ConcurrentHashMap<>();

    private final ConcurrentMap<Joined, Follow> following = new ConcurrentHashMap<>();

    JoinedChats(ChatSupervision chats) {
        this.chats = chats;
    }

    /** A supervisor, by username, and a chat they joined. */
    record Joined(String supervisor, String interactionId) {}

    /** The push feed of a supervisor view: its connection receives the chats its supervisor joined while it is open. */
    Feed feed() {
        return (connection, resumeAfter) -> {
            String supervisor = connection.principal().username();
            views.computeIfAbsent(supervisor, u -> ConcurrentHashMap.newKeySet())
                    .add(connection);
            return () -> views.computeIfPresent(supervisor, (u, open) -> {
                open.remove(connection);
                return open.isEmpty() ? null : open;
            });
        };
    }

    /** {@code supervisor} has joined the chat: it is followed for them until it ends (joining again changes nothing). */
    void joined(String supervisor, String interactionId) {
        Joined j = new Joined(supervisor, interactionId);
        Follow f = new Follow(j);
        if (following.putIfAbsent(j, f) != null) {
            return;
        }
        try {
            f.started(chats.follow(supervisor, interactionId, f));
        } catch (RuntimeException e) {
            following.remove(j, f);
            LOG.warn("chat {} joined by {} cannot be followed: {}", interactionId, supervisor, e.toString());
        }
    }

    /** Chats followed now, for every supervisor. */
    int following() {
        return following.size();
    }

    private void send(String supervisor, ObjectNode message) {
        Set<PushConnection> open = views.get(supervisor);
        if (open == null) {
            return;
        }
        String json = message.toString();
        open.forEach(c -> c.send(json)); // each connection keeps the order of its sends
    }

    /** One supervisor following one chat; called on the chat channel's thread, in the order of the chat. */
    private final class Follow implements Conversations.Listener {
        private final Joined joined;
        private volatile Conversations.Subscription subscription;
        private volatile boolean over;

        Follow(Joined joined) {
            this.joined = joined;
        }

        void started(Conversations.Subscription s) {
            subscription = s;
            if (over) {
                s.close(); // it ended while it was being followed
            }
        }

        @Override
        public void added(Entry entry) {
            ObjectNode m = message("conversation");
            m.set("entry", ConversationJson.entry(entry));
            send(joined.supervisor(), m);
        }

        @Override
        public void ended() {
            over = true;
            following.remove(joined, this);
            Conversations.Subscription s = subscription;
            if (s != null) {
                s.close();
            }
            send(joined.supervisor(), message("conversation-ended"));
        }

        private ObjectNode message(String type) {
            ObjectNode m = PublicJson.MAPPER.createObjectNode();
            m.put("type", type);
            m.put("interactionId", joined.interactionId());
            return m;
        }
    }
}
