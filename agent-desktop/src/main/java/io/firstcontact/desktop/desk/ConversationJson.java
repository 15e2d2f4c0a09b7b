package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.web.Problem;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import io.firstcontact.router.wire.PublicJson;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * A written conversation as staff pages read it — the desk's chat cards and the supervisor's joined chat: its entries
 * with their author's role and name and their text (which the pages write as text only, never markup).
 */
public final class ConversationJson {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ConversationJson() {}

    /** What the other side sees of a member of staff: the first word of their name as signed in, or none. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+")[0];
    }

    /** A message a member of staff sends: their own id for it, and a text. */
    public static void requireMessage(String clientId, String text) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw Problem.invalid("clientId: 1–64 letters, digits, - and _");
        }
        if (text == null || text.isBlank()) {
            throw Problem.invalid("text: the message is empty");
        }
    }

    /** What a write that failed is answered with: 404 without a conversation, 409 when it cannot be written now. */
    public static RuntimeException refusal(Throwable failure) {
        Throwable c = failure;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        return switch (c) {
            case Problem p -> p;
            case Conversations.NoConversationException n -> Problem.notFound("this work has no written conversation");
            case IllegalStateException s -> Problem.conflict(s.getMessage());
            case IllegalArgumentException a -> Problem.invalid(a.getMessage());
            case RuntimeException r -> r;
            default -> new CompletionException(c);
        };
    }

    /** The transcript so far: its interaction, channel, whether it is still open, and its entries by seq. */
    public static ObjectNode transcript(Transcript t) {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("interactionId", t.interactionId());
        body.put("channel", t.channel());
        body.put("open", t.open());
        ArrayNode entries = body.putArray("entries");
        t.entries().forEach(e -> entries.add(entry(e)));
        return body;
    }

    /** An entry as the desk shows it: its author's role and name, its text (the page writes it as text only). */
    public static ObjectNode entry(Entry e) {
        ObjectNode n = PublicJson.MAPPER.createObjectNode();
        n.put("seq", e.seq());
        n.put("at", e.at());
        n.put("role", e.author().role().name());
        n.put("name", e.author().name());
        n.put("text", e.text());
        if (e.subject() != null) {
            n.put("subject", e.subject());
        }
        ArrayNode files = n.putArray("attachments");
        for (Attachment a : e.attachments()) {
            files.addObject()
                    .put("id", a.id())
                    .put("filename", a.filename())
                    .put("contentType", a.contentType())
                    .put("size", a.size());
        }
        return n;
    }
}
