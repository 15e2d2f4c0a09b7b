package io.firstcontact.channels.voice;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls with a deadline: tests never sleep for a fixed time, they wait for what they expect. */
public final class Await {
    private Await() {}

    public static <T> T until(Supplier<Optional<T>> probe, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + within.toMillis() + " ms for " + what);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    public static void until(BooleanSupplier condition, Duration within, String what) {
        until(() -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), within, what);
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition, Duration.ofSeconds(10), what);
    }
}
