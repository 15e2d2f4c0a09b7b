package io.firstcontact.channels.voice.agi;

import io.firstcontact.router.api.model.CardNumberTripwire;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Mints interaction ids at the edge as UUIDv7 (RFC 9562): time-ordered, so a call's id sorts by its arrival, and random
 * enough that two nodes never collide.
 */
final class InteractionIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InteractionIds() {}

    /**
     * A new id. One whose all-digit groups happen to read as a card number (say {@code …-0964-4892-9920-8…}, Luhn-valid)
     * is drawn again: the API refuses such a run anywhere in a request, the path included, so a supervisor could not
     * name the call.
     */
    static String next(InstantSource clock) {
        String id;
        do {
            long millis = clock.millis();
            long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
            long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
            id = new UUID(high, low).toString();
        } while (CardNumberTripwire.containsCardNumber(id));
        return id;
    }
}
