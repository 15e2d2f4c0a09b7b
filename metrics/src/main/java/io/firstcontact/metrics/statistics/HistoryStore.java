package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where closed days, their outcomes and the contact records are kept once the live state moves on (in Redis beside
 * the journal; a relational store for months of history can take this port's place). Writes are called on the engine
 * thread and must not block (hand off, or write asynchronously); every write is idempotent — recovery may write the
 * same record again. Reads are called off the engine thread and may block.
 */
public interface HistoryStore {

    void saveDay(DayRecord day);

    void saveOutcomes(OutcomeRecord outcomes);

    void saveContact(LocalDate day, ContactRecord contact);

    Optional<DayRecord> day(LocalDate date);

    Optional<OutcomeRecord> outcomes(LocalDate date);

    /** The contacts of a day, in arrival order. */
    List<ContactRecord> contacts(LocalDate date);

    /** Keeps everything in memory: for tests, and for a server that keeps no history. */
    final class InMemory implements HistoryStore {
        private final Map<LocalDate, DayRecord> days = new ConcurrentHashMap<>();
        private final Map<LocalDate, OutcomeRecord> outcomes = new ConcurrentHashMap<>();
        private final Map<LocalDate, Map<String, ContactRecord>> contacts = new ConcurrentHashMap<>();

        @Override
        public void saveDay(DayRecord day) {
            days.put(day.date(), day);
        }

        @Override
        public void saveOutcomes(OutcomeRecord o) {
            outcomes.put(o.date(), o);
        }

        @Override
        public void saveContact(LocalDate day, ContactRecord contact) {
            contacts.computeIfAbsent(day, d -> new ConcurrentHashMap<>()).put(contact.interactionId(), contact);
        }

        @Override
        public Optional<DayRecord> day(LocalDate date) {
            return Optional.ofNullable(days.get(date));
        }

        @Override
        public Optional<OutcomeRecord> outcomes(LocalDate date) {
            return Optional.ofNullable(outcomes.get(date));
        }

        @Override
        public List<ContactRecord> contacts(LocalDate date) {
            Map<String, ContactRecord> m = contacts.getOrDefault(date, Map.of());
            List<ContactRecord> out = new ArrayList<>(new TreeMap<>(m).values());
            out.sort(java.util.Comparator.comparingLong(ContactRecord::arrivedAt)
                    .thenComparing(ContactRecord::interactionId));
            return out;
        }
    }
}
