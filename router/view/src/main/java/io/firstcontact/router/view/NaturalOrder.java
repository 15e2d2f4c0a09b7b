package io.firstcontact.router.view;

import java.util.Comparator;

/**
 * Ids compared with their runs of digits as numbers: {@code o1-9-2} before {@code o1-10-1}. The engine names an offer
 * {@code o<epoch>-<seq>-<n>} (and an assignment after its offer), so among ids of the same kind this is the order they
 * were made in; equal numbers with different zero padding fall back to plain string order, so ids differ ⇔ they
 * compare unequal.
 */
final class NaturalOrder {
    static final Comparator<String> IDS = NaturalOrder::compare;

    private NaturalOrder() {}

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (digit(x) && digit(y)) {
                int startA = i;
                int startB = j;
                while (i < a.length() && digit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && digit(b.charAt(j))) {
                    j++;
                }
                while (startA < i - 1 && a.charAt(startA) == '0') {
                    startA++;
                }
                while (startB < j - 1 && b.charAt(startB) == '0') {
                    startB++;
                }
                int c = Integer.compare(i - startA, j - startB); // more significant digits, larger number
                for (int k = 0; c == 0 && k < i - startA; k++) {
                    c = Character.compare(a.charAt(startA + k), b.charAt(startB + k));
                }
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
