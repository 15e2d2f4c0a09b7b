package io.firstcontact.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on POST: the first request with a key is executed; a repeat (same principal, same key) gets
 * the first one's response, even while the first is still running. A repeat whose method, path or body differ is
 * refused (422): the key was reused for another request. Kept in memory for the configured window; across a restart
 * the engine's own bounded set of recent keys still recognises a repeated command ({@code duplicate: true}).
 */
final class Idempotency {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");

    /** A response as it was first sent. */
    record Stored(int status, byte[] body, String contentType, String location) {}

    private record Slot(byte[] fingerprint, CompletableFuture<Stored> response) {}

    private final Cache<String, Slot> slots;

    Idempotency(Duration window) {
        this.slots = Caffeine.newBuilder()
                .expireAfterWrite(window)
                .maximumSize(200_000)
                .build();
    }

    static String validKey(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.invalid(
                    "header " + HEADER, HEADER + " must be 1–64 characters of letters, digits and . _ : -");
        }
        return key;
    }

    /**
     * The first request's response for this key, or null if this request is the first (the caller then runs it and
     * completes {@code mine}).
     */
    CompletableFuture<Stored> claim(String principal, String key, byte[] fingerprint, CompletableFuture<Stored> mine) {
        Slot fresh = new Slot(fingerprint, mine);
        Slot existing = slots.asMap().putIfAbsent(principal + "\n" + key, fresh);
        if (existing == null) {
            mine.whenComplete((ok, error) -> {
                if (error != null) {
                    slots.asMap().remove(principal + "\n" + key, fresh); // a failure is not remembered: retry works
                }
            });
            return null;
        }
        if (!Arrays.equals(existing.fingerprint(), fingerprint)) {
            throw ApiProblem.invalid(
                    "header " + HEADER, "this " + HEADER + " was already used for a different request");
        }
        return existing.response();
    }
}
