package io.firstcontact.router.api.model;

/**
 * Detects a payment card number in text so that it cannot enter the core by accident (PCI DSS 3.3.1, 3.4.1). The one
 * definition every edge uses: the API checks every text a request carries with it, and so will the voice, chat and
 * email adapters.
 *
 * <p>A card number is a Luhn-valid run of 13–19 digits, written as people write them:
 *
 * <ul>
 *   <li>digits are any Unicode decimal digit ({@code 4}, fullwidth {@code ４}, Arabic-Indic {@code ٤}, mathematical
 *       {@code 𝟒}) or a digit-valued number sign such as a superscript or circled digit;
 *   <li>groups of digits separated by at most {@value #MAX_GAP} separator characters — spaces of any kind, dashes of
 *       any kind, {@code .}, {@code /}, {@code \}, {@code _} and their fullwidth forms — count as one run, so {@code
 *       4111 1111 1111 1111}, {@code 4111-1111-1111-1111}, {@code 4111.1111.1111.1111} and {@code
 *       4111_1111_1111_1111} are all found;
 *   <li>invisible characters (format characters such as a zero-width space, combining marks) are skipped.
 * </ul>
 *
 * <p>Inside a run, each group of 13–19 digits is checked, every 13–19 digit window of a group of more than 19 (a card
 * number glued to other digits), and every sequence of whole groups of at most {@value #MAX_GROUP} digits each holding
 * 13–19 digits in all — the way card numbers are grouped (4-4-4-4, 4-6-5, 4-4-4-4-3), so that one followed by its
 * expiry date and security code is found. Groups are not cut inside, nor joined when one is longer than a card's
 * group, so that a number that merely has many digits, an Asterisk unique id ({@code 1795390394.1042}), two phone
 * numbers or a date beside a number do not trip it by chance.
 */
public final class CardNumberTripwire {
    /** The fewest digits of a card number (ISO/IEC 7812). */
    public static final int MIN_DIGITS = 13;
    /** The most digits of a card number (ISO/IEC 7812). */
    public static final int MAX_DIGITS = 19;
    /** The most separator characters between two groups of one run ({@code " - "} is three and ends a run). */
    static final int MAX_GAP = 2;
    /** The longest group of digits a card number is written in (the middle six of 4-6-5). */
    static final int MAX_GROUP = 6;

    private CardNumberTripwire() {}

    /** Whether {@code text} holds what looks like a payment card number. */
    public static boolean containsCardNumber(CharSequence text) {
        int n = text.length();
        int[] digits = new int[n];
        int[] groupStarts = new int[n + 1];
        int count = 0;
        int groups = 0;
        int gap = 0;
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            int digit = digitValue(cp);
            if (digit >= 0) {
                if (count == 0 || gap > 0) {
                    groupStarts[groups++] = count;
                }
                digits[count++] = digit;
                gap = 0;
            } else if (invisible(cp)) {
                continue;
            } else if (count > 0 && separator(cp) && gap < MAX_GAP) {
                gap++;
            } else {
                if (runHoldsCardNumber(digits, count, groupStarts, groups)) {
                    return true;
                }
                count = 0;
                groups = 0;
                gap = 0;
            }
        }
        return runHoldsCardNumber(digits, count, groupStarts, groups);
    }

    /** The digit's value 0–9, or -1 if {@code cp} is not a digit. */
    static int digitValue(int cp) {
        int type = Character.getType(cp);
        if (type == Character.DECIMAL_DIGIT_NUMBER) {
            return Character.digit(cp, 10);
        }
        if (type == Character.OTHER_NUMBER) {
            int value = Character.getNumericValue(cp); // superscript ⁴, circled ④; -2 for ½, 10 for ⑩
            return value >= 0 && value <= 9 ? value : -1;
        }
        return -1;
    }

    private static boolean separator(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.DASH_PUNCTUATION || type == Character.CONNECTOR_PUNCTUATION) {
            return true; // - ‐ ‑ – — － and _ ＿ ‿
        }
        return switch (cp) {
            case '.', '/', '\\', '\u00B7', '\u2024', '\u2044', '\u2212', '\u2215', '\uFF0E', '\uFF0F', '\uFF3C' -> true;
            default -> false;
        };
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean runHoldsCardNumber(int[] digits, int count, int[] groupStarts, int groups) {
        if (count < MIN_DIGITS) {
            return false;
        }
        for (int g = 0; g < groups; g++) {
            int start = groupStarts[g];
            int size = end(g, groupStarts, groups, count) - start;
            if (size > MAX_DIGITS && anyLuhnWindow(digits, start, start + size)) {
                return true;
            }
            if (size >= MIN_DIGITS && size <= MAX_DIGITS && luhn(digits, start, size)) {
                return true;
            }
            // Whole groups from g on, as a card number is typed, perhaps followed by more groups (expiry, code).
            for (int last = g; last < groups; last++) {
                int to = end(last, groupStarts, groups, count);
                if (to - groupStarts[last] > MAX_GROUP || to - start > MAX_DIGITS) {
                    break;
                }
                if (last > g && to - start >= MIN_DIGITS && luhn(digits, start, to - start)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int end(int group, int[] groupStarts, int groups, int count) {
        return group + 1 < groups ? groupStarts[group + 1] : count;
    }

    private static boolean anyLuhnWindow(int[] digits, int from, int to) {
        for (int size = MIN_DIGITS; size <= Math.min(MAX_DIGITS, to - from); size++) {
            for (int start = from; start + size <= to; start++) {
                if (luhn(digits, start, size)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean luhn(int[] digits, int start, int size) {
        int sum = 0;
        boolean doubled = false;
        for (int i = start + size - 1; i >= start; i--) {
            int d = digits[i];
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
