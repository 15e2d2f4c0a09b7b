package io.firstcontact.channels.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.ivr.text.TextQuestion;
import io.firstcontact.router.api.conversation.Attachment;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;

/**
 * The frames the server sends a resident's page, one JSON object each with a {@code type}:
 *
 * <ul>
 *   <li>{@code welcome} — the chat it attached to: {@code sessionId}, {@code phase}, {@code lastSeq};
 *   <li>{@code entry} — one entry of the conversation: {@code seq}, {@code at}, {@code role}, {@code name}, {@code
 *       text} (never markup), {@code attachments};
 *   <li>{@code ack} — the page's message {@code id} is kept as entry {@code seq} (a resend gets the same answer);
 *   <li>{@code state} — {@code phase} ({@code SELF_SERVICE}, {@code WAITING}, {@code QUEUED}, {@code CONNECTED},
 *       {@code ENDED}) and whether an ended chat {@code canContinue};
 *   <li>{@code question} — what the self-service asks now: {@code kind}, {@code sensitive} (card details: a masked
 *       field, the answer never shown), {@code options}; without {@code kind}, nothing is asked;
 *   <li>{@code standing} — {@code position} in the queue and {@code expectedWaitSeconds} (-1: no estimate);
 *   <li>{@code typing} — an advisor started or stopped typing ({@code on}, {@code name});
 *   <li>{@code error} — a message of the page's ({@code id}) was not taken: {@code code} and {@code message}.
 * </ul>
 *
 * <p>The page sends {@code hello} ({@code sessionId}, {@code token}, {@code after}: the last seq it has), {@code say}
 * ({@code id}, {@code text}), {@code typing} ({@code on}), {@code leave}, {@code continue}, {@code email-transcript}
 * ({@code to}) and {@code text-link}.
 */
final class Frames {
    static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {}

    static ObjectNode of(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    static ObjectNode entry(Entry e) {
        ObjectNode n = of("entry");
        n.put("seq", e.seq());
        n.put("at", e.at());
        n.put("role", e.author().role().name());
        if (e.author().name() != null) {
            n.put("name", e.author().name());
        }
        n.put("text", e.text());
        if (!e.attachments().isEmpty()) {
            ArrayNode list = n.putArray("attachments");
            for (Attachment a : e.attachments()) {
                list.addObject().put("filename", a.filename()).put("size", a.size());
            }
        }
        return n;
    }

    static ObjectNode ack(String id, long seq) {
        return of("ack").put("id", id).put("seq", seq);
    }

    static ObjectNode error(String id, String code, String message) {
        ObjectNode n = of("error");
        if (id != null) {
            n.put("id", id);
        }
        return n.put("code", code).put("message", message);
    }

    static ObjectNode state(ChatSession s, boolean canContinue) {
        return of("state").put("phase", s.phase.name()).put("canContinue", canContinue);
    }

    static ObjectNode question(TextQuestion q) {
        ObjectNode n = of("question");
        if (q != null) {
            n.put("kind", q.kind().name());
            n.put("sensitive", q.sensitive());
            ArrayNode options = n.putArray("options");
            q.options().forEach(options::add);
        }
        return n;
    }

    static ObjectNode standing(int position, long waitSeconds) {
        return of("standing").put("position", position).put("expectedWaitSeconds", waitSeconds);
    }

    static ObjectNode typing(Author author, boolean on) {
        ObjectNode n = of("typing").put("on", on);
        if (author.name() != null) {
            n.put("name", author.name());
        }
        return n;
    }
}
