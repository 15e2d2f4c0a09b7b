package io.firstcontact.server.api;

import static io.firstcontact.server.api.Api.roles;
import static io.firstcontact.server.config.ServerConfig.Role.ADMIN;
import static io.firstcontact.server.config.ServerConfig.Role.INTEGRATION;
import static io.firstcontact.server.config.ServerConfig.Role.SUPERVISOR;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.supervisor.ExportFilter;
import io.firstcontact.desktop.supervisor.StatisticsExports;
import io.firstcontact.metrics.statistics.DayFigures;
import io.firstcontact.metrics.statistics.DayRecord;
import io.firstcontact.metrics.statistics.IntervalFigures;
import io.firstcontact.metrics.statistics.OutcomeRecord;
import io.firstcontact.metrics.statistics.QueueFigures;
import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.router.wire.PublicJson;
import io.firstcontact.server.api.StatisticsExport.Range;
import io.firstcontact.server.config.ServerConfig.Role;
import io.vertx.ext.web.RoutingContext;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * {@code /api/v1/statistics}: the contact-centre statistics (docs/statistics.md) for supervisors, administrators and
 * systems — today's figures per queue, channel, advisor and the centre, the alerts that hold, the one service-level
 * definition, intervals and days over a date range, and CSV exports of intervals and contacts. Today's figures are
 * read on the engine thread; past days come from the history in Redis, read off it.
 */
final class StatisticsRoutes {
    private static final Set<Role> READERS = roles(SUPERVISOR, ADMIN, INTEGRATION);

    private final StatisticsExport export;
    private final Statistics statistics;
    private final InstantSource clock;
    private final int historyDays;

    StatisticsRoutes(StatisticsExport export, Statistics statistics, InstantSource clock, int historyDays) {
        this.export = export;
        this.statistics = statistics;
        this.clock = clock;
        this.historyDays = historyDays;
    }

    private <T> CompletableFuture<T> read(Function<Statistics, T> query) {
        return export.read(query);
    }

    void register(Api api) {
        api.get(
                "/api/v1/statistics/definition",
                READERS,
                (ctx, p) -> read(s -> definition(s, now())).thenApply(Api.Reply::ok));
        api.get(
                "/api/v1/statistics/queues",
                READERS,
                (ctx, p) -> read(s -> s.queues(now())).thenApply(StatisticsRoutes::items));
        api.get("/api/v1/statistics/queues/:name", READERS, (ctx, p) -> {
            String queue = ctx.pathParam("name");
            return read(s -> s.queue(queue, now()))
                    .thenApply(q -> Api.Reply.ok(
                            PublicJson.view(q.orElseThrow(() -> ApiProblem.notFound("no queue " + queue)))));
        });
        api.get(
                "/api/v1/statistics/channels",
                READERS,
                (ctx, p) -> read(s -> s.channels(now())).thenApply(StatisticsRoutes::items));
        api.get(
                "/api/v1/statistics/centre",
                READERS,
                (ctx, p) -> read(s -> s.centre(now())).thenApply(c -> Api.Reply.ok(PublicJson.view(c))));
        api.get(
                "/api/v1/statistics/advisors",
                READERS,
                (ctx, p) -> read(s -> s.advisors(now())).thenApply(StatisticsRoutes::items));
        api.get("/api/v1/statistics/advisors/:id", READERS, (ctx, p) -> {
            String id = ctx.pathParam("id");
            return read(s -> s.advisor(id, now()))
                    .thenApply(a -> Api.Reply.ok(
                            PublicJson.view(a.orElseThrow(() -> ApiProblem.notFound("no advisor " + id)))));
        });
        api.get(
                "/api/v1/statistics/alerts",
                READERS,
                (ctx, p) -> read(Statistics::alerts).thenApply(StatisticsRoutes::items));
        api.get("/api/v1/statistics/intervals", READERS, (ctx, p) -> {
            Range range = range(ctx);
            String scope = ctx.request().getParam("scope");
            String name = ctx.request().getParam("name");
            if (scope != null && !List.of("queue", "channel", "centre").contains(scope)) {
                throw ApiProblem.invalid("scope", "scope must be queue, channel or centre");
            }
            return intervals(range, scope, name).thenApply(StatisticsRoutes::items);
        });
        api.get("/api/v1/statistics/days", READERS, (ctx, p) -> {
            Range range = range(ctx);
            return days(range).thenApply(StatisticsRoutes::items);
        });
        for (StatisticsExports.Kind kind : StatisticsExports.Kind.values()) {
            api.get(
                    "/api/v1/statistics/export/" + kind.file() + ".csv",
                    READERS,
                    (ctx, p) -> export.export(kind, range(ctx), filter(ctx))
                            .exceptionallyCompose(StatisticsRoutes::unknownNamesRefused)
                            .thenApply(
                                    csv -> Api.Reply.download(CsvExports.CONTENT_TYPE, csv.fileName(), csv.bytes())));
        }
    }

