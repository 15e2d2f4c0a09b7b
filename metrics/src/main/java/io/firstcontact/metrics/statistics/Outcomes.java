package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recent days' {@link OutcomeRecord}s, still changing while their windows are open: kept for the longest window
 * (first contact or channel shift) plus today, oldest dropped as days pass.
 */
final class Outcomes {
    private final TreeMap<LocalDate, Day> days = new TreeMap<>();

    static final class Day {
        final LocalDate date;
        long contacts;
        long identified;
        long repeated;
        long repeats;
        final Map<String, Long> repeatsByReason = new TreeMap<>();
        final Map<String, Long> crossSellOffered = new TreeMap<>();
        final Map<String, Long> shifted = new TreeMap<>();

        Day(LocalDate date) {
            this.date = date;
        }

        OutcomeRecord record() {
            return new OutcomeRecord(
                    date, contacts, identified, repeated, repeats, repeatsByReason, crossSellOffered, shifted);
        }

        static Day of(OutcomeRecord r) {
            Day d = new Day(r.date());
            d.contacts = r.contacts();
            d.identified = r.identified();
            d.repeated = r.repeated();
            d.repeats = r.repeats();
            d.repeatsByReason.putAll(r.repeatsByReason());
            d.crossSellOffered.putAll(r.crossSellOffered());
            d.shifted.putAll(r.shifted());
            return d;
        }
    }

    /** The day's record, created if new; null for a day already dropped (older than every window). */
    Day day(LocalDate date) {
        if (!days.isEmpty() && date.isBefore(days.firstKey())) {
            return null;
        }
        return days.computeIfAbsent(date, Day::new);
    }

    Day existing(LocalDate date) {
        return days.get(date);
    }

    /** Drops the days before {@code oldest}; returns them (their figures are final). */
    List<OutcomeRecord> dropBefore(LocalDate oldest) {
        List<OutcomeRecord> dropped = new ArrayList<>();
        while (!days.isEmpty() && days.firstKey().isBefore(oldest)) {
            dropped.add(days.pollFirstEntry().getValue().record());
        }
        return dropped;
    }

    List<OutcomeRecord> records() {
        List<OutcomeRecord> out = new ArrayList<>();
        days.values().forEach(d -> out.add(d.record()));
        return out;
    }

    void restore(List<OutcomeRecord> records) {
        records.forEach(r -> days.put(r.date(), Day.of(r)));
    }
}
