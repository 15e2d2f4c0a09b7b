package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One advisor's day: the agent time report.
 *
 * @param handled assignments that ended (wrap-up done)
 * @param ahtSeconds their average handle time (talk + hold + wrap-up)
 * @param ronas offers that rang out unanswered
 * @param crossSellOffered digital services offered (the last outcome of each prompt was offered, accepted or declined)
 * @param crossSellAccepted of them, accepted
 * @param secondsInState time in each state (logged out not counted)
 * @param secondsNotReadyByReason time not ready, by reason
 * @param occupancy busy time over staffed time
 */
public record AdvisorDay(
        String agentId,
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
        Double occupancy) {

    public static AdvisorDay of(AdvisorRecord r, LocalDate date) {
        Map<AdvisorState, Double> in = new EnumMap<>(AdvisorState.class);
        long staffed = 0;
        long busy = 0;
        for (Map.Entry<AdvisorState, Long> e : r.millisIn().entrySet()) {
            in.put(e.getKey(), e.getValue() / 1000.0);
            if (e.getKey().staffed()) {
                staffed += e.getValue();
            }
            if (e.getKey().busy()) {
                busy += e.getValue();
            }
        }
        Map<String, Double> by = new TreeMap<>();
        r.notReadyMillisBy().forEach((reason, ms) -> by.put(reason, ms / 1000.0));
        return new AdvisorDay(
                r.agentId(),
                date,
                r.handled(),
                r.handled() == 0 ? null : (r.talkMillis() + r.holdMillis() + r.wrapUpMillis()) / 1000.0 / r.handled(),
                r.talkMillis() / 1000.0,
                r.holdMillis() / 1000.0,
                r.wrapUpMillis() / 1000.0,
                r.ronas(),
                r.crossSellOffered(),
                r.crossSellAccepted(),
                in,
                by,
                staffed == 0 ? null : (double) busy / staffed);
    }
}
