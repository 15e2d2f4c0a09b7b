package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.PresenceState;

/**
 * One advisor now, and their day so far.
 *
 * @param state the derived one-word state (see {@link AdvisorState})
 * @param reason the not-ready reason while not ready
 * @param stateSeconds how long they have been in it, since midnight at most (today's share of it)
 * @param today the agent time report of today
 * @param stateSince when they entered the state, even before midnight (epoch millis; the API writes it as an RFC 3339
 *     instant): a page counts the time in state up from it itself
 */
public record AdvisorFigures(
        String agentId,
        AdvisorState state,
        String reason,
        double stateSeconds,
        PresenceState presence,
        AdvisorDay today,
        long stateSince) {}
