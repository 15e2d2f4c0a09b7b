package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of one day's contacts, known only days later: whether their customers came back (first contact
 * resolution) and whether those offered a digital service used it online (channel shift).
 *
 * @param contacts inbound contacts that day
 * @param identified of them, with a customer to recognise (a customer reference, else a caller number or email)
 * @param repeated of the identified, those whose customer contacted again within the first-contact window (not
 *     resolved first time)
 * @param repeats of the identified, those that were themselves a repeat of a contact within the window (avoidable
 *     contact)
 * @param repeatsByReason the repeats by the reason of the repeat contact (its first wrap-up code, else {@code
 *     queue:<queue>}, else {@code self-service:<service>})
 * @param crossSellOffered customers offered each digital service that day (once per customer and service within the
 *     channel-shift window)
 * @param shifted of them, those who used it online within the channel-shift window
 */
public record OutcomeRecord(
        LocalDate date,
        long contacts,
        long identified,
        long repeated,
        long repeats,
        Map<String, Long> repeatsByReason,
        Map<String, Long> crossSellOffered,
        Map<String, Long> shifted) {

    public OutcomeRecord {
        repeatsByReason = Collections.unmodifiableMap(new TreeMap<>(repeatsByReason));
        crossSellOffered = Collections.unmodifiableMap(new TreeMap<>(crossSellOffered));
        shifted = Collections.unmodifiableMap(new TreeMap<>(shifted));
    }

    static OutcomeRecord empty(LocalDate date) {
        return new OutcomeRecord(date, 0, 0, 0, 0, Map.of(), Map.of(), Map.of());
    }
}
