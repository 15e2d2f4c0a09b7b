package io.firstcontact.router.api.port;

import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * An edge that brings interactions of some channels into routing and carries out the engine's effects for them
 * (voice through Asterisk, web chat, email, SMS). The server starts each configured adapter once routing is open and
 * stops it, in reverse order, before routing closes; an adapter talks to routing only through the {@link RoutingPort}
 * it is given.
 */
public interface ChannelAdapter {

    /** A short, stable name for logs, metrics and the {@code source} of the commands it submits ({@code voice}). */
    String name();

    /** The configured channel ids this adapter serves ({@code voice}, {@code chat}, {@code email}). */
    Set<String> channels();

    /**
     * Connects to the outside world and begins submitting commands and following committed decisions. Completes once
     * the adapter is ready (or failed to start, with the reason).
     */
    CompletionStage<Void> start(RoutingPort routing);

    /** Stops taking new work and lets go of its connections; completes when it has. */
    CompletionStage<Void> stop();
}
