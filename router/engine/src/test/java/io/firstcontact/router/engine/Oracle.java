package io.firstcontact.router.engine;

import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.engine.internal.NaiveRouting;

/**
 * The naive oracle as an engine (docs/routing-contract.md §7): the same rules as the production engine, with an index
 * that answers every routing question by a linear scan over the same routing rule. Tests and benchmarks compare the
 * production engine against it.
 */
public final class Oracle {
    private Oracle() {}

    /** An empty engine whose every routing question is answered by scanning the whole state. */
    public static RoutingEngine create() {
        return RoutingEngine.create(new NaiveRouting());
    }

    /** The oracle holding exactly the state of a snapshot. */
    public static RoutingEngine restore(EngineSnapshot snapshot) {
        return RoutingEngine.restore(snapshot, new NaiveRouting());
    }
}
