package io.firstcontact.desktop.supervisor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A supervisor joins an advisor's call from their own phone: listens, whispers to the advisor, or barges in. The voice
 * channel (Asterisk's ChanSpy) provides it; without one, {@link #NONE} says so and joins nothing.
 */
public interface CallSupervision {

    /** How a supervisor joins a call. */
    enum Mode {
        /** Hears both sides; nobody hears them. */
        LISTEN,
        /** Heard by the advisor only. */
        WHISPER,
        /** Heard by both: a three-way call. */
        BARGE
    }

    /** No voice channel: calls cannot be supervised here. */
    CallSupervision NONE = new CallSupervision() {
        @Override
        public String unavailableBecause() {
            return "listening in needs the voice channel on Asterisk, which this server does not run";
        }

        @Override
        public CompletionStage<String> join(String supervisor, String device, String interactionId, Mode mode) {
            return CompletableFuture.failedFuture(new IllegalStateException(unavailableBecause()));
        }
    };

    /** Null when calls can be supervised; else why not, for the supervisor. */
    String unavailableBecause();

    /**
     * Rings {@code device} and joins it to the call of {@code interactionId}.
     *
     * @param supervisor who joins (their sign-in name), for the voice channel's own audit
     * @return the supervisor's leg, once it is set up; fails with a message for the supervisor when it cannot be
     */
    CompletionStage<String> join(String supervisor, String device, String interactionId, Mode mode);
}
