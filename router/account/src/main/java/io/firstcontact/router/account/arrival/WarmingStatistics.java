package io.firstcontact.router.account.arrival;

import java.util.Map;

/**
 * How ready account context was when offers were made, since the start.
 *
 * @param arrivals interactions whose customer was identified at arrival (their lookup started at once)
 * @param offers offers made, by the readiness of their interaction's account context at that moment
 */
public record WarmingStatistics(long arrivals, Map<Readiness, Long> offers) {
    public WarmingStatistics {
        offers = Map.copyOf(offers);
    }

    public long offers(Readiness readiness) {
        return offers.getOrDefault(readiness, 0L);
    }
}
