package io.firstcontact.server.api;

import java.util.concurrent.CompletionStage;

/** Supervisors joining a connected call: the voice channel does it (ChanSpy on the advisor's leg), audited. */
@FunctionalInterface
public interface Supervision {
    /**
     * Rings the supervisor's phone into the call.
     *
     * @param mode LISTEN, WHISPER or BARGE
     * @return the supervision leg's id; fails with {@link IllegalStateException} when the call is not connected
     */
    CompletionStage<String> join(String supervisorId, String device, String interactionId, String mode);
}
