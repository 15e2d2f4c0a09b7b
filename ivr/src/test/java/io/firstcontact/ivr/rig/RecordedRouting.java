package io.firstcontact.ivr.rig;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A routing port that takes every command and keeps it: for tests of the IVR alone. */
public final class RecordedRouting implements RoutingPort {
    public final List<Command> commands = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    @Override
    public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        commands.add(command);
        return CompletableFuture.completedFuture(
                new Decision(seq.incrementAndGet(), List.of(), List.of(), Decision.NO_DEADLINE));
    }

    @Override
    public Subscription subscribe(EffectSink listener) {
        return () -> {};
    }

    /** The customers the IVR named, as {@code interactionId customerRef}. */
    public List<String> identified() {
        return commands.stream()
                .filter(c -> c instanceof Command.IdentifyCustomer)
                .map(c -> (Command.IdentifyCustomer) c)
                .map(c -> c.interactionId() + " " + c.customerRef())
                .toList();
    }

    /** The self-service outcomes recorded, as {@code service OUTCOME}. */
    public List<String> outcomes() {
        return commands.stream()
                .filter(c -> c instanceof Command.RecordSelfService)
                .map(c -> (Command.RecordSelfService) c)
                .map(c -> c.service() + " " + c.outcome())
                .toList();
    }
}
