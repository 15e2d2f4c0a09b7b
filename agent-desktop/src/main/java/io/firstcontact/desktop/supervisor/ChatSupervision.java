package io.firstcontact.desktop.supervisor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A supervisor joins an advisor's chat (a notice in the conversation tells the resident and the advisor) or takes it
 * over (it goes back to its queue for the next advisor). The chat channel provides it (the server's web chat); a server
 * without one has {@link #NONE}, which says so. The supervisor view's buttons and routes ({@code POST
 * /supervisor/api/contacts/{id}/chat/join}, {@code …/chat/take-over}) call this.
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
    };

    /** Null when chats can be joined here; else why not. */
    String unavailableBecause();

    CompletionStage<Void> act(String supervisor, String interactionId, Move move);
}
