package io.firstcontact.ivr.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.ivr.flow.CalendarSpec;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Opening hours, the bank holidays of England and Wales, closure days and the emergency switch. */
class CalendarsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final CalendarSpec OFFICE = new CalendarSpec(
            "office",
            LONDON,
            Map.of("mon-fri", "08:30-12:30, 13:30-17:30"),
            CalendarSpec.BankHolidayRegion.ENGLAND_AND_WALES,
            List.of(LocalDate.of(2026, 12, 24)),
            "closed",
            "emergency",
            null);

    private static CalendarState at(String local) {
        return Calendars.at(OFFICE, LocalDateTime.parse(local).atZone(LONDON).toInstant(), false);
    }

    @Test
    void openWithinAPeriodAndClosedBetweenPeriods() {
        assertThat(at("2026-05-05T09:00").state()).isEqualTo(CalendarState.State.OPEN);
        assertThat(at("2026-05-05T12:45").state()).isEqualTo(CalendarState.State.CLOSED);
        assertThat(at("2026-05-05T12:45").opens().toLocalTime()).hasToString("13:30");
        assertThat(at("2026-05-05T17:30").state()).isEqualTo(CalendarState.State.CLOSED);
    }

    @Test
    void closedAtTheWeekendUntilMonday() {
        CalendarState s = at("2026-05-09T10:00");

        assertThat(s.state()).isEqualTo(CalendarState.State.CLOSED);
        assertThat(s.opens().toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 11));
    }

    @Test
    void goodFridayAndEasterMondayAreBankHolidays() {
        assertThat(at("2026-04-03T10:00").state()).isEqualTo(CalendarState.State.CLOSED);
        assertThat(at("2026-04-06T10:00").state()).isEqualTo(CalendarState.State.CLOSED);
        assertThat(at("2026-04-07T10:00").state()).isEqualTo(CalendarState.State.OPEN);
    }

    @Test
    void aChristmasOnASaturdayGivesTheMondayAndTuesdayOff() {
        assertThat(at("2027-12-27T10:00").state()).isEqualTo(CalendarState.State.CLOSED);
        assertThat(at("2027-12-28T10:00").state()).isEqualTo(CalendarState.State.CLOSED);
        assertThat(at("2027-12-29T10:00").state()).isEqualTo(CalendarState.State.OPEN);
    }

    @Test
    void theOneOffBankHolidaysAreKnown() {
        assertThat(BankHolidays.isBankHoliday(
                        CalendarSpec.BankHolidayRegion.ENGLAND_AND_WALES, LocalDate.of(2023, 5, 8)))
                .as("the coronation")
                .isTrue();
        assertThat(BankHolidays.isBankHoliday(
                        CalendarSpec.BankHolidayRegion.ENGLAND_AND_WALES, LocalDate.of(2022, 9, 19)))
                .as("the state funeral")
                .isTrue();
    }

    @Test
    void aClosureDayOfTheCouncilIsClosed() {
        assertThat(at("2026-12-24T10:00").state()).isEqualTo(CalendarState.State.CLOSED);
    }

    @Test
    void anEmergencyClosureClosesWhateverTheHours() {
        CalendarState s = Calendars.at(
                OFFICE, LocalDateTime.parse("2026-05-05T10:00").atZone(LONDON).toInstant(), true);

        assertThat(s.state()).isEqualTo(CalendarState.State.EMERGENCY);
        assertThat(s.opens()).isNull();
    }

    @Test
    void aSupervisorsClosureIsKeptUntilOpenedAndEveryChangeIsTold() {
        java.util.List<java.util.Set<String>> told = new java.util.ArrayList<>();
        EmergencyClosures closures = new EmergencyClosures(java.util.Set.of(), told::add);

        assertThat(closures.close("office")).isTrue();
        assertThat(closures.close("office")).isFalse();
        assertThat(closures.isClosed("office")).isTrue();
        assertThat(closures.open("office")).isTrue();

        assertThat(told).containsExactly(java.util.Set.of("office"), java.util.Set.of());
    }
}
