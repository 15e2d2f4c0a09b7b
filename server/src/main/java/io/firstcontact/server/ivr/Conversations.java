package io.firstcontact.server.ivr;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.text.TextConversation;
import io.firstcontact.ivr.text.TextIvr;
import io.firstcontact.ivr.text.TextTurn;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.port.RoutingPort;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chats in the IVR's text front end, by interaction: each started for an interaction in self-service, answered
 * turn by turn, and when it ends the interaction leaves the IVR through routing (queued with what the resident typed,
 * or ended). Held in memory: a restart ends them (their interactions stay in self-service until the chat ends them).
 */
public final class Conversations {
    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);
    private static final String SOURCE = "ivr";

    /** One chat: the conversation and the attributes its interaction was created with. */
    private record Open(TextConversation conversation, Attributes edge) {}

    private final TextIvr text;
    private final RoutingPort routing;
    private final int max;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    Conversations(TextIvr text, RoutingPort routing, int max) {
        this.text = text;
        this.routing = routing;
        this.max = max;
    }

    /** The IVR is full: it holds as many chats as configured. */
    public static final class FullException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        FullException(int max) {
            super("the IVR holds " + max + " chats already (ivr.maxConversations)");
        }
    }

    /** No chat in the IVR for the interaction. */
    public static final class UnknownException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownException(String interactionId) {
            super("interaction " + interactionId + " has no conversation in the IVR");
        }
    }

    /** The interaction has a chat in the IVR already. */
    public static final class AlreadyOpenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AlreadyOpenException(String interactionId) {
            super("interaction " + interactionId + " is in the IVR already");
        }
    }

    /**
     * Starts the IVR for a chat whose interaction exists in self-service.
     *
     * @param edge the attributes the interaction was created with: they are kept when it is handed over
     */
    public CompletionStage<TextTurn> start(Call call, Attributes edge) {
        if (open.size() >= max) {
            throw new FullException(max);
        }
        Open o = new Open(text.open(call), edge);
        if (open.putIfAbsent(call.interactionId(), o) != null) {
            throw new AlreadyOpenException(call.interactionId());
        }
        return settle(call.interactionId(), o, o.conversation().begin());
    }

    public CompletionStage<TextTurn> reply(String interactionId, char[] text) {
        Open o = find(interactionId, text);
        return settle(interactionId, o, o.conversation().reply(text));
    }

    public CompletionStage<TextTurn> noReply(String interactionId) {
        Open o = find(interactionId, null);
        return settle(interactionId, o, o.conversation().noReply());
    }

    public CompletionStage<TextTurn> leave(String interactionId) {
        Open o = find(interactionId, null);
        return settle(interactionId, o, o.conversation().left());
    }

    public int size() {
        return open.size();
    }

    private Open find(String interactionId, char[] text) {
        Open o = open.get(interactionId);
        if (o == null) {
            if (text != null) {
                java.util.Arrays.fill(text, '\0');
            }
            throw new UnknownException(interactionId);
        }
        return o;
    }

    /** Once a turn ends the chat, the interaction leaves the IVR: queued or ended, in order. */
    private CompletionStage<TextTurn> settle(String id, Open o, CompletionStage<TextTurn> turn) {
        return turn.thenCompose(t -> {
            if (!t.ended()) {
                return CompletableFuture.completedFuture(t);
            }
            open.remove(id);
            return leaveIvr(id, t.ending(), o.edge()).thenApply(done -> t);
        });
    }

    private CompletionStage<Void> leaveIvr(String id, Ending ending, Attributes edge) {
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Command c : ending.commands(id, edge)) {
            chain = chain.thenCompose(v -> routing.submit(SOURCE, null, c).thenAccept(d -> refused(id, c, d)));
        }
        return chain.exceptionally(failure(id));
    }

    private static void refused(String id, Command c, Decision d) {
        for (Effect e : d.effects()) {
            if (e instanceof Effect.Refused r) {
                LOG.warn("IVR chat {}: routing refused {} after the IVR: {}", id, c.type(), r.message());
            }
        }
    }

    private static Function<Throwable, Void> failure(String id) {
        return e -> {
            LOG.warn("IVR chat {}: the interaction could not leave the IVR: {}", id, e.toString());
            return null;
        };
    }
}
