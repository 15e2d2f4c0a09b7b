package io.firstcontact.router.api.account;

import java.util.List;

/**
 * A postal address as the gazetteer writes it.
 *
 * @param lines 1–5 lines, the first the most specific ({@code Flat 3}, {@code 27 Station Road}, {@code Harrow})
 * @param postcode the postcode, upper case ({@code HA1 2XY})
 */
public record Address(List<String> lines, String postcode) {
    public static final int MAX_LINES = 5;
    public static final int MAX_LINE_LENGTH = 100;

    public Address {
        lines = Fields.list(lines, "address lines", MAX_LINES);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an address has at least one line");
        }
        lines = lines.stream()
                .map(l -> Fields.text(l, "an address line", MAX_LINE_LENGTH))
                .toList();
        postcode = Fields.text(postcode, "a postcode", 10).toUpperCase(java.util.Locale.ROOT);
        if (!postcode.matches("[A-Z0-9 ]+")) {
            throw new IllegalArgumentException("a postcode holds only letters, digits and spaces");
        }
    }

    /** One line for display: the lines and the postcode, comma separated. */
    public String oneLine() {
        return String.join(", ", lines) + ", " + postcode;
    }
}
