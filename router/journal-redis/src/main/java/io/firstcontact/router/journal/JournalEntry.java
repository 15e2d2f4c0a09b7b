package io.firstcontact.router.journal;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import java.util.Objects;

/**
 * One journal entry: an input and the decision the engine made for it, under the id {@code <epoch>-<seq>}.
 *
 * @param id {@code <epoch>-<seq>} of the input
 * @param schemaVersion the journal schema version of the entry's JSON form
 * @param input the sequenced input
 * @param decision what the engine decided for it
 */
public record JournalEntry(String id, int schemaVersion, EngineInput input, Decision decision) {
    public JournalEntry {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(decision, "decision");
        if (!input.entryId().equals(id)) {
            throw new IllegalArgumentException("the entry id is not <epoch>-<seq> of its input");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("the schema version must be at least 1");
        }
        if (decision.seq() != input.seq()) {
            throw new IllegalArgumentException("the decision's seq is not the input's seq");
        }
    }

    /** The entry for {@code input} and its {@code decision} in the current schema version. */
    public static JournalEntry of(EngineInput input, Decision decision) {
        return new JournalEntry(input.entryId(), JournalCodec.SCHEMA_VERSION, input, decision);
    }
}
