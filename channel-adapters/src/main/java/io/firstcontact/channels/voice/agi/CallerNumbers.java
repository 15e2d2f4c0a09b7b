package io.firstcontact.channels.voice.agi;

/**
 * A caller's number as Asterisk gives it ({@code agi_callerid}), made usable: digits with an optional leading {@code +},
 * or nothing for the withheld and unknown ones ({@code anonymous}, {@code unknown}, {@code <unknown>}).
 */
final class CallerNumbers {
    static final int MIN_DIGITS = 3;
    static final int MAX_DIGITS = 20;

    private CallerNumbers() {}

    /** The normalised number, or null when there is none to call back or text. */
    static String normalise(String callerId) {
        if (callerId == null) {
            return null;
        }
        String s = callerId.strip();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            } else if (c == '+' && b.isEmpty()) {
                b.append(c);
            } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
                return null; // "anonymous", "unknown", a SIP user name: no number
            }
        }
        int digits = b.length() - (b.indexOf("+") == 0 ? 1 : 0);
        return digits < MIN_DIGITS || digits > MAX_DIGITS ? null : b.toString();
    }

    /** A number the caller keyed (callback): 6–15 digits. */
    static boolean keyedNumberValid(String digits) {
        return digits != null && digits.matches("[0-9]{6,15}");
    }
}
