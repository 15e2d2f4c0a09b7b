package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.Map;

/**
 * First contact resolution, avoidable contact and channel shift of one day's contacts. Each is final once its window
 * has passed after the day; before that it can still fall (a customer may yet come back, or go online).
 *
 * @param firstContactResolution identified contacts not repeated within the window, over identified contacts
 * @param avoidableContact identified contacts that were repeats, over identified contacts
 * @param channelShift customers who used the service online, over customers offered it (all services)
 */
public record OutcomeFigures(
        LocalDate date,
        long contacts,
        long identified,
        long repeated,
        Double firstContactResolution,
        long repeats,
        Double avoidableContact,
        Map<String, Long> repeatsByReason,
        boolean firstContactFinal,
        Map<String, Long> crossSellOffered,
        Map<String, Long> shifted,
        Double channelShift,
        boolean channelShiftFinal) {

    static OutcomeFigures of(OutcomeRecord r, long fcrFinalAt, long shiftFinalAt, long now) {
        long offered = r.crossSellOffered().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long shifted = r.shifted().values().stream().mapToLong(Long::longValue).sum();
        return new OutcomeFigures(
                r.date(),
                r.contacts(),
                r.identified(),
                r.repeated(),
                r.identified() == 0 ? null : (double) (r.identified() - r.repeated()) / r.identified(),
                r.repeats(),
                r.identified() == 0 ? null : (double) r.repeats() / r.identified(),
                r.repeatsByReason(),
                now >= fcrFinalAt,
                r.crossSellOffered(),
                r.shifted(),
                offered == 0 ? null : (double) shifted / offered,
                now >= shiftFinalAt);
    }
}
