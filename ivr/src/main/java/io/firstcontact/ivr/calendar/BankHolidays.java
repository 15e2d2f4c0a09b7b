package io.firstcontact.ivr.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.firstcontact.ivr.flow.CalendarSpec;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bank holidays of England and Wales, from Jollyday's rules (the fixed and moving days, the substitute weekday
 * when one falls on a weekend, and the one-off days such as a coronation). Asked once per day and cached.
 */
public final class BankHolidays {
    private static final HolidayManager UK =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    /** England and Wales share their bank holidays; Jollyday names England's hierarchy. */
    private static final String ENGLAND = "eng";

    private static final Map<LocalDate, Boolean> ENGLAND_AND_WALES = new ConcurrentHashMap<>();

    private BankHolidays() {}

    /** Whether {@code day} is a bank holiday in {@code region}. */
    public static boolean isBankHoliday(CalendarSpec.BankHolidayRegion region, LocalDate day) {
        return switch (region) {
            case NONE -> false;
            case ENGLAND_AND_WALES -> ENGLAND_AND_WALES.computeIfAbsent(day, d -> UK.isHoliday(d, ENGLAND));
        };
    }
}
