package io.firstcontact.ivr.calendar;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The calendars a supervisor has closed for an emergency: closed at once, whatever their hours, until opened again.
 * Thread-safe; every change is handed to a listener (the server persists them, so a restart keeps them closed).
 */
public final class EmergencyClosures {
    private final Set<String> closed = ConcurrentHashMap.newKeySet();
    private final Consumer<Set<String>> changed;

    /** @param changed told the calendars closed after each change */
    public EmergencyClosures(Set<String> initiallyClosed, Consumer<Set<String>> changed) {
        closed.addAll(initiallyClosed);
        this.changed = changed;
    }

    /** Nothing closed, changes kept in memory only. */
    public static EmergencyClosures none() {
        return new EmergencyClosures(Set.of(), c -> {});
    }

    public boolean isClosed(String calendar) {
        return closed.contains(calendar);
    }

    /** Closes {@code calendar}; returns whether it was open. */
    public synchronized boolean close(String calendar) {
        boolean changedNow = closed.add(calendar);
        if (changedNow) {
            changed.accept(Set.copyOf(closed));
        }
        return changedNow;
    }

    /** Opens {@code calendar} again; returns whether it was closed. */
    public synchronized boolean open(String calendar) {
        boolean changedNow = closed.remove(calendar);
        if (changedNow) {
            changed.accept(Set.copyOf(closed));
        }
        return changedNow;
    }

    public Set<String> closed() {
        return Set.copyOf(closed);
    }
}
