package io.firstcontact.metrics.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Figures from the fold's state and from day records: the arithmetic of the reports, in one place. */
final class Reports {
    private Reports() {}

    static CentreFigures centre(Statistics stats, StatisticsFold fold, LiveFigures live, long now) {
        Days days = fold.days();
        CentreRecord extras = live.centreRecord(now);
        Scope.Published scope = live.centreScope();
        int waiting = 0;
        for (String q : live.queueIds()) {
            waiting += live.queue(q, now).map(QueueFigures::waitingNow).orElse(0);
        }
        long contacts = extras.contacts();
        Map<String, Double> mix = new TreeMap<>();
        extras.contactsByChannel().forEach((c, n) -> mix.put(c, contacts == 0 ? 0.0 : (double) n / contacts));
        List<OutcomeFigures> outcomes = new ArrayList<>();
        for (OutcomeRecord r : stats.openOutcomes()) {
            outcomes.add(stats.outcomeFigures(r, now));
        }
        return new CentreFigures(
                days.dateOf(now),
                waiting,
                scope.loggedIn(),
                LiveFigures.byState(scope),
                live.centre(now),
                contacts,
                extras.contactsByChannel(),
                mix,
                extras.selfServiceByChannel(),
                extras.selfServiceCompleted(),
                extras.advisorHandled(),
                extras.selfServiceShare(),
                extras.callbacksRequested(),
                extras.callbacksKept(),
                extras.callbacksDialled(),
                extras.callbacksNotReached(),
                extras.callbacksFailed(),
                outcomes);
    }

    static AdvisorFigures advisor(Advisor a, StatisticsFold fold, long now) {
        Days days = fold.days();
        LocalDate today = days.dateOf(now);
        long todayStart = days.start(today);
        AdvisorRecord r;
        if (today.equals(fold.date)) {
            r = a.record(now);
        } else { // no entry since midnight: only the current stretch counts today
            Map<AdvisorState, Long> in = new EnumMap<>(AdvisorState.class);
            Map<String, Long> by = new TreeMap<>();
            long dt = now - Math.max(a.stateSince, todayStart);
            if (dt > 0 && a.state != AdvisorState.LOGGED_OUT) {
                in.put(a.state, dt);
                if (a.stateReason != null) {
                    by.put(a.stateReason, dt);
                }
            }
            r = new AdvisorRecord(a.id, 0, 0, 0, 0, 0, 0, 0, in, by);
        }
        return advisor(r, a, today, Math.max(0, now - Math.max(a.stateSince, todayStart)));
    }

    private static AdvisorFigures advisor(AdvisorRecord r, Advisor a, LocalDate date, long stateMillis) {
        return new AdvisorFigures(
                r.agentId(),
                a.state,
                a.stateReason,
                stateMillis / 1000.0,
                a.presence,
                AdvisorDay.of(r, date),
                a.enteredAt);
    }

    static DayFigures day(DayRecord day, OutcomeFigures outcomes, ServiceLevelDefinition sl) {
        List<DayFigures.ScopeFigures> queues = new ArrayList<>();
        for (DayRecord.ScopeRecord q : day.queues()) {
            queues.add(new DayFigures.ScopeFigures(
                    q.name(), q.channel(), q.thresholdMillis() / 1000.0, Period.of(q.day(), sl, sl.target(q.name()))));
        }
        List<DayFigures.ScopeFigures> channels = new ArrayList<>();
        for (DayRecord.ScopeRecord c : day.channels()) {
            channels.add(new DayFigures.ScopeFigures(c.name(), c.channel(), 0, Period.of(c.day(), sl, null)));
        }
        List<AdvisorDay> advisors = new ArrayList<>();
        day.advisors().forEach(a -> advisors.add(AdvisorDay.of(a, day.date())));
        return new DayFigures(
                day.date(),
                queues,
                channels,
                new DayFigures.ScopeFigures(
                        "centre", null, 0, Period.of(day.centre().day(), sl, null)),
                day.centreExtras(),
                day.centreExtras().selfServiceShare(),
                advisors,
                outcomes);
    }

    static List<IntervalFigures> intervals(DayRecord day, ServiceLevelDefinition sl, Days days) {
        List<IntervalFigures> out = new ArrayList<>();
        for (DayRecord.ScopeRecord q : day.queues()) {
            add(out, day.date(), "queue", q, sl.target(q.name()), sl, days);
        }
        for (DayRecord.ScopeRecord c : day.channels()) {
            add(out, day.date(), "channel", c, null, sl, days);
        }
        add(out, day.date(), "centre", day.centre(), null, sl, days);
        return out;
    }

    private static void add(
            List<IntervalFigures> out,
            LocalDate date,
            String kind,
            DayRecord.ScopeRecord scope,
            Double target,
            ServiceLevelDefinition sl,
            Days days) {
        for (IntervalCounts ic : scope.intervals()) {
            out.add(new IntervalFigures(
                    date,
                    ic.start(),
                    ic.end(),
                    days.local(ic.start()).toOffsetDateTime().toString(),
                    kind,
                    scope.name(),
                    scope.channel(),
                    Period.of(ic.counts(), sl, target)));
        }
    }
}
