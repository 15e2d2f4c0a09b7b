package io.firstcontact.ivr.payment;

import java.util.Optional;

/**
 * The card schemes the automated line takes, told from the card number's leading digits (its issuer identification
 * number) and length. Only the brand and the last four digits are ever kept (PCI DSS 3.4.1).
 */
public enum CardBrand {
    VISA(3),
    MASTERCARD(3),
    AMEX(4),
    MAESTRO(3);

    private final int securityCodeDigits;

    CardBrand(int securityCodeDigits) {
        this.securityCodeDigits = securityCodeDigits;
    }

    /** How many digits the card's security code has (four on the front of an American Express card). */
    public int securityCodeDigits() {
        return securityCodeDigits;
    }

    /** The brand of {@code number} (digits only), or empty when no scheme taken here issues such numbers. */
    public static Optional<CardBrand> of(char[] number) {
        int n = number.length;
        if (n < 12 || n > 19) {
            return Optional.empty();
        }
        int two = lead(number, 2);
        int four = lead(number, 4);
        int six = lead(number, 6);
        if (number[0] == '4' && (n == 13 || n == 16 || n == 19)) {
            return Optional.of(VISA);
        }
        if (n == 16 && ((two >= 51 && two <= 55) || (six >= 222100 && six <= 272099))) {
            return Optional.of(MASTERCARD);
        }
        if (n == 15 && (two == 34 || two == 37)) {
            return Optional.of(AMEX);
        }
        if (four == 5018
                || four == 5020
                || four == 5038
                || four == 6304
                || four == 6759
                || four == 6761
                || four == 6763) {
            return Optional.of(MAESTRO);
        }
        return Optional.empty();
    }

    private static int lead(char[] digits, int count) {
        int v = 0;
        for (int i = 0; i < count; i++) {
            v = v * 10 + (digits[i] - '0');
        }
        return v;
    }
}
