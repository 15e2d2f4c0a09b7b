package io.firstcontact.server.chat;

import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.router.view.LiveView;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * What the written channels read of routing, answered from the read model on the engine thread it is confined to (the
 * channels themselves never reach into the read model).
 */
public final class ViewReads implements RoutingReads {
    private final LiveView view;
    private final Executor engineThread;

    /** @param engineThread the thread the read model is confined to (the engine's) */
    public ViewReads(LiveView view, Executor engineThread) {
        this.view = view;
        this.engineThread = engineThread;
    }

    @Override
    public CompletionStage<Optional<Standing>> standing(String interactionId) {
        return CompletableFuture.supplyAsync(
                () -> view.interaction(interactionId)
                        .filter(i -> i.position() > 0 && i.queue() != null)
                        .map(i -> new Standing(
                                i.queue(), i.position(), i.expectedWaitMillis() == null ? -1 : i.expectedWaitMillis())),
                engineThread);
    }

    @Override
    public CompletionStage<Optional<Where>> where(String interactionId) {
        return CompletableFuture.supplyAsync(
                () -> view.interaction(interactionId)
                        .filter(i -> i.endedAt() == null)
                        .map(i -> new Where(i.phase().name(), i.queue(), i.agentId())),
                engineThread);
    }
}
