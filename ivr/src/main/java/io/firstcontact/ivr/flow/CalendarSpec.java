package io.firstcontact.ivr.flow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a queue answers: weekly opening hours in a time zone, closed on the bank holidays of a region and on listed
 * days, and what a caller hears (or where they are put through to) when it is closed. A supervisor can also close it
 * at once for an emergency (see the calendars API); that closure lasts until they open it again.
 *
 * @param id the calendar's id
 * @param zone the time zone of the hours ({@code Europe/London})
 * @param hours opening hours by day: keys {@code mon}…{@code sun} or ranges {@code mon-fri}, values
 *     {@code 08:30-17:30} (several periods separated by commas); a day not named is closed
 * @param bankHolidays the region whose bank holidays close it
 * @param closedOn further days it is closed (a council's closure days)
 * @param closed the prompt played out of hours
 * @param emergency the prompt played while a supervisor has closed it
 * @param forward a number out-of-hours callers are put through to after the message (E.164), or null to end the call
 */
public record CalendarSpec(
        String id,
        ZoneId zone,
        Map<String, String> hours,
        BankHolidayRegion bankHolidays,
        List<LocalDate> closedOn,
        String closed,
        String emergency,
        String forward) {

    /** Where bank holidays come from. */
    public enum BankHolidayRegion {
        ENGLAND_AND_WALES,
        NONE
    }

    /** One opening period of a day. */
    public record Period(LocalTime from, LocalTime to) {}

    /** Reads the YAML form: the zone as its name, the closure days as ISO dates. */
    @JsonCreator
    static CalendarSpec read(
            @JsonProperty("id") String id,
            @JsonProperty("zone") String zone,
            @JsonProperty("hours") Map<String, String> hours,
            @JsonProperty("bankHolidays") BankHolidayRegion bankHolidays,
            @JsonProperty("closedOn") List<String> closedOn,
            @JsonProperty("closed") String closed,
            @JsonProperty("emergency") String emergency,
            @JsonProperty("forward") String forward) {
        ZoneId z;
        try {
            z = zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "calendar " + id + ": zone " + zone + " is not a time zone (Europe/London)");
        }
        List<LocalDate> days = new ArrayList<>();
        for (String d : closedOn == null ? List.<String>of() : closedOn) {
            try {
                days.add(LocalDate.parse(d));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "calendar " + id + ": closedOn " + d + " is not a date (2026-12-24)");
            }
        }
        return new CalendarSpec(id, z, hours, bankHolidays, days, closed, emergency, forward);
    }

    public CalendarSpec {
        id = FlowIds.require(id, "calendar id");
        zone = zone == null ? ZoneId.of("Europe/London") : zone;
        hours = hours == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hours));
        bankHolidays = bankHolidays == null ? BankHolidayRegion.ENGLAND_AND_WALES : bankHolidays;
        closedOn = closedOn == null ? List.of() : List.copyOf(closedOn);
        closed = FlowIds.require(closed, "calendar " + id + ": closed (the out-of-hours prompt)");
        emergency = FlowIds.require(emergency, "calendar " + id + ": emergency (the emergency-closure prompt)");
        if (forward != null && !forward.matches("\\+[1-9][0-9]{7,14}")) {
            throw new IllegalArgumentException("calendar " + id + ": forward must be an E.164 number (+44…)");
        }
        weekOf(id, hours); // validates the hours
    }

    /** The opening periods of each day of the week (a day missing is closed), in order. */
    public Map<DayOfWeek, List<Period>> week() {
        return weekOf(id, hours);
    }

    private static Map<DayOfWeek, List<Period>> weekOf(String id, Map<String, String> hours) {
        Map<DayOfWeek, List<Period>> week = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> e : hours.entrySet()) {
            List<DayOfWeek> days = days(id, e.getKey());
            List<Period> periods = periods(id, e.getKey(), e.getValue());
            for (DayOfWeek d : days) {
                if (week.containsKey(d)) {
                    throw new IllegalArgumentException("calendar " + id + ": " + d + " is given hours twice");
                }
                week.put(d, periods);
            }
        }
        return week;
    }

    private static List<DayOfWeek> days(String id, String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        String[] ends = k.split("-");
        if (ends.length > 2) {
            throw new IllegalArgumentException("calendar " + id + ": days '" + key + "' must be mon or mon-fri");
        }
        DayOfWeek first = day(id, ends[0], key);
        DayOfWeek last = ends.length == 2 ? day(id, ends[1], key) : first;
        if (last.compareTo(first) < 0) {
            throw new IllegalArgumentException("calendar " + id + ": days '" + key + "' run backwards");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int d = first.getValue(); d <= last.getValue(); d++) {
            days.add(DayOfWeek.of(d));
        }
        return days;
    }

    private static DayOfWeek day(String id, String abbreviation, String key) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equalsIgnoreCase(abbreviation)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "calendar " + id + ": '" + key + "' is not a day (mon, tue, wed, thu, fri, sat, sun) or range");
    }

    private static List<Period> periods(String id, String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("calendar " + id + ": " + key + " has no hours");
        }
        List<Period> periods = new ArrayList<>();
        for (String p : value.split(",")) {
            String[] ends = p.strip().split("-");
            try {
                if (ends.length != 2) {
                    throw new DateTimeException("");
                }
                Period period = new Period(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
                if (!period.to().isAfter(period.from())) {
                    throw new IllegalArgumentException(
                            "calendar " + id + ": " + key + " closes before it opens (" + p.strip() + ")");
                }
                if (!periods.isEmpty()
                        && !period.from().isAfter(periods.getLast().to())) {
                    throw new IllegalArgumentException(
                            "calendar " + id + ": " + key + " periods must be in order and not overlap");
                }
                periods.add(period);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("calendar " + id + ": hours of " + key
                        + " must read like 08:30-17:30, was '" + p.strip() + "'");
            }
        }
        return List.copyOf(periods);
    }
}
