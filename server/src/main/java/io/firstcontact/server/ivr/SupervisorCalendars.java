package io.firstcontact.server.ivr;

import io.firstcontact.desktop.supervisor.IvrClosures;
import io.firstcontact.ivr.calendar.CalendarState;
import io.firstcontact.ivr.calendar.Calendars;
import io.firstcontact.ivr.flow.CalendarSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The IVR's calendars and their emergency closure, for the supervisor view: the same closures the IVR's API changes
 * ({@code POST /api/v1/ivr/calendars/{calendar}/close}), kept across restarts by the IVR.
 */
public final class SupervisorCalendars implements IvrClosures {
    private final Supplier<IvrService> ivr;

    /** @param ivr the server's IVR once started, or null when none is configured */
    public SupervisorCalendars(Supplier<IvrService> ivr) {
        this.ivr = ivr;
    }

    @Override
    public String unavailableBecause() {
        return ivr.get() == null ? IvrClosures.NONE.unavailableBecause() : null;
    }

    @Override
    public List<Calendar> calendars() {
        IvrService service = ivr.get();
        List<Calendar> out = new ArrayList<>();
        if (service != null) {
            for (CalendarSpec spec : service.ivr().book().flows().calendars().values()) {
                out.add(now(service, spec));
            }
        }
        return out;
    }

    @Override
    public Optional<Calendar> close(String calendar) {
        return change(calendar, true);
    }

    @Override
    public Optional<Calendar> open(String calendar) {
        return change(calendar, false);
    }

    private Optional<Calendar> change(String calendar, boolean close) {
        IvrService service = ivr.get();
        CalendarSpec spec =
                service == null ? null : service.ivr().book().flows().calendar(calendar);
        if (spec == null) {
            return Optional.empty();
        }
        if (close) {
            service.ivr().closures().close(calendar);
        } else {
            service.ivr().closures().open(calendar);
        }
        return Optional.of(now(service, spec));
    }

    private static Calendar now(IvrService service, CalendarSpec spec) {
        CalendarState s = Calendars.at(
                spec, service.ivr().clock().instant(), service.ivr().closures().isClosed(spec.id()));
        return new Calendar(
                spec.id(),
                s.state().name(),
                s.closes() == null ? null : s.closes().toInstant().toEpochMilli(),
                s.opens() == null ? null : s.opens().toInstant().toEpochMilli());
    }
}
