package io.firstcontact.ivr.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the IVR waits for after a prompt: one key from a menu, or digits. A question about the card ({@link #sensitive()})
 * is answered with {@link Event.KeyedCard}, whose digits no front end may log, echo, store or send anywhere; a chat shows
 * a masked field for it and keeps it out of the transcript.
 *
 * @param kind what is asked
 * @param minDigits fewest digits of a valid answer
 * @param maxDigits most digits (a call's {@code GET DATA} stops there)
 * @param timeout how long to wait for the caller
 * @param keys a menu's keys; empty otherwise
 * @param prefix letters a chat user may type before the digits of a reference ({@code HW}), or null
 */
public record Question(Kind kind, int minDigits, int maxDigits, Duration timeout, List<String> keys, String prefix) {

    /** What is asked. */
    public enum Kind {
        /** One key of a menu. */
        MENU,
        /** A reference or another number. */
        DIGITS,
        /** An amount in whole pounds. */
        AMOUNT,
        /** The card number. */
        CARD_NUMBER,
        /** The card's expiry, MMYY. */
        EXPIRY,
        /** The card's security code. */
        SECURITY_CODE;

        /** Card data: answered only with {@link Event.KeyedCard}. */
        public boolean sensitive() {
            return this == CARD_NUMBER || this == EXPIRY || this == SECURITY_CODE;
        }
    }

    public Question {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeout, "timeout");
        keys = List.copyOf(keys);
        if (minDigits < 1 || maxDigits < minDigits) {
            throw new IllegalArgumentException("1 ≤ minDigits ≤ maxDigits");
        }
    }

    public boolean sensitive() {
        return kind.sensitive();
    }
}
