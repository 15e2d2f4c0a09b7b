package io.firstcontact.router.api.account;

import io.firstcontact.router.api.model.CardNumberTripwire;
import java.util.List;

/** The checks every text from the back office or an advisor passes before it becomes part of a record. */
final class Fields {
    private Fields() {}

    /** {@code value}, stripped, if it is 1–{@code max} characters and holds no card number; else throws. */
    static String text(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return checked(value.strip(), what, max);
    }

    /** Like {@link #text} but a null or blank value is null. */
    static String optionalText(String value, String what, int max) {
        return value == null || value.isBlank() ? null : checked(value.strip(), what, max);
    }

    private static String checked(String value, String what, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        if (CardNumberTripwire.containsCardNumber(value)) {
            // Never echo the value: it may be a real card number.
            throw new IllegalArgumentException(what + " holds what looks like a card number; refused");
        }
        return value;
    }

    /** An immutable copy of {@code list} (null is empty) of at most {@code max} elements, none null. */
    static <T> List<T> list(List<T> list, String what, int max) {
        List<T> copy = list == null ? List.of() : List.copyOf(list);
        if (copy.size() > max) {
            throw new IllegalArgumentException("at most " + max + " " + what + ", got " + copy.size());
        }
        return copy;
    }

    /** {@code value} if it is {@code min}–{@code max} characters of {@code [A-Z0-9]} (after upper-casing); else throws. */
    static String reference(String value, String what, int min, int max) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.length() < min || v.length() > max) {
            throw new IllegalArgumentException(what + " must be " + min + "–" + max + " letters and digits");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException(what + " may hold only letters and digits");
            }
        }
        return v;
    }

    /** A UPRN: 1–12 digits, without leading zeros (the gazetteer's integer). */
    static String uprn(String value) {
        if (value == null || !value.strip().matches("[1-9][0-9]{0,11}")) {
            throw new IllegalArgumentException("a UPRN is 1–12 digits");
        }
        return value.strip();
    }

    /** An id from configuration or the back office (a service type, a channel, an advisor id): see {@code Ids}. */
    static String id(String value, String what) {
        return io.firstcontact.router.api.model.Ids.require(value, what);
    }

    static String optionalId(String value, String what) {
        return io.firstcontact.router.api.model.Ids.optional(value, what);
    }
}
