package io.firstcontact.router.api;

import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import java.util.List;

/**
 * What the engine decided for one input.
 *
 * @param seq the input's sequence
 * @param facts what happened, in order
 * @param effects what the edges must do, in order
 * @param nextDeadlineAt engine time of the earliest pending deadline, or {@link Long#MAX_VALUE} for none
 */
public record Decision(long seq, List<Fact> facts, List<Effect> effects, long nextDeadlineAt) {
    public static final long NO_DEADLINE = Long.MAX_VALUE;

    public Decision {
        facts = List.copyOf(facts);
        effects = List.copyOf(effects);
    }

    public boolean refused() {
        return !effects.isEmpty() && effects.getFirst() instanceof Effect.Refused;
    }
}
