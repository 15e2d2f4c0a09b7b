package io.firstcontact.router.host;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.Objects;

/**
 * Rebuilds the engine from the latest snapshot and the committed entries after it (docs/routing-contract.md §8 Recovery). The
 * engine is deterministic, so applying each recorded input again gives its recorded decision; every one is checked,
 * and a difference stops recovery: it means the engine's rules changed under an existing journal, which needs a
 * deliberate migration, never a silent re-decision.
 */
public final class Recovery {
    private final RoutingEngine engine;
    private long applied;

    private Recovery(RoutingEngine engine) {
        this.engine = engine;
    }

    /** Starts from a snapshot, or from an empty engine when there is none. */
    public static Recovery from(EngineSnapshot snapshot) {
        return new Recovery(snapshot == null ? RoutingEngine.create() : RoutingEngine.restore(snapshot));
    }

    /** Applies one committed entry; entries at or before the engine's position (already in the snapshot) are skipped. */
    public Recovery apply(Journal.Entry entry) {
        Objects.requireNonNull(entry, "entry");
        if (entry.input().seq() <= engine.lastSeq()) {
            return this;
        }
        Decision again = engine.apply(entry.input());
        if (!again.equals(entry.decision())) {
            throw new DivergenceException(entry.id());
        }
        applied++;
        return this;
    }

    /** How many entries were applied on top of the snapshot. */
    public long applied() {
        return applied;
    }

    public RoutingEngine engine() {
        return engine;
    }

    /** The engine decided differently from the journal: recovery stops (the message names the entry, no data). */
    public static final class DivergenceException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        DivergenceException(String entryId) {
            super("journal entry " + entryId + " decides differently with this version of the engine: "
                    + "recovery stopped; migrate the journal (snapshot with the old version) before upgrading");
        }
    }
}
