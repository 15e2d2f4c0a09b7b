package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.config.QueueConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Captures the fold's state as a {@link StatisticsSnapshot} and restores it. */
final class Snapshots {
    private Snapshots() {}

    static StatisticsSnapshot capture(StatisticsFold f) {
        List<StatisticsSnapshot.ScopeSnap> queues = new ArrayList<>();
        f.queueScopes.values().forEach(s -> queues.add(s.snap()));
        List<StatisticsSnapshot.ScopeSnap> channels = new ArrayList<>();
        f.channelScopes.values().forEach(s -> channels.add(s.snap()));
        List<StatisticsSnapshot.LineSnap> lines = new ArrayList<>();
        f.lines.values().forEach(l -> lines.add(l.snap()));
        List<StatisticsSnapshot.AdvisorSnap> advisors = new ArrayList<>();
        f.advisors.values().forEach(a -> advisors.add(a.snap()));
        List<StatisticsSnapshot.WorkSnap> work = new ArrayList<>();
        f.work.values().forEach(w -> work.add(w.snap()));
        work.sort(Comparator.comparing(StatisticsSnapshot.WorkSnap::assignmentId));
        List<StatisticsSnapshot.OfferSnap> offers = new ArrayList<>(f.offers.values());
        offers.sort(Comparator.comparing(StatisticsSnapshot.OfferSnap::offerId));
        List<StatisticsSnapshot.ContactSnap> contacts = new ArrayList<>();
        f.contacts.values().forEach(c -> contacts.add(c.snap()));
        contacts.sort(Comparator.comparing(StatisticsSnapshot.ContactSnap::interactionId));
        return new StatisticsSnapshot(
                StatisticsSnapshot.VERSION,
                f.seq,
                f.at,
                f.config,
                f.date,
                queues,
                channels,
                f.date == null ? null : f.centre.snap(),
                f.centreToday.record(),
                lines,
                advisors,
                work,
                offers,
                contacts,
                f.firstContact.snap(),
                f.channelShift.snap(),
                f.outcomes.records(),
                new ArrayList<>(f.closedDays));
    }

    static void restore(StatisticsFold f, StatisticsSnapshot s) {
        f.seq = s.seq();
        f.at = s.at();
        f.config = s.config();
        for (QueueConfig qc : s.config().queues()) {
            f.lines.put(qc.id(), new QueueLine(qc, qc.openAtStart()));
        }
        for (StatisticsSnapshot.LineSnap ls : s.lines()) {
            QueueLine line = f.lines.get(ls.queue());
            if (line != null) {
                line.restore(ls);
            }
        }
        if (s.date() != null) {
            f.date = s.date();
            Days days = f.days();
            f.dayStart = days.start(s.date());
            f.dayEnd = days.end(s.date());
            int n = days.intervals(s.date());
            for (StatisticsSnapshot.ScopeSnap q : s.queues()) {
                f.queueScopes.put(q.name(), restored(q, f, n));
            }
            for (StatisticsSnapshot.ScopeSnap c : s.channels()) {
                f.channelScopes.put(c.name(), restored(c, f, n));
            }
            f.centre.newDay(f.dayStart, f.dayEnd, n, f.at);
            f.centre.restore(s.centre());
        }
        f.centreToday = StatisticsFold.CentreTally.of(s.centreToday());
        for (StatisticsSnapshot.AdvisorSnap as : s.advisors()) {
            Advisor a = Advisor.restore(as);
            a.scopes = List.copyOf(f.scopesOf(a)); // counted already in the scopes' own snapshots
            f.advisors.put(a.id, a);
        }
        s.work().forEach(w -> f.work.put(w.assignmentId(), Work.restore(w)));
        s.offers().forEach(o -> f.offers.put(o.offerId(), o));
        s.contacts().forEach(c -> f.contacts.put(c.interactionId(), Contact.restore(c)));
        f.firstContact.restore(s.lastContacts());
        f.channelShift.restore(s.pendingOffers());
        f.outcomes.restore(s.outcomeDays());
        f.closedDays.addAll(s.closedDays());
    }

    private static Scope restored(StatisticsSnapshot.ScopeSnap snap, StatisticsFold f, int intervals) {
        Scope scope = new Scope(snap.name());
        scope.newDay(f.dayStart, f.dayEnd, intervals, f.at);
        scope.restore(snap);
        return scope;
    }
}
