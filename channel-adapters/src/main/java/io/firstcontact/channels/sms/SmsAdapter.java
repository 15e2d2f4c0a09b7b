package io.firstcontact.channels.sms;

import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.RoutingReads;
import io.firstcontact.router.api.port.ChannelAdapter;
import io.firstcontact.router.api.port.RoutingPort;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Residents' texts as interactions (when {@link SmsOptions#inbound()}): the gateway's signed webhook ({@link
 * SmsWebhook}) brings them in, they wait in their queue beside calls, chats and emails, and advisors answer from the
 * desktop through the {@link SmsGateway}.
 */
public final class SmsAdapter implements ChannelAdapter {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "sms-in"));
    private final Texts texts;
    private final SmsWebhook webhook;

    public SmsAdapter(
            SmsOptions options, SmsGateway gateway, ConversationBook book, RoutingReads reads, InstantSource clock) {
        Objects.requireNonNull(options, "options");
        if (!options.inbound()) {
            throw new IllegalArgumentException("the SMS adapter runs only with sms.inbound");
        }
        this.texts = new Texts(options, book, reads, gateway, clock, worker);
        this.webhook = new SmsWebhook(options.webhookSecret(), texts, clock);
    }

    @Override
    public String name() {
        return Texts.SOURCE;
    }

    @Override
    public Set<String> channels() {
        return Set.of(Texts.CHANNEL);
    }

    /** Adds the gateway's webhook ({@code POST /sms/inbound}) to the listener's router. */
    public void mount(Router router) {
        webhook.mount(router);
    }

    @Override
    public CompletionStage<Void> start(RoutingPort routing) {
        texts.start(routing);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> stop() {
        worker.shutdown();
        return CompletableFuture.completedFuture(null);
    }
}
