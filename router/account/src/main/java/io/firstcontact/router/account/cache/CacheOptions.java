package io.firstcontact.router.account.cache;

import java.time.Duration;
import java.util.Objects;

/**
 * How long account context is kept. Everything cached is personal data: it lives in memory only, on the cluster's
 * members, and is gone after its time to live.
 *
 * @param ttl how long a resolved account stays cached (from the caller's arrival to well past their wrap-up)
 * @param notFoundTtl how long "no such customer" is remembered, so a caller the back office does not know costs one
 *     lookup, not one per screen pop
 * @param nearCacheMaxEntries the most entries each member keeps deserialised beside the map (least recently used go)
 */
public record CacheOptions(Duration ttl, Duration notFoundTtl, Integer nearCacheMaxEntries) {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(20);
    public static final Duration DEFAULT_NOT_FOUND_TTL = Duration.ofMinutes(2);
    public static final int DEFAULT_NEAR_CACHE_MAX_ENTRIES = 20_000;

    public static final CacheOptions DEFAULT = new CacheOptions(null, null, null);

    public CacheOptions {
        ttl = Objects.requireNonNullElse(ttl, DEFAULT_TTL);
        notFoundTtl = Objects.requireNonNullElse(notFoundTtl, DEFAULT_NOT_FOUND_TTL);
        nearCacheMaxEntries = Objects.requireNonNullElse(nearCacheMaxEntries, DEFAULT_NEAR_CACHE_MAX_ENTRIES);
        if (ttl.toSeconds() < 1 || notFoundTtl.toSeconds() < 1) {
            throw new IllegalArgumentException("account.cache.ttl and account.cache.notFoundTtl must be at least 1s");
        }
        if (nearCacheMaxEntries < 1) {
            throw new IllegalArgumentException("account.cache.nearCacheMaxEntries must be ≥ 1");
        }
    }
}
