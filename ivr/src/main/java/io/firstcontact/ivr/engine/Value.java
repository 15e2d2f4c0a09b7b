package io.firstcontact.ivr.engine;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A value a step puts into a prompt's slot. A chat shows it in words; a call says it with Asterisk's own speech
 * ({@code SAY NUMBER}, {@code SAY DIGITS}, {@code SAY ALPHA}, {@code SAY DATETIME}) or plays another prompt.
 */
public sealed interface Value {

    /** An amount of money: "£65.00"; said as pounds and pence. */
    record Money(long pence) implements Value {}

    /** A day: "Thursday" when {@code weekday}, else "3 May". */
    record Day(ZonedDateTime at, boolean weekday) implements Value {
        public Day {
            Objects.requireNonNull(at, "at");
        }
    }

    /** A time of day: "8:30am". */
    record Time(ZonedDateTime at) implements Value {
        public Time {
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * Letters and digits read one by one: a reference, an authorisation code, a card's last four. Never a card number:
     * nothing reads one back but its last four digits.
     */
    record Spelled(String characters) implements Value {
        public Spelled {
            if (characters == null || !characters.matches("[A-Z0-9]{1,20}")) {
                throw new IllegalArgumentException("spelled values are 1–20 upper-case letters and digits");
            }
            if (characters.length() > 4
                    && characters.chars().allMatch(Character::isDigit)
                    && io.firstcontact.router.api.model.CardNumberTripwire.containsCardNumber(characters)) {
                throw new IllegalArgumentException("a card number is never read back");
            }
        }
    }

    /** A count: "3". */
    record Count(long count) implements Value {}

    /** Another prompt's words (the name of a request type). */
    record Said(io.firstcontact.ivr.flow.Prompt prompt) implements Value {
        public Said {
            Objects.requireNonNull(prompt, "prompt");
        }
    }
}
