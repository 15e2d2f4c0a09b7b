package io.firstcontact.channels.voice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asterisk's configuration format as far as the sample files use it: {@code [section]} (or {@code [name](template)})
 * headers, {@code key = value} and {@code key => value} lines, {@code ;} comments. The dialplan's lines are read as
 * Asterisk reads them ({@code exten => name,priority(label),App(data)}, {@code same => n,…}) and its extension patterns
 * match as Asterisk's do ({@code _}, {@code X}, {@code Z}, {@code N}, {@code [...]}, {@code .}, {@code !}).
 */
public record AsteriskConfigFile(Map<String, List<Entry>> sections) {
    /** One {@code key = value} line of a section. */
    public record Entry(String key, String value, int line) {}

    /** One dialplan step: extension, priority, the application and its data. */
    public record Step(String exten, int priority, String label, String app, String data, int line) {}

    public static AsteriskConfigFile read(Path file) throws IOException {
        Map<String, List<Entry>> sections = new LinkedHashMap<>();
        List<Entry> current = null;
        int n = 0;
        for (String raw : Files.readAllLines(file)) {
            n++;
            String line = withoutComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException(file + ":" + n + ": a section header without ']'");
                }
                current = sections.computeIfAbsent(line.substring(1, close), k -> new ArrayList<>());
                continue;
            }
            int arrow = line.indexOf("=>");
            int equals = line.indexOf('=');
            int at = arrow >= 0 && arrow <= equals ? arrow : equals;
            if (at < 0 || current == null) {
                throw new IllegalArgumentException(file + ":" + n + ": neither a section nor 'key = value': " + raw);
            }
            String value = line.substring(at + (at == arrow ? 2 : 1)).strip();
            current.add(new Entry(line.substring(0, at).strip(), value, n));
        }
        return new AsteriskConfigFile(sections);
    }

    /** Asterisk's comment: from an unescaped ';' to the end of the line. */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ';' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    public List<Entry> section(String name) {
        List<Entry> s = sections.get(name);
        if (s == null) {
            throw new AssertionError("no [" + name + "] section");
        }
        return s;
    }

    /** The value of {@code key} in {@code section}, or empty. */
    public Optional<String> value(String section, String key) {
        return section(section).stream()
                .filter(e -> e.key().equals(key))
                .map(Entry::value)
                .findFirst();
    }

    /** A comma-separated value ({@code read = system,call}) as its items; empty when the key is absent. */
    public Set<String> items(String section, String key) {
        return value(section, key)
                .map(v -> new TreeSet<>(
                        Arrays.stream(v.split(",")).map(String::strip).toList()))
                .orElseGet(TreeSet::new);
    }

    /** The dialplan steps of a context, in the order Asterisk numbers them ({@code n} is the previous priority + 1). */
    public List<Step> steps(String context) {
        List<Step> steps = new ArrayList<>();
        String exten = null;
        int priority = 0;
        for (Entry e : section(context)) {
            if (!e.key().equals("exten") && !e.key().equals("same")) {
                continue;
            }
            String rest = e.value();
            if (e.key().equals("exten")) {
                int comma = rest.indexOf(',');
                exten = rest.substring(0, comma).strip();
                rest = rest.substring(comma + 1);
            } else if (exten == null) {
                throw new AssertionError(context + ":" + e.line() + ": 'same' before any 'exten'");
            }
            int comma = rest.indexOf(',');
            String p = rest.substring(0, comma).strip();
            String label = null;
            if (p.contains("(")) {
                label = p.substring(p.indexOf('(') + 1, p.lastIndexOf(')'));
                p = p.substring(0, p.indexOf('('));
            }
            priority = p.equals("n") ? priority + 1 : Integer.parseInt(p);
            String call = rest.substring(comma + 1).strip();
            int open = call.indexOf('(');
            if (open < 0 || !call.endsWith(")")) {
                throw new AssertionError(context + ":" + e.line() + ": not App(data): " + call);
            }
            steps.add(new Step(
                    exten,
                    priority,
                    label,
                    call.substring(0, open),
                    call.substring(open + 1, call.length() - 1),
                    e.line()));
        }
        return steps;
    }

    /**
     * Where Asterisk sends a channel sent to {@code context,exten,priority}: the step of the extension of that name, else
     * of the first pattern that matches it; empty when there is none (Asterisk then hangs up, or goes to {@code i}).
     */
    public Optional<Step> find(String context, String exten, int priority) {
        List<Step> steps = steps(context);
        Optional<Step> exact = steps.stream()
                .filter(s -> s.exten().equals(exten) && s.priority() == priority)
                .findFirst();
        return exact.isPresent() || steps.stream().anyMatch(s -> s.exten().equals(exten))
                ? exact
                : steps.stream()
                        .filter(s -> s.exten().startsWith("_") && matches(s.exten(), exten) && s.priority() == priority)
                        .findFirst();
    }

    /** Asterisk's extension pattern match ({@code pattern} starts with '_'). */
    public static boolean matches(String pattern, String exten) {
        return matches(pattern, 1, exten, 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        if (pi == p.length()) {
            return si == s.length();
        }
        char c = Character.toUpperCase(p.charAt(pi));
        if (c == '.' || c == '!') {
            int least = c == '.' ? 1 : 0;
            return s.length() - si >= least;
        }
        if (si == s.length()) {
            return false;
        }
        char x = s.charAt(si);
        return switch (c) {
            case 'X' -> x >= '0' && x <= '9' && matches(p, pi + 1, s, si + 1);
            case 'Z' -> x >= '1' && x <= '9' && matches(p, pi + 1, s, si + 1);
            case 'N' -> x >= '2' && x <= '9' && matches(p, pi + 1, s, si + 1);
            case '[' -> {
                int close = p.indexOf(']', pi);
                yield inSet(p.substring(pi + 1, close), x) && matches(p, close + 1, s, si + 1);
            }
            default -> p.charAt(pi) == x && matches(p, pi + 1, s, si + 1);
        };
    }

    private static boolean inSet(String set, char x) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (x >= set.charAt(i) && x <= set.charAt(i + 2)) {
                    return true;
                }
                i += 2;
            } else if (set.charAt(i) == x) {
                return true;
            }
        }
        return false;
    }
}
