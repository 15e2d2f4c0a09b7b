package io.firstcontact.router.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of an interaction, size-limited so that state stays bounded: at most {@value #MAX_ENTRIES} entries,
 * at most {@value #MAX_TOTAL_CHARS} characters in all, names unique, and no value holding a card number.
 *
 * @param entries in the order given
 */
public record Attributes(List<Attribute> entries) {
    public static final int MAX_ENTRIES = 32;
    public static final int MAX_TOTAL_CHARS = 4096;
    public static final int MAX_VALUE_LENGTH = 1024;
    public static final Attributes NONE = new Attributes(List.of());

    public Attributes {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " attributes");
        }
        int total = 0;
        List<String> seen = new ArrayList<>(entries.size());
        for (Attribute a : entries) {
            total += a.name().length() + a.value().length();
            if (seen.contains(a.name())) {
                throw new IllegalArgumentException("an attribute name is given twice");
            }
            seen.add(a.name());
        }
        if (total > MAX_TOTAL_CHARS) {
            throw new IllegalArgumentException("attributes exceed " + MAX_TOTAL_CHARS + " characters");
        }
    }

    public static Attributes of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        List<Attribute> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new Attribute(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Attributes(list);
    }

    /** The value of {@code name}, or {@code null}. */
    public String get(String name) {
        for (Attribute a : entries) {
            if (a.name().equals(name)) {
                return a.value();
            }
        }
        return null;
    }
}
