package io.firstcontact.channels.email;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.channels.conversation.Conversation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One email thread: its conversation, who it is with, the ids of its messages (to thread the centre's replies), and
 * the interactions it has been routed as. Rebuilt from its records in the transcript store after a restart. Guarded
 * by its own lock: the mailbox's thread, routing's and the desks' touch it.
 */
final class EmailThread {
    final String key;
    final Conversation conversation;
    private String address;
    private String name;
    private String subject = "";
    private final List<String> messageIds = new ArrayList<>();
    private String lastInbound;
    private final List<String> interactions = new ArrayList<>();
    private final Set<String> routedRefs = new LinkedHashSet<>();
    private String agentId;

    EmailThread(String key, Conversation conversation) {
        this.key = key;
        this.conversation = conversation;
    }

    // ------------------------------------------------------------------ records

    static ObjectNode threadRecord(InboundMail first) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("t", "thread").put("address", first.address());
        if (first.name() != null) {
            n.put("name", first.name());
        }
        return n.put("subject", first.subject());
    }

    static ObjectNode mailRecord(String messageId, boolean inbound) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("t", "mail")
                .put("id", messageId)
                .put("in", inbound);
    }

    static ObjectNode interactionRecord(String interactionId, String sourceRef) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("t", "interaction")
                .put("id", interactionId)
                .put("ref", sourceRef);
    }

    static ObjectNode agentRecord(String agentId) {
        return JsonNodeFactory.instance.objectNode().put("t", "agent").put("id", agentId);
    }

    /** Applies one of its records (as it is kept, and when read back). */
    synchronized void apply(ObjectNode r) {
        switch (r.path("t").asText()) {
            case "thread" -> {
                address = r.path("address").asText();
                name = r.hasNonNull("name") ? r.get("name").asText() : null;
                subject = r.path("subject").asText("");
            }
            case "mail" -> {
                String id = r.path("id").asText();
                if (!messageIds.contains(id)) {
                    messageIds.add(id);
                }
                if (r.path("in").asBoolean()) {
                    lastInbound = id;
                }
            }
            case "interaction" -> {
                interactions.add(r.path("id").asText());
                routedRefs.add(r.path("ref").asText());
            }
            case "agent" -> agentId = r.path("id").asText();
            default -> {}
        }
    }

    // ------------------------------------------------------------------ reads

    synchronized String address() {
        return address;
    }

    synchronized String name() {
        return name;
    }

    synchronized String subject() {
        return subject;
    }

    /** The subject of the centre's mails in the thread: the first one's, answered. */
    synchronized String replySubject() {
        String s = subject.isBlank() ? "Your email to the council" : subject;
        return s.regionMatches(true, 0, "Re:", 0, 3) ? s : "Re: " + s;
    }

    /** Every message id of the thread, oldest first: the References of the centre's next mail. */
    synchronized List<String> references() {
        return List.copyOf(messageIds);
    }

    synchronized String lastInbound() {
        return lastInbound;
    }

    synchronized boolean knows(String messageId) {
        return messageIds.contains(messageId);
    }

    /** The interaction it was last routed as, or null. */
    synchronized String interactionId() {
        return interactions.isEmpty() ? null : interactions.getLast();
    }

    synchronized List<String> interactions() {
        return List.copyOf(interactions);
    }

    /** Whether an interaction was created for the message of this source reference already. */
    synchronized boolean routed(String sourceRef) {
        return routedRefs.contains(sourceRef);
    }

    /** The advisor who last had it, or null. */
    synchronized String agentId() {
        return agentId;
    }

    @Override
    public String toString() {
        return "EmailThread[" + key + "]";
    }
}
