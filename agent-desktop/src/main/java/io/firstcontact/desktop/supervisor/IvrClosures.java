package io.firstcontact.desktop.supervisor;

import java.util.List;
import java.util.Optional;

/**
 * The IVR's calendars as a supervisor sees them, and its emergency closure: a calendar closed at once, whatever its
 * hours, until opened again (callers hear its emergency message). The server provides it over its IVR; without one,
 * {@link #NONE} says so.
 */
public interface IvrClosures {

    /**
     * A calendar now.
     *
     * @param calendar its id in the IVR's flows
     * @param state {@code OPEN}, {@code CLOSED} (by its hours) or {@code EMERGENCY} (closed by a supervisor)
     * @param closesAt when it next closes by its hours (epoch millis), or null
     * @param opensAt when it next opens by its hours, or null (and under an emergency closure)
     */
    record Calendar(String calendar, String state, Long closesAt, Long opensAt) {}

    /** No IVR on this server. */
    IvrClosures NONE = new IvrClosures() {
        @Override
        public String unavailableBecause() {
            return "this server runs no IVR (ivr.flows names no flows file)";
        }

        @Override
        public List<Calendar> calendars() {
            return List.of();
        }

        @Override
        public Optional<Calendar> close(String calendar) {
            return Optional.empty();
        }

        @Override
        public Optional<Calendar> open(String calendar) {
            return Optional.empty();
        }
    };

    /** Null when the IVR runs here; else why not. */
    String unavailableBecause();

    List<Calendar> calendars();

    /** Closes the calendar for an emergency; empty when there is no such calendar. */
    Optional<Calendar> close(String calendar);

    /** Opens it again; empty when there is no such calendar. */
    Optional<Calendar> open(String calendar);
}
