package io.firstcontact.channels.notify;

import io.firstcontact.router.api.notify.Message;
import io.firstcontact.router.api.notify.Notifier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier used until an SMS gateway or email is configured: it sends nothing, and logs that a message would have
 * gone — its medium and length, never the recipient or the text, which are personal data.
 */
public final class LogNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(LogNotifier.class);

    private final AtomicLong sent = new AtomicLong();

    @Override
    public CompletionStage<Void> send(Message message) {
        sent.incrementAndGet();
        LOG.info(
                "{} message accepted by the log sink (no gateway is configured, nothing was sent): {} characters",
                message.medium(),
                message.text().length());
        return CompletableFuture.completedFuture(null);
    }

    /** Messages accepted so far. */
    public long sent() {
        return sent.get();
    }
}
