package io.firstcontact.server.chat;

import io.firstcontact.channels.chat.SelfService;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.text.TextTurn;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.server.ivr.Conversations;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A chat's self-service is the IVR's text front end: the same chats the {@code /api/v1/interactions/{id}/ivr} routes
 * drive. What the IVR refuses at once (it is full, the chat is unknown to it) comes back as a failed turn, which sends
 * the chat to its queue.
 */
final class IvrSelfService implements SelfService {
    private final Conversations conversations;

    IvrSelfService(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public CompletionStage<TextTurn> start(Call call, Attributes edge) {
        return guarded(() -> conversations.start(call, edge));
    }

    @Override
    public CompletionStage<TextTurn> reply(String interactionId, char[] text) {
        return guarded(() -> conversations.reply(interactionId, text));
    }

    @Override
    public CompletionStage<TextTurn> noReply(String interactionId) {
        return guarded(() -> conversations.noReply(interactionId));
    }

    @Override
    public CompletionStage<TextTurn> leave(String interactionId) {
        return guarded(() -> conversations.leave(interactionId));
    }

    private static CompletionStage<TextTurn> guarded(Supplier<CompletionStage<TextTurn>> turn) {
        try {
            return turn.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
