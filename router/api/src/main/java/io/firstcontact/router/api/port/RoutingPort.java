package io.firstcontact.router.api.port;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import java.util.concurrent.CompletableFuture;

/**
 * The server's one way into routing: commands go in through the host's sequencer; committed decisions come out, in
 * journal order, to every subscriber. The API, the demo's simulated edges and (later) the voice, chat and email
 * adapters all use it.
 */
public interface RoutingPort {

    /**
     * Sequences a command. Completes with the engine's decision once its journal entry is committed; fails with
     * {@link io.firstcontact.router.api.port.DeposedException} when this node no longer leads routing, or
     * {@link IllegalStateException} while routing is not open (recovering, stopping).
     *
     * @param source who sent it (an adapter's name, {@code api}, {@code demo}); journaled
     * @param idempotencyKey the caller's key, or null; the engine answers a repeat with {@code Duplicate}
     */
    CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command);

    /**
     * Registers a listener for every committed entry from now on, in journal order. It is called on the engine
     * thread and must hand work off, never block. Closing the handle unsubscribes.
     */
    Subscription subscribe(EffectSink listener);

    /** Ends a subscription. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
