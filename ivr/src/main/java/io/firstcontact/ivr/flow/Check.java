package io.firstcontact.ivr.flow;

/**
 * The check-character rule a keyed reference must pass, on top of its format: it catches a mistyped digit before the
 * back office is asked.
 */
public enum Check {
    /** No check character. */
    NONE,
    /** The last digit is the Luhn (mod 10) check digit of the digits before it. */
    LUHN,
    /**
     * The last digit is a mod 11 check digit: the digits before it weighted from their count + 1 down to 2 (left to
     * right), the check is {@code (11 - sum mod 11) mod 11}; a reference whose check would be 10 is never issued.
     */
    MOD11;

    /** Whether {@code digits} (the keyed digits only, not a fixed prefix) pass the rule. */
    public boolean passes(String digits) {
        if (this == NONE) {
            return true;
        }
        if (digits.length() < 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return switch (this) {
            case NONE -> true;
            case LUHN -> io.firstcontact.ivr.payment.Luhn.valid(digits.toCharArray());
            case MOD11 -> {
                int n = digits.length() - 1;
                int sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += (digits.charAt(i) - '0') * (n + 1 - i);
                }
                int check = (11 - sum % 11) % 11;
                yield check < 10 && check == digits.charAt(n) - '0';
            }
        };
    }

    /** The digit that completes {@code body} under this rule (for test data and the demo), or -1 when none does. */
    public int checkDigit(String body) {
        for (int d = 0; d <= 9; d++) {
            if (passes(body + d)) {
                return d;
            }
        }
        return -1;
    }
}
