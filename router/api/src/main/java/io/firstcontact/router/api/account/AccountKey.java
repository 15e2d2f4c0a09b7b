package io.firstcontact.router.api.account;

import java.util.Locale;
import java.util.Objects;

/**
 * Something that identifies a customer at the edge, in canonical form: two keys are equal exactly when they name the
 * same thing, whatever way it was written ({@code 020 8736 6711} and {@code +442087366711}; {@code A.N.Other@Example.org}
 * and {@code a.n.other@example.org}). The constructor normalises and validates; use the factories.
 *
 * <p>A key's value is personal data: {@link #toString()} masks it, so a key in a log line names only its kind.
 *
 * @param kind what the value is
 * @param value the canonical value
 */
public record AccountKey(Kind kind, String value) {

    /** What identifies the customer. */
    public enum Kind {
        /** The caller's telephone number, E.164 ({@link E164}). */
        CALLER_NUMBER("phone"),
        /** An email address, lower case. */
        EMAIL("email"),
        /** A penalty charge notice's reference, upper case letters and digits. */
        PCN("pcn"),
        /** A council-tax account reference, upper case letters and digits. */
        COUNCIL_TAX("ctax"),
        /**
         * A property's UPRN. A property may house several customers (a shared house) and a customer may move: a UPRN
         * resolves to the property's primary account (its council-tax payer), never to "the" person.
         */
        UPRN("uprn"),
        /** The back office's own opaque customer reference. */
        CUSTOMER_REF("customer");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The short name used in {@link #canonical()} and in the back office's wire format. */
        public String prefix() {
            return prefix;
        }

        /** The kind whose {@link #prefix()} is {@code prefix}. */
        public static Kind ofPrefix(String prefix) {
            for (Kind k : values()) {
                if (k.prefix.equals(prefix)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown account key kind " + prefix);
        }
    }

    /** The longest email address accepted (RFC 5321's path limit). */
    public static final int MAX_EMAIL_LENGTH = 254;

    public AccountKey {
        Objects.requireNonNull(kind, "account key kind");
        value = switch (kind) {
            case CALLER_NUMBER -> E164.normalise(value);
            case EMAIL -> normaliseEmail(value);
            case PCN -> Fields.reference(value, "a PCN reference", 6, 20);
            case COUNCIL_TAX -> Fields.reference(value, "a council-tax reference", 6, 20);
            case UPRN -> Fields.uprn(value);
            case CUSTOMER_REF -> Fields.id(value, "a customerRef");
        };
    }

    public static AccountKey callerNumber(String number) {
        return new AccountKey(Kind.CALLER_NUMBER, number);
    }

    public static AccountKey email(String address) {
        return new AccountKey(Kind.EMAIL, address);
    }

    public static AccountKey pcn(String reference) {
        return new AccountKey(Kind.PCN, reference);
    }

    public static AccountKey councilTax(String reference) {
        return new AccountKey(Kind.COUNCIL_TAX, reference);
    }

    public static AccountKey uprn(String uprn) {
        return new AccountKey(Kind.UPRN, uprn);
    }

    public static AccountKey customerRef(String customerRef) {
        return new AccountKey(Kind.CUSTOMER_REF, customerRef);
    }

    /** {@code phone:+442087366711}: one string per key, for cache keys and the back office's query. */
    public String canonical() {
        return kind.prefix + ":" + value;
    }

    /** The key that {@link #canonical()} wrote. */
    public static AccountKey parse(String canonical) {
        int colon = canonical == null ? -1 : canonical.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("an account key reads kind:value");
        }
        return new AccountKey(Kind.ofPrefix(canonical.substring(0, colon)), canonical.substring(colon + 1));
    }

    /** The kind and a masked value ({@code phone:+44*******711}): safe in a log line. */
    @Override
    public String toString() {
        int keep = Math.min(3, value.length() / 4);
        return kind.prefix + ":" + value.substring(0, keep) + "*".repeat(value.length() - 2 * keep)
                + value.substring(value.length() - keep);
    }

    private static String normaliseEmail(String value) {
        if (value == null) {
            throw new IllegalArgumentException("an email address is required");
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        int at = v.indexOf('@');
        if (v.length() > MAX_EMAIL_LENGTH
                || at < 1
                || at != v.lastIndexOf('@')
                || at == v.length() - 1
                || v.indexOf('.', at) < 0
                || !v.chars().allMatch(c -> c > ' ' && c <= '~')) {
            throw new IllegalArgumentException("not an email address");
        }
        return v;
    }
}
