package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.Phase;
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

    /**
     * A live interaction as the random inputs see it.
     *
     * @param dialling a callback whose customer is being dialled
     * @param consultAgent the colleague of a consult in progress (offered or answered), or null
     */
    public record LiveInteraction(
            String id, Phase phase, String sourceRef, String channel, boolean dialling, String consultAgent) {}

    /** The live interactions, oldest first. */
    public static List<LiveInteraction> interactions(EngineCore core) {
        List<LiveInteraction> out = new ArrayList<>(core.interactions.size());
        for (InteractionState i : core.interactions.values()) {
            String consultAgent =
                    i.consultOffer != null ? i.consultOffer.agent.id : i.consult != null ? i.consult.agent.id : null;
            out.add(new LiveInteraction(
                    i.id, i.phase, i.sourceRef, i.channel, i.callback != null && i.callback.dialling, consultAgent));
        }
        return out;
    }

    /** The advisors who are ready to take work (nothing pending, session attached), by id. */
    public static List<String> readyAgentIds(EngineCore core) {
        List<String> out = new ArrayList<>();
        core.agents.values().forEach(a -> {
            if (a.routable()) {
                out.add(a.id);
            }
        });
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
