package io.firstcontact.server.api;

import io.firstcontact.desktop.supervisor.ExportFilter;
import io.firstcontact.desktop.supervisor.StatisticsExports;
import io.firstcontact.metrics.statistics.ContactRecord;
import io.firstcontact.metrics.statistics.DayRecord;
import io.firstcontact.metrics.statistics.IntervalFigures;
import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.server.runtime.RoutingRuntime;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The statistics over a range of dates, and their CSV exports: one definition for the statistics API ({@code
 * /api/v1/statistics/intervals}, {@code …/export/…}) and the supervisor view's exports, so that both give the same file
 * for the same dates. Today's and the last closed day's records are read on the engine thread; older ones come from the
 * history store, read off it.
 */
public final class StatisticsExport implements StatisticsExports {
    private final RoutingRuntime runtime;
    private final Statistics statistics;
    private final InstantSource clock;
    private final int historyDays;

    public StatisticsExport(RoutingRuntime runtime, Statistics statistics, InstantSource clock, int historyDays) {
        this.runtime = runtime;
        this.statistics = statistics;
        this.clock = clock;
        this.historyDays = historyDays;
    }

    /** Local dates, inclusive. */
    record Range(LocalDate from, LocalDate to) {
        List<LocalDate> dates() {
            List<LocalDate> out = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(d);
            }
            return out;
        }
    }

    /** A range that is not one: a date that is not a date, {@code from} after {@code to}, longer than the history. */
    static final class InvalidRange extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidRange(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** {@code from} and {@code to} (each today when null), at most the history kept apart. */
    Range range(String fromText, String toText) {
        LocalDate today = statistics.today(clock.millis());
        LocalDate from = date(fromText, "from", today);
        LocalDate to = date(toText, "to", today);
        if (to.isBefore(from)) {
            throw new InvalidRange("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= historyDays) {
            throw new InvalidRange("to", "a range spans at most " + historyDays + " days (the history kept)");
        }
        return new Range(from, to);
    }

    private static LocalDate date(String text, String field, LocalDate otherwise) {
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRange(field, field + " must be a date such as 2026-11-24");
        }
    }

    @Override
    public String unavailableBecause() {
        return null;
    }

    @Override
    public int maxDays() {
        return historyDays;
    }

    @Override
    public CompletionStage<Csv> export(Kind kind, String from, String to, ExportFilter filter) {
        return export(kind, range(from, to), filter);
    }

    /**
     * The export's rows that {@code filter} keeps; fails with {@link ExportFilter.Invalid} before reading anything when
     * it names a queue or channel the routing configuration does not have.
     */
    CompletableFuture<Csv> export(Kind kind, Range range, ExportFilter filter) {
        String name = kind.file() + "-" + range.from() + "-" + range.to() + ".csv";
        return known(filter).thenCompose(known -> switch (kind) {
            case CONTACTS ->
                contacts(range).thenApply(list -> new Csv(name, CsvExports.contacts(keptContacts(list, filter))));
            case INTERVALS ->
                intervals(range, null, null)
                        .thenApply(list -> new Csv(name, CsvExports.intervals(keptIntervals(list, filter))));
        });
    }

    /** Checks the filter's names against the routing configuration of the moment, read on the engine thread. */
    private CompletableFuture<ExportFilter> known(ExportFilter filter) {
        if (filter.keepsEverything()) {
            return CompletableFuture.completedFuture(filter);
        }
        return runtime.query(engine -> {
            RoutingConfig config = engine.config();
            filter.requireKnown(
                    config.queues().stream().map(QueueConfig::id).toList(),
                    config.channels().stream().map(ChannelConfig::id).toList());
            return filter;
        });
    }

    private static List<ContactRecord> keptContacts(List<ContactRecord> contacts, ExportFilter filter) {
        return filter.keepsEverything()
                ? contacts
                : contacts.stream()
                        .filter(c -> filter.keepsContact(c.channel(), c.firstQueue(), c.lastQueue()))
                        .toList();
    }

    private static List<IntervalFigures> keptIntervals(List<IntervalFigures> intervals, ExportFilter filter) {
        return filter.keepsEverything()
                ? intervals
                : intervals.stream()
                        .filter(i -> filter.keepsInterval(i.scope(), i.name(), i.channel()))
                        .toList();
    }

    // ------------------------------------------------------------------ ranges of days

    <T> CompletableFuture<T> read(Function<Statistics, T> query) {
        return runtime.query(engine -> query.apply(statistics));
    }

    static <T> CompletableFuture<T> offTheLoop(Supplier<T> blocking) {
        return CompletableFuture.supplyAsync(blocking, r -> Thread.ofVirtual().start(r));
    }

    /** Each day's record: today's and the last closed ones from memory, the others from the history store. */
    CompletableFuture<List<DayRecord>> records(Range range) {
        long now = clock.millis();
        return read(s -> {
                    Map<LocalDate, DayRecord> held = new TreeMap<>();
                    for (LocalDate d : range.dates()) {
                        s.day(d, now).ifPresent(r -> held.put(d, r));
                    }
                    return held;
                })
                .thenCompose(held -> offTheLoop(() -> {
                    List<DayRecord> out = new ArrayList<>();
                    for (LocalDate d : range.dates()) {
                        DayRecord r = held.get(d);
                        if (r == null) {
                            r = statistics.history().day(d).orElse(null);
                        }
                        if (r != null) {
                            out.add(r);
                        }
                    }
                    return out;
                }));
    }

    CompletableFuture<List<IntervalFigures>> intervals(Range range, String scope, String name) {
        return records(range).thenApply(days -> {
            List<IntervalFigures> out = new ArrayList<>();
            for (DayRecord d : days) {
                for (IntervalFigures i : statistics.intervals(d)) {
                    if ((scope == null || scope.equals(i.scope())) && (name == null || name.equals(i.name()))) {
                        out.add(i);
                    }
                }
            }
            return out;
        });
    }

    CompletableFuture<List<ContactRecord>> contacts(Range range) {
        CompletableFuture<Map<LocalDate, List<ContactRecord>>> live = read(s -> {
            Map<LocalDate, List<ContactRecord>> m = new TreeMap<>();
            for (LocalDate d : range.dates()) {
                m.put(d, s.liveContacts(d));
            }
            return m;
        });
        return live.thenCompose(held -> offTheLoop(() -> {
            List<ContactRecord> out = new ArrayList<>();
            for (LocalDate d : range.dates()) {
                out.addAll(statistics.history().contacts(d));
                out.addAll(held.get(d));
            }
            return out;
        }));
    }
}
