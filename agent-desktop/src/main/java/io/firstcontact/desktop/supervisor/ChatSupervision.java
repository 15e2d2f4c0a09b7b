package io.firstcontact.desktop.supervisor;

import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.conversation.Transcript;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A supervisor joins an advisor's chat (their messages seen by both), reads it and writes in it, or takes it over (the
 * chat goes back to its queue for an advisor). The chat channel provides it; without one, {@link #NONE} says so. The
 * supervisor view's buttons and routes ({@code POST /supervisor/api/contacts/{id}/chat/join}, {@code …/chat/take-over},
 * {@code GET …/chat/conversation}, {@code POST …/chat/messages}) call this, and the supervisor's push follows the chats
 * they joined ({@link JoinedChats}).
 */
public interface ChatSupervision {

    /** What a supervisor does to a chat. */
    enum Move {
        JOIN,
        TAKE_OVER
    }

    /** No chat channel on this server. */
    ChatSupervision NONE = new ChatSupervision() {
        @Override
        public String unavailableBecause() {
            return "joining and taking over chats need the chat channel, which this server does not run";
        }

        @Override
        public CompletionStage<Void> act(String supervisor, String interactionId, Move move) {
            return CompletableFuture.failedFuture(new IllegalStateException(unavailableBecause()));
        }

        @Override
        public CompletionStage<Transcript> transcript(String supervisor, String interactionId) {
            return CompletableFuture.failedFuture(new IllegalStateException(unavailableBecause()));
        }

        @Override
        public CompletionStage<Entry> write(
                String supervisor, String name, String interactionId, String clientId, String text) {
            return CompletableFuture.failedFuture(new IllegalStateException(unavailableBecause()));
        }

        @Override
        public Conversations.Subscription follow(
                String supervisor, String interactionId, Conversations.Listener listener) {
            throw new IllegalStateException(unavailableBecause());
        }
    };

    /** Null when chats can be joined here; else why not. */
    String unavailableBecause();

    CompletionStage<Void> act(String supervisor, String interactionId, Move move);

    /**
     * The transcript of a chat {@code supervisor} has joined; fails with {@link IllegalStateException} when they have
     * not joined it.
     */
    CompletionStage<Transcript> transcript(String supervisor, String interactionId);

    /**
     * {@code supervisor}, who has joined the chat, writes in it: the resident and the advisor see it as from a
     * supervisor ({@code name}, their first name, or none). A repeat of the same {@code clientId} adds nothing.
     * Completes with the entry as kept (card numbers masked); fails with {@link IllegalStateException} when they have
     * not joined or the chat has ended.
     */
    CompletionStage<Entry> write(String supervisor, String name, String interactionId, String clientId, String text);

    /**
     * Hears the chat {@code supervisor} has joined as it goes on — every entry added from now on, whoever wrote it, and
     * its end — until the subscription is closed. The listener is called on the channel's thread and must hand work
     * off.
     *
     * @throws IllegalStateException when they have not joined it
     */
    Conversations.Subscription follow(String supervisor, String interactionId, Conversations.Listener listener);
}
