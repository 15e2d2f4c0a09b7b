package io.firstcontact.server.channels;

import io.firstcontact.channels.voice.SupervisionMode;
import io.firstcontact.channels.voice.VoiceAdapter;
import io.firstcontact.desktop.supervisor.CallSupervision;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The supervisor desk's listen, whisper and barge carried out by the voice adapter (ChanSpy on the advisor's leg). The
 * desk is built before the channels start, so the adapter is looked up at each join.
 */
public final class VoiceCallSupervision implements CallSupervision {
    private final Supplier<Optional<VoiceAdapter>> voice;

    public VoiceCallSupervision(Supplier<Optional<VoiceAdapter>> voice) {
        this.voice = voice;
    }

    @Override
    public String unavailableBecause() {
        return voice.get().isPresent() ? null : "the voice channel has not started yet";
    }

    @Override
    public CompletionStage<String> join(String supervisor, String device, String interactionId, Mode mode) {
        return voice.get()
                .map(v -> v.supervise(supervisor, device, interactionId, SupervisionMode.valueOf(mode.name())))
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalStateException(unavailableBecause())));
    }
}
