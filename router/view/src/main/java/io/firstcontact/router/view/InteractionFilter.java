package io.firstcontact.router.view;

import io.firstcontact.router.api.model.Phase;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which interactions {@link LiveView#interactions} lists; every criterion left null (or empty) matches all.
 *
 * @param phases the phases to list (an ended interaction is {@link Phase#ENDED}); empty for every phase
 * @param queue the queue of its current visit, else of its last one
 * @param channel its channel
 * @param customerRef its customer reference, exactly
 * @param arrivedFrom created at or after this engine time (epoch milliseconds)
 * @param arrivedTo created before this engine time (the range is half-open: {@code [arrivedFrom, arrivedTo)})
 * @param offeredTo an advisor it has been offered to (or assigned to, which follows an offer): what an agent may see
 */
public record InteractionFilter(
        Set<Phase> phases,
        String queue,
        String channel,
        String customerRef,
        Long arrivedFrom,
        Long arrivedTo,
        String offeredTo) {

    /** Every interaction the view knows. */
    public static final InteractionFilter ALL = new InteractionFilter(Set.of(), null, null, null, null, null, null);

    public InteractionFilter {
        phases = phases == null || phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
        if (arrivedFrom != null && arrivedTo != null && arrivedTo < arrivedFrom) {
            throw new IllegalArgumentException("arrivedTo must not be before arrivedFrom");
        }
    }

    public InteractionFilter withOfferedTo(String agentId) {
        return new InteractionFilter(phases, queue, channel, customerRef, arrivedFrom, arrivedTo, agentId);
    }
}
