package io.firstcontact.router.api.port;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import java.util.List;
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

    /** A newer leader's epoch made this append fail: the process must step down. */
    final class FencedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public FencedException(String message) {
            super(message);
        }
    }
}
