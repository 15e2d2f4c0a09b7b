package io.firstcontact.desktop.staff;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Slows down password guessing. Each address may try {@code attemptsPerAddress} sign-ins per minute; a username
 * that fails {@code maxFailures} times in a row is locked for {@code lockout} (whoever tries it, so a lockout cannot
 * be dodged by changing address), and a success resets its count. Both maps are bounded, oldest forgotten first, so
 * a flood of addresses or names cannot exhaust memory. Thread-safe.
 */
public final class SignInThrottle {
    /** Entries kept per map. */
    static final int MAX_TRACKED = 10_000;

    private static final long WINDOW_MILLIS = 60_000;

    private final InstantSource clock;
    private final int attemptsPerAddress;
    private final int maxFailures;
    private final long lockoutMillis;
    private final Map<String, Window> addresses = bounded();
    private final Map<String, Failures> usernames = bounded();

    /** Whether a sign-in may be tried now; if not, how long until it may. */
    public sealed interface Verdict {
        record Allowed() implements Verdict {}

        /** Too many attempts from this address in the last minute. */
        record TooFast(long retryAfterSeconds) implements Verdict {}

        /** The username is locked after repeated failures. */
        record LockedOut(long retryAfterSeconds) implements Verdict {}
    }

    private static final class Window {
        long startedAt;
        int attempts;
    }

    private static final class Failures {
        int count;
        long lockedUntil;
    }

    public SignInThrottle(InstantSource clock, int attemptsPerAddress, int maxFailures, Duration lockout) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (attemptsPerAddress < 1 || maxFailures < 1) {
            throw new IllegalArgumentException("attemptsPerAddress and maxFailures must be at least 1");
        }
        this.attemptsPerAddress = attemptsPerAddress;
        this.maxFailures = maxFailures;
        this.lockoutMillis = lockout.toMillis();
    }

    /** Counts an attempt from {@code address} for {@code username} and says whether it may go ahead. */
    public synchronized Verdict attempt(String address, String username) {
        long now = clock.millis();
        Failures f = usernames.get(key(username));
        if (f != null && f.lockedUntil > now) {
            return new Verdict.LockedOut(seconds(f.lockedUntil - now));
        }
        Window w = addresses.computeIfAbsent(address, a -> new Window());
        if (now - w.startedAt >= WINDOW_MILLIS) {
            w.startedAt = now;
            w.attempts = 0;
        }
        if (w.attempts >= attemptsPerAddress) {
            return new Verdict.TooFast(seconds(w.startedAt + WINDOW_MILLIS - now));
        }
        w.attempts++;
        return new Verdict.Allowed();
    }

    /** A wrong password (or unknown name): a step towards the lockout. */
    public synchronized void failed(String username) {
        Failures f = usernames.computeIfAbsent(key(username), u -> new Failures());
        f.count++;
        if (f.count >= maxFailures) {
            f.lockedUntil = clock.millis() + lockoutMillis;
            f.count = 0;
        }
    }

    public synchronized void succeeded(String username) {
        usernames.remove(key(username));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static long seconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
