package io.firstcontact.router.api.notify;

import java.util.concurrent.CompletionStage;

/**
 * Sends a customer a message outside the conversation they are in: the link to do a task online offered to a caller
 * who would otherwise wait, a callback confirmation. One port for every medium; an SMS gateway and email sit behind it,
 * and a log sink stands in until they are configured.
 */
@FunctionalInterface
public interface Notifier {

    /**
     * Sends the message. Completes when the medium accepted it, or fails with the reason (unreachable gateway, refused
     * recipient). Implementations never log the recipient or the text in clear: both are personal data.
     */
    CompletionStage<Void> send(Message message);
}
