package io.firstcontact.router.api.port;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where committed entries live: a Redis Stream in production, memory in tests. */
public interface Journal {

    /** One entry: an input and what the engine decided for it, under the id {@code <epoch>-<seq>}. */
    record Entry(EngineInput input, Decision decision) {
        public String id() {
            return input.entryId();
        }
    }

    /**
     * Appends a batch in order. Completes when every entry is durable in the journal's terms; fails with
     * {@link FencedException} when a newer epoch has started (this process is deposed), or another exception when
     * the journal is unreachable.
     */
    CompletionStage<Void> append(List<Entry> batch);

    /**
     * Appends a batch while the batches before it are still being appended, if this journal can keep them in order;
     * empty if it cannot take one now (the caller then waits for the appends in flight, and uses {@link #append}).
     *
     * <p>The batch is written only if the entry just before its first (the last entry of the batch before it) is
     * already in the journal, checked atomically with the write: an append that overtakes the one before it, or
     * follows one that failed, writes nothing and fails. Any failure is therefore the caller's to retry, in order, once
     * the batches before it have settled: it never leaves a hole. The caller's batches are consecutive, so the entry
     * before the first is the same epoch's previous sequence number.
     *
     * <p>By default a journal takes one batch at a time.
     */
    default Optional<CompletionStage<Void>> appendBehind(List<Entry> batch) {
        return Optional.empty();
    }

    /** A newer leader's epoch made this append fail: the process must step down. */
    final class FencedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FencedException(String message) {
            super(message);
        }
    }
}
