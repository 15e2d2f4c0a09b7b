package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.PresenceState;
import java.time.LocalDate;
import java.util.Map;

/**
 * One advisor now and today: the agent time report.
 *
 * @param state the derived one-word state (see {@link AdvisorState})
 * @param reason the not-ready reason while not ready
 * @param stateSeconds how long they have been in it (since midnight at most)
 * @param ahtSeconds average handle time of what they handled today
 * @param secondsInState time in each state today
 * @param secondsNotReadyByReason time not ready today, by reason
 * @param occupancy busy time over staffed time today
 */
public record AdvisorFigures(
        String agentId,
        AdvisorState state,
        String reason,
        double stateSeconds,
        PresenceState presence,
        LocalDate date,
        long handled,
        Double ahtSeconds,
        double talkSeconds,
        double holdSeconds,
        double wrapUpSeconds,
        long ronas,
        long crossSellOffered,
        long crossSellAccepted,
        Map<AdvisorState, Double> secondsInState,
        Map<String, Double> secondsNotReadyByReason,
        Double occupancy) {}
