package io.firstcontact.desktop.supervisor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A supervisor joins an advisor's chat (their messages seen by both) or takes it over (the chat becomes theirs). The
 * chat channel provides it; until it is built, {@link #NONE} says so. The supervisor view's buttons and routes ({@code
 * POST /supervisor/api/contacts/{id}/chat/join}, {@code …/chat/take-over}) are in place and call this.
 */
public interface ChatSupervision {

    /** What a supervisor does to a chat. */
    enum Move {
        JOIN,
        TAKE_OVER
    }

    /** No chat channel yet. */
    ChatSupervision NONE = new ChatSupervision() {
        @Override
        public String unavailableBecause() {
            return "joining and taking over chats come with the chat channel, which is not built yet";
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
