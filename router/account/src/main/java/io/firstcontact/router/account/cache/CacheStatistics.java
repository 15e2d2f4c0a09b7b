package io.firstcontact.router.account.cache;

/**
 * What the account cache did since it started, on this member.
 *
 * @param lookups lookups asked of it
 * @param hits lookups answered from the cache (a found account or a remembered "nobody")
 * @param joined lookups that joined a back-office lookup already in flight for the same key (a screen pop arriving
 *     while the arrival's warming is still waiting for the back office)
 * @param backOfficeLookups lookups passed on to the back office
 * @param backOfficeFailures back-office lookups that failed (unavailable)
 */
public record CacheStatistics(long lookups, long hits, long joined, long backOfficeLookups, long backOfficeFailures) {}
