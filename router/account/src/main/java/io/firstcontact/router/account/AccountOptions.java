package io.firstcontact.router.account;

import io.firstcontact.router.account.cache.CacheOptions;
import io.firstcontact.router.account.cache.ClusterOptions;
import io.firstcontact.router.account.routing.AccountRoutingOptions;
import java.util.Objects;

/**
 * The account context's configuration (the server's {@code account} section); every part may be left out and takes
 * its documented defaults.
 *
 * @param backOffice where accounts come from
 * @param cache how long account context is cached
 * @param cluster the embedded Hazelcast member's cluster
 * @param warming looking customers up when they arrive
 * @param routing routing on the citizen's account
 */
public record AccountOptions(
        BackOfficeOptions backOffice,
        CacheOptions cache,
        ClusterOptions cluster,
        WarmingOptions warming,
        AccountRoutingOptions routing) {
    public static final AccountOptions DEFAULT = new AccountOptions(null, null, null, null, null);

    public AccountOptions {
        backOffice = Objects.requireNonNullElse(backOffice, BackOfficeOptions.DEFAULT);
        cache = Objects.requireNonNullElse(cache, CacheOptions.DEFAULT);
        cluster = Objects.requireNonNullElse(cluster, ClusterOptions.DEFAULT);
        warming = Objects.requireNonNullElse(warming, WarmingOptions.DEFAULT);
        routing = Objects.requireNonNullElse(routing, AccountRoutingOptions.DEFAULT);
    }

    public AccountOptions withCluster(ClusterOptions c) {
        return new AccountOptions(backOffice, cache, c, warming, routing);
    }

    public AccountOptions withBackOffice(BackOfficeOptions b) {
        return new AccountOptions(b, cache, cluster, warming, routing);
    }
}
