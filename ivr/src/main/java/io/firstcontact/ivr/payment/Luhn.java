package io.firstcontact.ivr.payment;

/** The Luhn (mod 10) check that every payment card number passes, over digits held in a char array. */
public final class Luhn {
    private Luhn() {}

    /** Whether {@code digits} (only '0'–'9') pass the Luhn check; false for anything else. */
    public static boolean valid(char[] digits) {
        if (digits == null || digits.length == 0) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length - 1; i >= 0; i--) {
            char c = digits[i];
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
