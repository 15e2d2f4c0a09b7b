package io.firstcontact.desktop.desk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each advisor's own recent contacts, newest first, kept in memory ({@value #PER_ADVISOR} each). Rebuilt on restart from
 * the journal that recovery replays; the advisors' notes are personal and never journaled, so they are kept only
 * while the server runs (and written to the back office with the contact's summary). Engine thread only.
 */
final class DeskHistory {
    static final int PER_ADVISOR = 50;

    private final Map<String, Deque<DeskState.Contact>> byAgent = new HashMap<>();
    /** Notes written during wrap-up, until the assignment ends and its contact is recorded. */
    private final Map<String, String> notes = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > Contexts.RETAINED;
        }
    };

    void noted(String assignmentId, String text) {
        if (text == null || text.isBlank()) {
            notes.remove(assignmentId);
        } else {
            notes.put(assignmentId, text);
        }
    }

    String notes(String assignmentId) {
        return notes.get(assignmentId);
    }

    /** Records the contact, with the notes written for it; returns what was recorded. */
    DeskState.Contact ended(String agentId, DeskState.Contact contact) {
        String n = notes.remove(contact.assignmentId());
        DeskState.Contact withNotes = n == null
                ? contact
                : new DeskState.Contact(
                        contact.assignmentId(),
                        contact.interactionId(),
                        contact.channel(),
                        contact.queue(),
                        contact.customerRef(),
                        contact.reason(),
                        contact.startedAt(),
                        contact.endedAt(),
                        contact.wrapUpCodes(),
                        contact.crossSell(),
                        contact.forms(),
                        n);
        Deque<DeskState.Contact> list = byAgent.computeIfAbsent(agentId, a -> new ArrayDeque<>());
        list.addFirst(withNotes);
        while (list.size() > PER_ADVISOR) {
            list.removeLast();
        }
        return withNotes;
    }

    List<DeskState.Contact> of(String agentId) {
        Deque<DeskState.Contact> list = byAgent.get(agentId);
        return list == null ? List.of() : new ArrayList<>(list);
    }
}
