package io.firstcontact.channels.voice.agi;

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

    static String next(InstantSource clock) {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
