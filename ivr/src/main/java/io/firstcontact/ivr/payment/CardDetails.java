package io.firstcontact.ivr.payment;

import java.util.Arrays;

/**
 * A card as the caller keyed it: number, expiry and security code, in char arrays that {@link #clear()} overwrites.
 * They exist only in the payment step's memory, from the keypad (or the chat's masked field) to the gateway, and are
 * cleared as soon as the gateway has answered or the payment is abandoned.
 *
 * <p>Why char arrays: a {@link String} cannot be overwritten and lives until the garbage collector reclaims it, so the
 * copies this class owns are arrays that are zeroed after use. The limit, stated honestly: the digits pass through
 * other hands on the way in — Asterisk-Java's AGI reader and reply, and the chat's JSON parser, build {@code String}s
 * that this class cannot clear; they are dropped at once and reclaimed by the collector, never logged, journaled or
 * kept. A heap dump taken during a payment could still find them; the JVM should run without heap dumps on error
 * written to shared disks.
 *
 * <p>{@link #toString()} never shows a digit.
 */
public final class CardDetails implements AutoCloseable {
    private final char[] number;
    private final char[] expiry;
    private final char[] securityCode;
    private final CardBrand brand;
    private final String lastFour;
    private boolean cleared;

    /**
     * Takes ownership of the arrays (the caller must not keep them).
     *
     * @param number 12–19 digits, Luhn-valid, of a brand taken here
     * @param expiry MMYY
     * @param securityCode the brand's number of digits
     */
    public CardDetails(char[] number, char[] expiry, char[] securityCode) {
        this.number = number;
        this.expiry = expiry;
        this.securityCode = securityCode;
        if (!Luhn.valid(number)) {
            clear();
            throw new IllegalArgumentException("not a card number");
        }
        this.brand = CardBrand.of(number).orElse(null);
        if (brand == null || expiry.length != 4 || securityCode.length != brand.securityCodeDigits()) {
            clear();
            throw new IllegalArgumentException("card details incomplete");
        }
        this.lastFour = new String(number, number.length - 4, 4);
    }

    public CardBrand brand() {
        return brand;
    }

    /** The last four digits: the only part of the number that may be kept, shown or read back. */
    public String lastFour() {
        return lastFour;
    }

    /** The number's digits, for the gateway's connector to send; valid until {@link #clear()}. */
    public char[] number() {
        requireLive();
        return number;
    }

    /** MMYY; valid until {@link #clear()}. */
    public char[] expiry() {
        requireLive();
        return expiry;
    }

    /** Valid until {@link #clear()}. */
    public char[] securityCode() {
        requireLive();
        return securityCode;
    }

    /** The expiry month, 1–12. */
    public int expiryMonth() {
        requireLive();
        return (expiry[0] - '0') * 10 + (expiry[1] - '0');
    }

    /** The expiry year, four digits (20YY). */
    public int expiryYear() {
        requireLive();
        return 2000 + (expiry[2] - '0') * 10 + (expiry[3] - '0');
    }

    public boolean cleared() {
        return cleared;
    }

    /** Overwrites every digit; afterwards only the brand and last four remain. Idempotent. */
    public void clear() {
        Arrays.fill(number, '\0');
        Arrays.fill(expiry, '\0');
        Arrays.fill(securityCode, '\0');
        cleared = true;
    }

    @Override
    public void close() {
        clear();
    }

    private void requireLive() {
        if (cleared) {
            throw new IllegalStateException("the card details were cleared");
        }
    }

    @Override
    public String toString() {
        return "CardDetails[" + brand + " ending " + lastFour + (cleared ? ", cleared" : "") + "]";
    }
}
