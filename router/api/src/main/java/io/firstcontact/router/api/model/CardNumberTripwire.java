package io.firstcontact.router.api.model;

/**
 * Detects a payment card number in free text so that it cannot enter the core by accident (PCI DSS 3.3.1, 3.4.1).
 *
 * <p>A card number is a Luhn-valid run of 13–19 digits; digits separated by single spaces or hyphens, as people
 * type them, count as one run. Every window of 13–19 digits inside a longer run is checked too.
 */
public final class CardNumberTripwire {
    private static final int MIN_DIGITS = 13;
    private static final int MAX_DIGITS = 19;

    private CardNumberTripwire() {}

    public static boolean containsCardNumber(CharSequence text) {
        int n = text.length();
        int[] run = new int[n];
        int len = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : 'x';
            if (c >= '0' && c <= '9') {
                run[len++] = c - '0';
            } else if ((c == ' ' || c == '-') && len > 0 && i + 1 < n && isDigit(text.charAt(i + 1))) {
                // a single separator between digits keeps the run going
            } else {
                if (len >= MIN_DIGITS && anyLuhnWindow(run, len)) {
                    return true;
                }
                len = 0;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean anyLuhnWindow(int[] digits, int len) {
        for (int size = MIN_DIGITS; size <= Math.min(MAX_DIGITS, len); size++) {
            for (int start = 0; start + size <= len; start++) {
                if (luhn(digits, start, size)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean luhn(int[] digits, int start, int size) {
        int sum = 0;
        boolean dbl = false;
        for (int i = start + size - 1; i >= start; i--) {
            int d = digits[i];
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