    private long now() {
        return clock.millis();
    }

    // ------------------------------------------------------------------ date ranges

    /** {@code from} and {@code to} (default: today), at most the history kept apart. */
    private Range range(RoutingContext ctx) {
        try {
            return export.range(ctx.request().getParam("from"), ctx.request().getParam("to"));
        } catch (StatisticsExport.InvalidRange e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
    }

    /** The export's {@code queue} and {@code channel} filter (each repeatable, or names separated by commas). */
    private static ExportFilter filter(RoutingContext ctx) {
        try {
            return ExportFilter.of(ctx.queryParam("queue"), ctx.queryParam("channel"));
        } catch (ExportFilter.Invalid e) {
            throw ApiProblem.invalid(e.field(), e.getMessage());
        }
    }

    /** A queue or channel the configuration does not have, found on the engine thread: 422 naming it. */
    private static <T> CompletableFuture<T> unknownNamesRefused(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return CompletableFuture.failedFuture(
                cause instanceof ExportFilter.Invalid e ? ApiProblem.invalid(e.field(), e.getMessage()) : failure);
    }

    private CompletableFuture<List<IntervalFigures>> intervals(Range range, String scope, String name) {
        return export.intervals(range, scope, name);
    }

    private CompletableFuture<List<DayFigures>> days(Range range) {
        long now = now();
        CompletableFuture<Map<LocalDate, OutcomeRecord>> open = read(s -> {
            Map<LocalDate, OutcomeRecord> m = new TreeMap<>();
            s.openOutcomes().forEach(o -> m.put(o.date(), o));
            return m;
        });
        return export.records(range)
                .thenCombine(open, (days, outcomes) -> Map.entry(days, outcomes))
                .thenCompose(both -> StatisticsExport.offTheLoop(() -> {
                    List<DayFigures> out = new ArrayList<>();
                    for (DayRecord d : both.getKey()) {
                        OutcomeRecord o = both.getValue().get(d.date());
                        if (o == null) {
                            o = statistics.history().outcomes(d.date()).orElse(null);
                        }
                        out.add(statistics.dayFigures(d, o, now));
                    }
                    return out;
                }));
    }

    // ------------------------------------------------------------------ JSON

    private static Api.Reply items(List<? extends Record> list) {
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        ArrayNode items = body.putArray("items");
        list.forEach(r -> items.add(PublicJson.view(r)));
        return Api.Reply.ok(body);
    }

    private ObjectNode definition(Statistics s, long now) {
        var o = s.options();
        var sl = o.serviceLevel();
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("zone", o.zone().getId());
        ObjectNode level = body.putObject("serviceLevel");
        level.put("abandons", sl.abandons().name());
        level.put(
                "formula",
                switch (sl.abandons()) {
                    case ABANDONS_IGNORED -> "answered within T / answered";
                    case ABANDONS_COUNTED_AGAINST -> "answered within T / (answered + abandoned)";
                    case SHORT_ABANDONS_EXCLUDED -> "answered within T / (answered + abandoned - short abandons)";
                });
        level.put("shortAbandonSeconds", sl.shortAbandon().toMillis() / 1000.0);
        level.put("target", sl.target());
        ArrayNode queues = body.putArray("queues");
        for (QueueFigures q : s.queues(now)) {
            queues.addObject()
                    .put("queue", q.queue())
                    .put("channel", q.channel())
                    .put("thresholdSeconds", q.thresholdSeconds())
                    .put("target", sl.target(q.queue()))
                    .put("longestWaitAlertSeconds", q.longestWaitAlertSeconds());
        }
        body.put("firstContactWindowDays", o.firstContactWindow().toMillis() / 86_400_000.0);
        body.put("channelShiftWindowDays", o.channelShiftWindow().toMillis() / 86_400_000.0);
        ObjectNode alerts = body.putObject("alerts");
        ObjectNode notReady = alerts.putObject("notReadySeconds");
        new TreeMap<>(o.alerts().notReady()).forEach((r, d) -> notReady.put(r, d.toMillis() / 1000.0));
        alerts.put("serviceLevelMinimum", o.alerts().serviceLevelMinimum());
        alerts.put("noAdvisorLoggedIn", o.alerts().noAdvisorLoggedIn());
        body.put("historyDays", historyDays);
        return body;
    }
}
