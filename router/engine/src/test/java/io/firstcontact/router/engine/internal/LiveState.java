package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.AssignmentStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What the engine's test kit reads of its live state to pick plausible inputs: the ids of what is live now, in the
 * engine's own (deterministic) order. Read-only, and only ids and statuses: nothing of the engine's internals leaves.
 */
public final class LiveState {
    private LiveState() {}

    /** An open assignment: active or in wrap-up. */
    public record OpenAssignment(String id, boolean inWrapUp) {}

    /** The live offers' ids, oldest first. */
    public static List<String> offerIds(EngineCore core) {
        return new ArrayList<>(core.offers.keySet());
    }

    /** The open assignments, oldest first. */
    public static List<OpenAssignment> assignments(EngineCore core) {
        List<OpenAssignment> out = new ArrayList<>(core.assignments.size());
        core.assignments.values().forEach(a -> out.add(new OpenAssignment(a.id, a.status == AssignmentStatus.WRAP_UP)));
        return out;
    }

    /** How many interactions are live. */
    public static int interactionCount(EngineCore core) {
        return core.interactions.size();
    }

    /** The live interactions' ids, oldest first. */
    public static List<String> interactionIds(EngineCore core) {
        return new ArrayList<>(core.interactions.keySet());
    }
}
