package io.firstcontact.router.api.account;

/**
 * Telephone numbers in E.164 form ({@code +442087366711}), as the account directory keys them, from what callers,
 * Asterisk and back offices write ({@code 020 8736 6711}, {@code +44 (0)20 8736 6711}, {@code 00442087366711},
 * {@code 442087366711}). National numbers (a single leading 0) are read as UK numbers: the centre is a UK council's.
 */
public final class E164 {
    /** The country code of national numbers. */
    public static final String DEFAULT_COUNTRY_CODE = "44";

    private static final int MIN_DIGITS = 8;
    private static final int MAX_DIGITS = 15;

    private E164() {}

    /**
     * The number in E.164 form.
     *
     * @throws IllegalArgumentException if {@code raw} is not a telephone number (withheld callers arrive as
     *     {@code anonymous} or empty); the message never echoes the number
     */
    public static String normalise(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a telephone number is required");
        }
        String s = raw.strip().replace("(0)", "");
        StringBuilder digits = new StringBuilder(s.length());
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                throw new IllegalArgumentException(
                        "a telephone number holds only digits, spaces, - . ( ) and a leading +");
            }
        }
        String d = digits.toString();
        String international;
        if (plus) {
            international = d;
        } else if (d.startsWith("00")) {
            international = d.substring(2);
        } else if (d.startsWith("0")) {
            international = DEFAULT_COUNTRY_CODE + d.substring(1);
        } else if (d.startsWith(DEFAULT_COUNTRY_CODE) && d.length() == 12) {
            international = d; // Asterisk often passes the caller id of a UK number without its +
        } else {
            throw new IllegalArgumentException("a national number starts with 0, an international one with + or 00");
        }
        if (international.length() < MIN_DIGITS
                || international.length() > MAX_DIGITS
                || international.charAt(0) == '0') {
            throw new IllegalArgumentException("an E.164 number has " + MIN_DIGITS + "–" + MAX_DIGITS + " digits");
        }
        return "+" + international;
    }

    /** Whether {@code number} is already in E.164 form. */
    public static boolean isNormal(String number) {
        return number != null && number.matches("\\+[1-9][0-9]{" + (MIN_DIGITS - 1) + "," + (MAX_DIGITS - 1) + "}");
    }
}
