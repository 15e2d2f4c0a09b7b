package io.firstcontact.channels.chat;

import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.Mailer;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.ChannelAdapter;
import io.firstcontact.router.api.port.RoutingPort;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat: residents open a chat from the widget a council page embeds, help themselves through the IVR's flows
 * in text, wait in the same queues as callers with their place and expected wait pushed to them, and chat with an
 * advisor, who sees the conversation on the desktop ({@link ConversationBook}). The server {@linkplain #mount mounts}
 * its public endpoints beside the API and starts it once routing is open.
 */
public final class ChatAdapter implements ChannelAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ChatAdapter.class);

    private final Chats chats;
    private final ChatRoutes routes;
    private RoutingPort.Subscription subscription;

    /**
     * @param selfService the IVR's text front end, or null when no IVR is configured (chats queue at once)
     * @param reads where a waiting chat stands, for the pushes
     * @param mailer sends the transcripts residents ask for
     * @param notifier texts a resident the link to do their task online
     */
    public ChatAdapter(
            ChatOptions options,
            Vertx vertx,
            ConversationBook book,
            SelfService selfService,
            RoutingReads reads,
            Mailer mailer,
            Notifier notifier,
            InstantSource clock) {
        Objects.requireNonNull(options, "options");
        this.chats = new Chats(
                vertx,
                vertx.getOrCreateContext(),
                options,
                Objects.requireNonNull(book, "book"),
                selfService,
                Objects.requireNonNull(reads, "reads"),
                Objects.requireNonNull(mailer, "mailer"),
                Objects.requireNonNull(notifier, "notifier"),
                Objects.requireNonNull(clock, "clock"));
        this.routes = new ChatRoutes(vertx, options, chats, clock);
    }

    @Override
    public String name() {
        return Chats.SOURCE;
    }

    @Override
    public Set<String> channels() {
        return Set.of(Chats.CHANNEL);
    }

    /** Adds the chat's public endpoints ({@code /chat/…}) to the listener's router. */
    public void mount(Router router) {
        routes.mount(router);
    }

    @Override
    public synchronized CompletionStage<Void> start(RoutingPort routing) {
        subscription = routing.subscribe(chats);
        chats.start(routing);
        LOG.info("web chat started");
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        chats.stop();
        return CompletableFuture.completedFuture(null);
    }

    /** Chats held now, connections open, chats with an advisor: for the metrics. */
    public int chats() {
        return chats.size();
    }

    public int connections() {
        return routes.connections();
    }

    public long connected() {
        return chats.connected();
    }
}
