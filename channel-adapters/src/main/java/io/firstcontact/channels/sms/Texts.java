package io.firstcontact.channels.sms;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.channels.conversation.Conversation;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Intake;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.Ids;
import io.firstcontact.router.api.port.InteractionIds;
import io.firstcontact.router.api.port.RoutingPort;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Residents' texts: one conversation per phone number; a text is kept in it (card numbers masked) and, when the
 * conversation has no live interaction, routed as a new one of the {@code sms} channel whose source reference is the
 * gateway's message id — so a webhook the gateway sends again adds nothing. An advisor's answer goes back through the
 * gateway. Texts are taken on a worker of their own; the webhook is answered once the text is kept and journaled.
 */
final class Texts {
    static final String SOURCE = "sms";
    static final String CHANNEL = "sms";
    static final String CONTACT_ATTRIBUTE = "residentContact";
    private static final String KEY_PREFIX = "sms-";

    private final SmsOptions options;
    private final ConversationBook book;
    private final RoutingReads reads;
    private final SmsGateway gateway;
    private final InstantSource clock;
    private final Executor worker;
    private final Map<String, Line> lines = new ConcurrentHashMap<>();
    private volatile RoutingPort routing;

    Texts(
            SmsOptions options,
            ConversationBook book,
            RoutingReads reads,
            SmsGateway gateway,
            InstantSource clock,
            Executor worker) {
        this.options = options;
        this.book = book;
        this.reads = reads;
        this.gateway = gateway;
        this.clock = clock;
        this.worker = worker;
    }

    void start(RoutingPort port) {
        this.routing = port;
    }

    /** A phone's conversation: its number and the interactions it was routed as. */
    private static final class Line {
        final String phone;
        final Conversation conversation;
        final List<String> interactions = new ArrayList<>();
        final Set<String> routedRefs = new LinkedHashSet<>();

        Line(String phone, Conversation conversation) {
            this.phone = phone;
            this.conversation = conversation;
        }

        synchronized void routed(String id, String ref) {
            interactions.add(id);
            routedRefs.add(ref);
        }

        synchronized String last() {
            return interactions.isEmpty() ? null : interactions.getLast();
        }

        synchronized boolean routed(String ref) {
            return routedRefs.contains(ref);
        }
    }

    /**
     * A resident's text. Completes once it is kept and routed (or added to its live interaction); fails with {@link
     * Intake.NotTakenException} when routing did not take it (the gateway then sends it again).
     *
     * @param phone E.164
     */
    CompletionStage<Void> received(String messageId, String phone, String text) {
        return CompletableFuture.runAsync(() -> take(messageId, phone, text), worker);
    }

    private void take(String messageId, String phone, String text) {
        Line line = line(phone);
        String entryId = "sms-" + Intake.letters(messageId, 24);
        if (line.conversation.byClientId(entryId) == null) {
            line.conversation.add(
                    Author.resident(null),
                    CardNumberTripwire.mask(text.strip()),
                    null,
                    List.of(),
                    entryId,
                    clock.millis());
        }
        String ref = sourceRef(messageId);
        String live = line.last();
        boolean routed = line.routed(ref)
                || (live != null && Intake.await(reads.where(live)).isPresent());
        if (!routed) {
            String id = Intake.create(
                    routing,
                    SOURCE,
                    new Command.CreateInteraction(
                            InteractionIds.random(line.conversation.key() + "-"),
                            CHANNEL,
                            Direction.INBOUND,
                            ref,
                            line.conversation.key(),
                            null,
                            Attributes.of(CONTACT_ATTRIBUTE, phone),
                            QueueRequest.to(options.queue())));
            line.routed(id, ref);
            book.route(line.conversation, id);
            book.keep(
                    line.conversation.key(),
                    JsonNodeFactory.instance
                            .objectNode()
                            .put("t", "interaction")
                            .put("id", id)
                            .put("ref", ref));
        }
        Intake.settle(book);
    }

    /** The phone's conversation: held, else read back from the store, else new. Runs on the worker. */
    private Line line(String phone) {
        String key = KEY_PREFIX + Intake.letters(phone, 32);
        Line held = lines.get(key);
        if (held != null) {
            return held;
        }
        boolean kept = book.store().exists(key);
        Conversation c = book.open(key, CHANNEL, this::deliver);
        Line line = new Line(phone, c);
        if (kept) {
            for (ObjectNode r : book.records(key)) {
                if ("interaction".equals(r.path("t").asText())) {
                    line.routed(r.path("id").asText(), r.path("ref").asText());
                    book.route(c, r.path("id").asText());
                }
            }
        } else {
            book.keep(
                    key, JsonNodeFactory.instance.objectNode().put("t", "line").put("phone", phone));
        }
        Line raced = lines.putIfAbsent(key, line);
        return raced != null ? raced : line;
    }

    private static String sourceRef(String messageId) {
        String plain = "sms:" + messageId;
        return Ids.valid(plain) && !CardNumberTripwire.containsCardNumber(plain)
                ? plain
                : "sms:#" + Intake.letters(messageId, 32);
    }

    /** An advisor's answer: texted through the gateway, then added to the conversation. */
    private CompletionStage<Entry> deliver(Conversation c, Author author, String text, String clientId) {
        Line line = lines.get(c.key());
        if (line == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the texts' thread is not known here"));
        }
        if (text.length() > 1_600) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a text is at most 1600 characters"));
        }
        return gateway.send(line.phone, text)
                .thenApply(v -> c.add(author, text, null, List.of(), clientId, clock.millis()));
    }
}
