package io.firstcontact.server.chat;

import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.desktop.supervisor.ChatSupervision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.port.RoutingPort;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a supervisor does to a web chat from the supervisor view. Joining adds a notice to the conversation (the
 * resident and the advisor see that a supervisor is with them) and lets the supervisor write in it. Taking it over
 * takes it from its advisor: it goes back to its queue keeping its place, and the next advisor gets it with its
 * transcript (the conversation belongs to the interaction, not to the advisor).
 */
final class ChatSupervisionPort implements ChatSupervision {
    private static final String SOURCE = "supervisor";

    private final ConversationBook conversations;
    private final RoutingReads reads;
    private final RoutingPort routing;

    ChatSupervisionPort(ConversationBook conversations, RoutingReads reads, RoutingPort routing) {
        this.conversations = conversations;
        this.reads = reads;
        this.routing = routing;
    }

    @Override
    public String unavailableBecause() {
        return null;
    }

    @Override
    public CompletionStage<Void> act(String supervisor, String interactionId, Move move) {
        CompletionStage<Void> joined = conversations.join(interactionId, Author.supervisor(supervisor, null));
        if (move == Move.JOIN) {
            return joined;
        }
        return joined.thenCompose(v -> reads.where(interactionId)).thenCompose(where -> {
            String queue = where.map(RoutingReads.Where::queue).orElse(null);
            if (where.isEmpty()
                    || queue == null
                    || !"CONNECTED".equals(where.get().phase())) {
                throw new IllegalStateException("only a chat with an advisor can be taken over");
            }
            return routing.submit(
                            SOURCE,
                            null,
                            new Command.TransferToQueue(interactionId, queue, true, Actor.supervisor(supervisor)))
                    .thenAccept(d -> {
                        if (d.refused()) {
                            throw new IllegalStateException(
                                    d.effects().getFirst() instanceof Effect.Refused r ? r.message() : "refused");
                        }
                    });
        });
    }

    @Override
    public CompletionStage<Transcript> transcript(String supervisor, String interactionId) {
        if (!conversations.joined(interactionId, supervisor)) {
            return CompletableFuture.failedFuture(new IllegalStateException("join the chat to read it"));
        }
        return conversations
                .transcript(interactionId)
                .thenApply(t -> t.orElseThrow(() -> new Conversations.NoConversationException(interactionId)));
    }

    @Override
    public Conversations.Subscription follow(String supervisor, String interactionId, Conversations.Listener listener) {
        if (!conversations.joined(interactionId, supervisor)) {
            throw new IllegalStateException("join the chat to follow it");
        }
        return conversations.follow(interactionId, listener);
    }

    @Override
    public CompletionStage<Entry> write(
            String supervisor, String name, String interactionId, String clientId, String text) {
        return conversations.write(interactionId, Author.supervisor(supervisor, name), clientId, text);
    }
}
