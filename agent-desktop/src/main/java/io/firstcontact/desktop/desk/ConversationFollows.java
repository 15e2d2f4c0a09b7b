package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.push.PushConnection;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.wire.PublicJson;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One desk connection following the written conversations of the work it holds: as work arrives it is followed, as it
 * goes it is let go. Each new entry is pushed as {@code {"type":"conversation","interactionId":…,"entry":{…}}}, the
 * resident's typing as {@code {"type":"typing","interactionId":…,"on":…}}. The page reads the transcript so far over
 * HTTP and merges by {@code seq}, so nothing added between the two is lost or shown twice.
 */
final class ConversationFollows implements AutoCloseable {
    private final Conversations conversations;
    private final PushConnection connection;
    /** By interaction; touched on the render thread only. */
    private final Map<String, Conversations.Subscription> following = new HashMap<>();

    ConversationFollows(Conversations conversations, PushConnection connection) {
        this.conversations = conversations;
        this.connection = connection;
    }

    /** Follows what {@code state}'s work holds now, and only that. */
    void sync(DeskState state) {
        Set<String> held =
                state.work().stream().map(DeskState.WorkCard::interactionId).collect(Collectors.toSet());
        following.entrySet().removeIf(f -> {
            if (held.contains(f.getKey())) {
                return false;
            }
            f.getValue().close();
            return true;
        });
        for (String id : held) {
            following.computeIfAbsent(id, this::follow);
        }
    }

    private Conversations.Subscription follow(String interactionId) {
        return conversations.follow(interactionId, new Conversations.Listener() {
            @Override
            public void added(Entry entry) {
                ObjectNode m = PublicJson.MAPPER.createObjectNode();
                m.put("type", "conversation");
                m.put("interactionId", interactionId);
                m.set("entry", ConversationJson.entry(entry));
                connection.send(m.toString());
            }

            @Override
            public void typing(Author author, boolean on) {
                if (author.role() != Author.Role.RESIDENT) {
                    return;
                }
                ObjectNode m = PublicJson.MAPPER.createObjectNode();
                m.put("type", "typing");
                m.put("interactionId", interactionId);
                m.put("on", on);
                connection.send(m.toString());
            }
        });
    }

    @Override
    public void close() {
        following.values().forEach(Conversations.Subscription::close);
        following.clear();
    }
}
