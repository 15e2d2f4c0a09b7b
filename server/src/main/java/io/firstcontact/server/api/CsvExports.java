package io.firstcontact.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.firstcontact.metrics.statistics.ContactRecord;
import io.firstcontact.metrics.statistics.Counts;
import io.firstcontact.metrics.statistics.IntervalFigures;
import io.firstcontact.metrics.statistics.Period;
import io.firstcontact.router.api.model.CardNumberTripwire;
import io.firstcontact.router.wire.PublicJson;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics' CSV exports (Jackson's CSV writer: quoting is its job), for the API and the supervisor view alike.
 * Every text cell that a spreadsheet would take for a formula ({@code = + - @}, tab, carriage return first) is prefixed
 * with an apostrophe, so an exported id can never run in the supervisor's spreadsheet. The rows hold ids, codes, times
 * and figures, never a customer's name, number, address or words; and a text cell that looks like a card number
 * (which the edges already refuse to take in) is withheld rather than written.
 */
final class CsvExports {
    static final String CONTENT_TYPE = "text/csv; charset=utf-8";
    private static final CsvMapper CSV = new CsvMapper();

    private CsvExports() {}

    /** One interval of one queue, channel or the centre. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "date",
        "localStart",
        "start",
        "scope",
        "name",
        "channel",
        "offered",
        "answered",
        "answeredWithinThreshold",
        "abandoned",
        "abandonedShort",
        "abandonedWhileAlerting",
        "endedOtherwise",
        "serviceLevel",
        "asaSeconds",
        "handled",
        "ahtSeconds",
        "talkSeconds",
        "holdSeconds",
        "wrapUpSeconds",
        "occupancy",
        "holds",
        "consults",
        "consultTransfers",
        "connectionsLost",
        "connectionsRestored"
    })
    record IntervalRow(
            String date,
            String localStart,
            String start,
            String scope,
            String name,
            String channel,
            long offered,
            long answered,
            long answeredWithinThreshold,
            long abandoned,
            long abandonedShort,
            long abandonedWhileAlerting,
            long endedOtherwise,
            Double serviceLevel,
            Double asaSeconds,
            long handled,
            Double ahtSeconds,
            double talkSeconds,
            double holdSeconds,
            double wrapUpSeconds,
            Double occupancy,
            long holds,
            long consults,
            long consultTransfers,
            long connectionsLost,
            long connectionsRestored) {}

    /** One contact. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "interactionId",
        "channel",
        "direction",
        "arrivedAt",
        "endedAt",
        "endReason",
        "firstQueue",
        "lastQueue",
        "visits",
        "answered",
        "waitSeconds",
        "agentId",
        "talkSeconds",
        "holdSeconds",
        "wrapUpSeconds",
        "wrapUpCodes",
        "selfService",
        "crossSell",
        "repeat"
    })
    record ContactRow(
            String interactionId,
            String channel,
            String direction,
            String arrivedAt,
            String endedAt,
            String endReason,
            String firstQueue,
            String lastQueue,
            int visits,
            boolean answered,
            double waitSeconds,
            String agentId,
            double talkSeconds,
            double holdSeconds,
            double wrapUpSeconds,
            String wrapUpCodes,
            String selfService,
            String crossSell,
            boolean repeat) {}

    static byte[] intervals(List<IntervalFigures> intervals) {
        List<IntervalRow> rows = new ArrayList<>(intervals.size());
        for (IntervalFigures i : intervals) {
            Period p = i.period();
            Counts c = p.counts();
            rows.add(new IntervalRow(
                    i.date().toString(),
                    i.localStart(),
                    PublicJson.time(i.startAt()),
                    i.scope(),
                    cell(i.name()),
                    cell(i.channel()),
                    c.offered(),
                    c.answered(),
                    c.answeredWithinThreshold(),
                    c.abandoned(),
                    c.abandonedShort(),
                    c.abandonedWhileAlerting(),
                    c.endedOtherwise(),
                    p.serviceLevel(),
                    p.asaSeconds(),
                    c.handled(),
                    p.ahtSeconds(),
                    c.talkMillis() / 1000.0,
                    c.holdMillis() / 1000.0,
                    c.wrapUpMillis() / 1000.0,
                    p.occupancy(),
                    c.holds(),
                    c.consults(),
                    c.consultTransfers(),
                    c.connectionsLost(),
                    c.connectionsRestored()));
        }
        return write(IntervalRow.class, rows);
    }

    static byte[] contacts(List<ContactRecord> contacts) {
        List<ContactRow> rows = new ArrayList<>(contacts.size());
        for (ContactRecord c : contacts) {
            rows.add(new ContactRow(
                    cell(c.interactionId()),
                    cell(c.channel()),
                    c.direction().name(),
                    PublicJson.time(c.arrivedAt()),
                    c.endedAt() == null ? null : PublicJson.time(c.endedAt()),
                    c.endReason() == null ? null : c.endReason().name(),
                    cell(c.firstQueue()),
                    cell(c.lastQueue()),
                    c.visits(),
                    c.answered(),
                    c.waitMillis() / 1000.0,
                    cell(c.agentId()),
                    c.talkMillis() / 1000.0,
                    c.holdMillis() / 1000.0,
                    c.wrapUpMillis() / 1000.0,
                    cell(String.join(" ", c.wrapUpCodes())),
                    cell(String.join(" ", c.selfService())),
                    cell(String.join(" ", c.crossSell())),
                    c.repeat()));
        }
        return write(ContactRow.class, rows);
    }

    private static <T> byte[] write(Class<T> type, List<T> rows) {
        CsvSchema schema = CSV.schemaFor(type).withHeader();
        try {
            return CSV.writer(schema).writeValueAsBytes(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CSV export", e);
        }
    }

    static final String WITHHELD = "(withheld: looks like a card number)";

    /** A text cell a spreadsheet will not take for a formula, and that never carries a card number. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (CardNumberTripwire.containsCardNumber(text)) {
            return WITHHELD;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
