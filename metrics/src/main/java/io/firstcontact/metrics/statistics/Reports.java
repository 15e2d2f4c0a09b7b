package io.firstcontact.metrics.statistics;

import java.time.Instant;
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
        Map<AdvisorState, Double> in = new EnumMap<>(AdvisorState.class);
        long staffed = 0;
        long busy = 0;
        for (Map.Entry<AdvisorState, Long> e : r.millisIn().entrySet()) {
            in.put(e.getKey(), e.getValue() / 1000.0);
            if (e.getKey().staffed()) {
                staffed += e.getValue();
            }
            if (e.getKey().busy()) {
                busy += e.getValue();
            }
        }
        Map<String, Double> by = new TreeMap<>();
        r.notReadyMillisBy().forEach((reason, ms) -> by.put(reason, ms / 1000.0));
        return new AdvisorFigures(
                r.agentId(),
                a.state,
                a.stateReason,
                stateMillis / 1000.0,
                a.presence,
                date,
                r.handled(),
                r.handled() == 0 ? null : (r.talkMillis() + r.holdMillis() + r.wrapUpMillis()) / 1000.0 / r.handled(),
                r.talkMillis() / 1000.0,
                r.holdMillis() / 1000.0,
                r.wrapUpMillis() / 1000.0,
                r.ronas(),
                r.crossSellOffered(),
                r.crossSellAccepted(),
                in,
                by,
                staffed == 0 ? null : (double) busy / staffed);
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
                    Instant.ofEpochMilli(ic.start()),
                    Instant.ofEpochMilli(ic.end()),
                    days.local(ic.start()).toOffsetDateTime().toString(),
                    kind,
                    scope.name(),
                    scope.channel(),
                    Period.of(ic.counts(), sl, target)));
        }
    }
}
