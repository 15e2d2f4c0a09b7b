package io.firstcontact.benchmarks.load;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chat advisors' desks in {@link ChatLoad}: each accepts the chats offered to it as its push connection shows them,
 * hands every resident's message it is pushed to {@link ChatResidents} to be timed, and answers it from the desk while
 * {@link #answering} is on. Counts the answers sent and the requests the server refused.
 */
final class ChatDesks {
    final ChatResidents residents;
    StaffClients clients;
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** The chat advisors' work: assignment by interaction, from their desks' pushes. */
    final Map<String, String> assignments = new ConcurrentHashMap<>();

    final AtomicLong answers = new AtomicLong();
    final AtomicLong refusals = new AtomicLong();
    volatile boolean answering;

    ChatDesks(ChatResidents residents) {
        this.residents = residents;
    }

    /** On an event loop: an advisor's desk was sent {@code message}. */
    void received(int page, String message) {
        JsonObject m = new JsonObject(message);
        switch (m.getString("type", "")) {
            case "desk" -> {
                JsonObject state = m.getJsonObject("state");
                for (Object w : state.getJsonArray("work", new JsonArray())) {
                    JsonObject card = (JsonObject) w;
                    assignments.put(card.getString("interactionId"), card.getString("assignmentId"));
                }
                for (Object x : state.getJsonArray("offers", new JsonArray())) {
                    String offer = ((JsonObject) x).getString("offerId");
                    if (accepted.add(offer)) {
                        count(clients.post(page, "/desk/api/offers/" + offer + "/accept", "{}"));
                    }
                }
            }
            case "conversation" -> {
                JsonObject entry = m.getJsonObject("entry");
                if (!"RESIDENT".equals(entry.getString("role"))) {
                    return;
                }
                String text = entry.getString("text");
                residents.arrivedAtAdvisor(text);
                String assignment = assignments.get(m.getString("interactionId"));
                if (answering && assignment != null) {
                    String body = new JsonObject()
                            .put("clientId", "a" + answers.incrementAndGet())
                            .put("text", residents.answering(text))
                            .encode();
                    count(clients.post(page, "/desk/api/work/" + assignment + "/messages", body));
                }
            }
            default -> {}
        }
    }

    private void count(Future<Integer> status) {
        status.onComplete(r -> {
            if (r.failed() || r.result() >= 300) {
                refusals.incrementAndGet();
            }
        });
    }
}
