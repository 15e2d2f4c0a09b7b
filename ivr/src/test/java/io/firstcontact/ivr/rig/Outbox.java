package io.firstcontact.ivr.rig;

import io.firstcontact.router.api.notify.Message;
import io.firstcontact.router.api.notify.Notifier;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A notifier that keeps the messages it is given; it can be made to fail. */
public final class Outbox implements Notifier {
    public final List<Message> sent = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public Outbox failing(boolean fails) {
        this.failing = fails;
        return this;
    }

    @Override
    public CompletionStage<Void> send(Message message) {
        if (failing) {
            return CompletableFuture.failedFuture(new IllegalStateException("test: gateway down"));
        }
        sent.add(message);
        return CompletableFuture.completedFuture(null);
    }
}
