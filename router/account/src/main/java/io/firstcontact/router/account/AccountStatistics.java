package io.firstcontact.router.account;

import io.firstcontact.router.account.arrival.WarmingStatistics;
import io.firstcontact.router.account.cache.CacheStatistics;
import io.firstcontact.router.account.routing.RoutingStatistics;

/**
 * The account context's figures since the start, for metrics and health.
 *
 * @param cache lookups, hits, back-office calls and failures
 * @param warming arrivals looked up, and how ready their context was at their offers
 * @param routing preferences found and applied
 * @param breaker the HTTP back office's circuit breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), or
 *     {@code NONE} for the demo back office
 */
public record AccountStatistics(
        CacheStatistics cache, WarmingStatistics warming, RoutingStatistics routing, String breaker) {

    /** Nothing yet: the figures of a context that has not started. */
    public static final AccountStatistics NONE = new AccountStatistics(
            new CacheStatistics(0, 0, 0, 0, 0),
            new WarmingStatistics(0, java.util.Map.of()),
            new RoutingStatistics(0, 0, 0, 0, 0),
            "NONE");
}
