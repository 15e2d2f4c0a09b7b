package io.firstcontact.channels.sms;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS gateway used until a provider is configured: nothing is sent; the log says a text would have gone, with its
 * length only.
 */
public final class LogSmsGateway implements SmsGateway {
    private static final Logger LOG = LoggerFactory.getLogger(LogSmsGateway.class);

    private final AtomicLong sent = new AtomicLong();

    @Override
    public CompletionStage<Void> send(String to, String text) {
        sent.incrementAndGet();
        LOG.info(
                "SMS accepted by the log sink (no gateway is configured, nothing was sent): {} characters",
                text.length());
        return CompletableFuture.completedFuture(null);
    }

    /** Texts accepted so far. */
    public long sent() {
        return sent.get();
    }
}
