package io.firstcontact.ivr.rig;

import io.firstcontact.router.api.port.CallRecording;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A call recording that keeps what it was asked: {@code pause} and {@code resume}, in order; pausing can fail. */
public final class RecordingSwitch implements CallRecording {
    public final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean pauseFails;
    private volatile boolean paused;

    public RecordingSwitch failingPause(boolean fails) {
        this.pauseFails = fails;
        return this;
    }

    public boolean paused() {
        return paused;
    }

    @Override
    public CompletionStage<Void> pause(String interactionId) {
        asked.add("pause");
        if (pauseFails) {
            return CompletableFuture.failedFuture(new IllegalStateException("test: AMI down"));
        }
        paused = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> resume(String interactionId) {
        asked.add("resume");
        paused = false;
        return CompletableFuture.completedFuture(null);
    }
}
