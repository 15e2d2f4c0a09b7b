package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.SelfServiceOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole centre today, and the recent days' outcomes.
 *
 * @param today every queue's counts together
 * @param channelMix each channel's share of today's contacts
 * @param selfServiceByChannel self-service attempts by channel and outcome
 * @param selfServiceCompleted completions over all channels
 * @param advisorHandled contacts an advisor handled
 * @param selfServiceShare completions over completions plus advisor-handled contacts
 * @param callbacksRequested callbacks promised and callbacks waiting callers asked for, today
 * @param callbacksKept callbacks whose customer answered the dial
 * @param callbacksDialled dials made for callbacks, retries included
 * @param callbacksNotReached dials the customer did not answer (no answer, busy, failed)
 * @param callbacksFailed callbacks given up once every dial allowed went unanswered
 * @param outcomes first contact resolution and channel shift of the days whose windows are still open, oldest first
 */
public record CentreFigures(
        LocalDate date,
        int waitingNow,
        int loggedIn,
        Map<AdvisorState, Integer> advisors,
        Period today,
        long contacts,
        Map<String, Long> contactsByChannel,
        Map<String, Double> channelMix,
        Map<String, Map<SelfServiceOutcome, Long>> selfServiceByChannel,
        long selfServiceCompleted,
        long advisorHandled,
        Double selfServiceShare,
        long callbacksRequested,
        long callbacksKept,
        long callbacksDialled,
        long callbacksNotReached,
        long callbacksFailed,
        List<OutcomeFigures> outcomes) {}
