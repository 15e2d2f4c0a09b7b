package io.firstcontact.ivr.engine;

import io.firstcontact.ivr.flow.Prompt;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/** Values and prompts in words, as a chat shows them and a receipt writes them (British English). */
public final class Wording {
    private static final Locale UK = Locale.UK;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", UK);

    private Wording() {}

    /** £65.00 */
    public static String money(long pence) {
        return String.format(UK, "£%d.%02d", pence / 100, pence % 100);
    }

    /** 6 December 2026 */
    public static String date(java.time.LocalDate day) {
        return DATE.format(day);
    }

    public static String value(Value v) {
        return switch (v) {
            case Value.Money m -> money(m.pence());
            case Value.Day d ->
                d.weekday() ? d.at().getDayOfWeek().getDisplayName(TextStyle.FULL, UK) : DAY.format(d.at());
            case Value.Time t -> time(t);
            case Value.Spelled s -> s.characters();
            case Value.Count c -> Long.toString(c.count());
            case Value.Said s -> chat(new Line(s.prompt(), java.util.Map.of()));
        };
    }

    /** One line as a chat shows it. */
    public static String chat(Line line) {
        return text(line, line.prompt().chatParts());
    }

    /** One line with its spoken words, as a transcript of a call would read. */
    public static String spoken(Line line) {
        return text(line, line.prompt().parts());
    }

    /** Lines as a chat shows them, one after the other. */
    public static String chat(List<Line> lines) {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(chat(l));
        }
        return b.toString();
    }

    private static String text(Line line, List<Prompt.Part> parts) {
        StringBuilder b = new StringBuilder();
        for (Prompt.Part p : parts) {
            switch (p) {
                case Prompt.Part.Words w -> b.append(w.text());
                case Prompt.Part.Slot s -> {
                    Value v = line.values().get(s.name());
                    if (v != null) {
                        b.append(value(v));
                    }
                }
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static String time(Value.Time t) {
        int h = t.at().getHour();
        int m = t.at().getMinute();
        String half = h < 12 ? "am" : "pm";
        int h12 = h % 12 == 0 ? 12 : h % 12;
        return m == 0 ? h12 + half : String.format(UK, "%d:%02d%s", h12, m, half);
    }
}
