package io.firstcontact.router.api.conversation;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The written conversations of the centre, by interaction, as staff use them: read a transcript, follow it live,
 * write in it (a chat message to the resident, an email reply in the thread, an SMS), say they are typing, download
 * an attachment, and — supervisors — join a chat. The channels implement it; the desktop calls it. Every text written
 * is screened for card numbers and masked before it is kept or shown.
 */
public interface Conversations {

    /** No written channel is running: nothing has a conversation. */
    Conversations NONE = new Conversations() {
        @Override
        public CompletionStage<Optional<Transcript>> transcript(String interactionId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public Subscription follow(String interactionId, Listener listener) {
            return () -> {};
        }

        @Override
        public CompletionStage<Entry> write(String interactionId, Author author, String clientId, String text) {
            return CompletableFuture.failedFuture(new NoConversationException(interactionId));
        }

        @Override
        public void typing(String interactionId, Author author, boolean typing) {}

        @Override
        public CompletionStage<Optional<Attachment.Content>> attachment(String interactionId, String attachmentId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Void> join(String interactionId, Author supervisor) {
            return CompletableFuture.failedFuture(new NoConversationException(interactionId));
        }
    };

    /** The conversation of an interaction, or empty when it has none here (a call, a simulated chat). */
    CompletionStage<Optional<Transcript>> transcript(String interactionId);

    /**
     * Hears every entry added to the interaction's conversation from now on, the other side's typing, and its end. Listeners are
     * called on the channel's own thread and must hand work off. Closing the subscription stops it.
     */
    Subscription follow(String interactionId, Listener listener);

    /**
     * A member of staff writes. Completes with the entry as kept (card numbers masked) once the channel has taken it
     * — a chat message delivered to the resident's page (or kept for their return), an email reply accepted by the
     * mail server; fails with {@link NoConversationException} when there is no conversation, or {@link
     * IllegalStateException} with a reason for the writer (the chat has ended).
     *
     * @param clientId the writer's own id for the message: a repeat with the same id is answered with the first entry
     *     and adds nothing (a page resending after a dropped connection)
     */
    CompletionStage<Entry> write(String interactionId, Author author, String clientId, String text);

    /** A member of staff is typing (or stopped): the resident's page shows it. Nothing is kept. */
    void typing(String interactionId, Author author, boolean typing);

    /** An attachment's content, when the interaction's conversation has it. */
    CompletionStage<Optional<Attachment.Content>> attachment(String interactionId, String attachmentId);

    /**
     * A supervisor joins a live chat: the resident and the advisor are told (a notice in the transcript), and the
     * supervisor may write in it from then on. Joining twice changes nothing. Taking a chat over is a transfer in
     * routing; its transcript goes with the interaction.
     */
    CompletionStage<Void> join(String interactionId, Author supervisor);

    /** Hears a conversation. */
    interface Listener {
        void added(Entry entry);

        /** Someone on the other side started or stopped typing. */
        default void typing(Author author, boolean typing) {}

        /**
         * The customer can no longer be written to (a chat ended): heard once, after the entry that says so, or at
         * once by a follower who comes after the end. An email or SMS thread never ends.
         */
        default void ended() {}
    }

    /** Ends a {@link #follow}. */
    @FunctionalInterface
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** The interaction has no written conversation here. */
    final class NoConversationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoConversationException(String interactionId) {
            super("interaction " + interactionId + " has no written conversation");
        }
    }
}
