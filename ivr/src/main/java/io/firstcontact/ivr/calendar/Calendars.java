package io.firstcontact.ivr.calendar;

import io.firstcontact.ivr.flow.CalendarSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Evaluates a calendar at an instant: a pure function of its spec, the instant and the emergency switch. */
public final class Calendars {
    /** How far ahead the next opening or closing is looked for. */
    private static final int HORIZON_DAYS = 14;

    private Calendars() {}

    public static CalendarState at(CalendarSpec spec, Instant now, boolean emergencyClosed) {
        if (emergencyClosed) {
            return new CalendarState(CalendarState.State.EMERGENCY, null, null);
        }
        ZonedDateTime t = now.atZone(spec.zone());
        Map<DayOfWeek, List<CalendarSpec.Period>> week = spec.week();
        LocalDate today = t.toLocalDate();
        LocalTime time = t.toLocalTime();
        for (CalendarSpec.Period p : periods(spec, week, today)) {
            if (!time.isBefore(p.from()) && time.isBefore(p.to())) {
                return new CalendarState(
                        CalendarState.State.OPEN, today.atTime(p.to()).atZone(spec.zone()), null);
            }
        }
        return new CalendarState(CalendarState.State.CLOSED, null, opens(spec, week, today, time));
    }

    /** The periods the calendar opens on {@code day}: none on a bank holiday or a closure day. */
    static List<CalendarSpec.Period> periods(
            CalendarSpec spec, Map<DayOfWeek, List<CalendarSpec.Period>> week, LocalDate day) {
        if (spec.closedOn().contains(day) || BankHolidays.isBankHoliday(spec.bankHolidays(), day)) {
            return List.of();
        }
        return week.getOrDefault(day.getDayOfWeek(), List.of());
    }

    private static ZonedDateTime opens(
            CalendarSpec spec, Map<DayOfWeek, List<CalendarSpec.Period>> week, LocalDate today, LocalTime now) {
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate d = today.plusDays(i);
            for (CalendarSpec.Period p : periods(spec, week, d)) {
                if (i > 0 || p.from().isAfter(now)) {
                    return d.atTime(p.from()).atZone(spec.zone());
                }
            }
        }
        return null;
    }
}
