package io.firstcontact.channels.conversation;

import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import java.util.concurrent.CompletionStage;

/** How a staff member's message reaches the customer of one channel: shown in the chat, sent as an email or SMS. */
@FunctionalInterface
public interface Delivery {
    /**
     * Delivers the message and adds it to the conversation ({@link Conversation#add}) once the channel has taken it.
     *
     * @param text masked and checked already
     * @param clientId the writer's id for the message, for {@link Conversation#add}
     * @return the entry added; fails with a reason for the writer ({@link IllegalStateException}) when it cannot go
     */
    CompletionStage<Entry> deliver(Conversation conversation, Author author, String text, String clientId);
}
