package io.firstcontact.ivr.calendar;

import java.time.ZonedDateTime;

/**
 * Where a calendar stands at an instant.
 *
 * @param state open, closed by its hours (or a bank holiday, or a closure day), or closed by a supervisor
 * @param closes when the opening period it is in ends, while open
 * @param opens when it opens next, while closed by its hours (null under an emergency closure, or if it never opens
 *     in the next two weeks)
 */
public record CalendarState(State state, ZonedDateTime closes, ZonedDateTime opens) {

    /** Open, closed, or closed for an emergency. */
    public enum State {
        OPEN,
        CLOSED,
        EMERGENCY
    }

    public boolean open() {
        return state == State.OPEN;
    }
}
