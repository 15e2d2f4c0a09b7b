package io.firstcontact.router.api.port;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Pauses and resumes the recording of a call while a caller keys card details (PCI DSS: card data never reaches a
 * recording). The voice adapter implements it on Asterisk: {@code MixMonitorMute} with {@code Direction: both},
 * {@code State: 1} to pause and {@code State: 0} to resume (Asterisk 20 has no pause action for MixMonitor: muting is
 * how a recording is paused).
 *
 * <p>The IVR pauses before it asks for the card number and resumes after the security code, also when the caller hangs
 * up or the payment is abandoned part way. A pause that fails means the recording may hold the digits: the IVR then
 * takes no card details by keypad. Both calls are idempotent: pausing a paused recording, or resuming one that is not
 * paused (or a call that is not recorded at all), succeeds and changes nothing.
 */
public interface CallRecording {

    /** No call is recorded (chat, or a centre without recording): every pause and resume succeeds at once. */
    CallRecording NONE = new CallRecording() {
        @Override
        public CompletionStage<Void> pause(String interactionId) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> resume(String interactionId) {
            return CompletableFuture.completedFuture(null);
        }
    };

    /**
     * Mutes the recording of the interaction's call in both directions. Completes once Asterisk confirmed it, or fails
     * (no such call, AMI down, refused) with the reason.
     */
    CompletionStage<Void> pause(String interactionId);

    /** Unmutes it again; completes once confirmed, or fails with the reason. */
    CompletionStage<Void> resume(String interactionId);
}
