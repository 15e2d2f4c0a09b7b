package io.firstcontact.router.api;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Ids;
import java.util.Objects;

/**
 * One sequenced input: a command stamped by the host's sequencer.
 *
 * @param epoch the leadership epoch that sequenced it
 * @param seq strictly increasing within the engine's life (across epochs)
 * @param at engine time in epoch milliseconds, never decreasing ({@code max(last at, clock)})
 * @param source who sent it (an adapter, the API, the timer)
 * @param idempotencyKey null, or a key that makes a retry change nothing
 * @param command what happened
 */
public record EngineInput(long epoch, long seq, long at, String source, String idempotencyKey, Command command) {
    public EngineInput {
        if (epoch < 0 || seq < 1 || at < 0) {
            throw new IllegalArgumentException("epoch ≥ 0, seq ≥ 1 and at ≥ 0 are required");
        }
        Ids.require(source, "source");
        Ids.optional(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(command, "command");
    }

    /** The journal entry id {@code <epoch>-<seq>} this input is committed under. */
    public String entryId() {
        return epoch + "-" + seq;
    }
}
