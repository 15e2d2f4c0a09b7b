package io.firstcontact.router.account;

import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.router.account.cache.CacheOptions;
import io.firstcontact.router.account.cache.ClusterOptions;
import io.firstcontact.router.account.cache.EmbeddedMember;
import java.util.List;
import java.util.UUID;

/**
 * Real Hazelcast members for tests, each cluster named afresh so that no two tests (nor two builds on one machine)
 * ever join each other.
 */
public final class Members {
    private Members() {}

    /** A member on its own, in a cluster of its own. */
    public static HazelcastInstance alone(CacheOptions cache) {
        return EmbeddedMember.start(ClusterOptions.alone("test-" + UUID.randomUUID()), cache);
    }

    /** Two members of one new cluster, the second joining the first over TCP/IP. */
    public static List<HazelcastInstance> pair(CacheOptions cache) {
        ClusterOptions cluster = ClusterOptions.alone("test-" + UUID.randomUUID());
        HazelcastInstance first = EmbeddedMember.start(cluster, cache);
        int port = first.getCluster().getLocalMember().getAddress().getPort();
        HazelcastInstance second = EmbeddedMember.start(cluster.joining(List.of("127.0.0.1:" + port)), cache);
        return List.of(first, second);
    }
}
