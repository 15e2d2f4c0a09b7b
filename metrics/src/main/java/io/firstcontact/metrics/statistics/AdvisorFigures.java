package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.PresenceState;

/**
 * One advisor now, and their day so far.
 *
 * @param state the derived one-word state (see {@link AdvisorState})
 * @param reason the not-ready reason while not ready
 * @param stateSeconds how long they have been in it (since midnight at most)
 * @param today the agent time report of today
 */
public record AdvisorFigures(
        String agentId,
        AdvisorState state,
        String reason,
        double stateSeconds,
        PresenceState presence,
        AdvisorDay today) {}
