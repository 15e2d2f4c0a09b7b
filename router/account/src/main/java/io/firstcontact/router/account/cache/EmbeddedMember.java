package io.firstcontact.router.account.cache;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.MetadataPolicy;
import com.hazelcast.config.NearCacheConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.router.api.account.Account;
import java.util.List;

/**
 * The Hazelcast member the server embeds for account context: cluster-ready (TCP/IP join on the listed members;
 * multicast and auto-detection off), its maps in memory only (no map store, no persistence) with a time to live and a
 * near cache of deserialised accounts on every member.
 *
 * <p>On JDK 17+ Hazelcast wants the JVM flags in {@link #JVM_FLAGS}; without them it runs, and warns.
 */
public final class EmbeddedMember {
    /**
     * The JVM flags Hazelcast needs on JDK 17+, for a JVM of this one's version (the server's launch, and every JVM
     * that starts a member); {@code --sun-misc-unsafe-memory-access} exists from JDK 23.
     */
    public static final List<String> JVM_FLAGS = jvmFlags(Runtime.version().feature());

    static List<String> jvmFlags(int jdk) {
        List<String> flags = new java.util.ArrayList<>(List.of(
                "--add-modules",
                "java.se",
                "--add-exports",
                "java.base/jdk.internal.ref=ALL-UNNAMED",
                "--add-opens",
                "java.base/java.lang=ALL-UNNAMED",
                "--add-opens",
                "java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-opens",
                "java.management/sun.management=ALL-UNNAMED",
                "--add-opens",
                "jdk.management/com.sun.management.internal=ALL-UNNAMED"));
        if (jdk >= 23) {
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        return List.copyOf(flags);
    }

    /** The map of accounts by customerRef. */
    static final String ACCOUNTS = "firstcontact.accounts";
    /** The map from every other key (a caller's number, a PCN) to the customerRef it resolved to, or "" for nobody. */
    static final String KEYS = "firstcontact.account-keys";
    /** The map from an interaction to the key its customer is identified by. */
    static final String INTERACTIONS = "firstcontact.account-interactions";

    private EmbeddedMember() {}

    /** The cluster-wide map from an interaction to the canonical key of its customer (see {@code ArrivalWarming}). */
    public static com.hazelcast.map.IMap<String, String> interactionKeys(HazelcastInstance member) {
        return member.getMap(INTERACTIONS);
    }

    /** Starts a member; returns once it has joined its cluster (or formed one). */
    public static HazelcastInstance start(ClusterOptions cluster, CacheOptions cache) {
        return Hazelcast.newHazelcastInstance(config(cluster, cache));
    }

    /** The member's configuration. */
    static Config config(ClusterOptions cluster, CacheOptions cache) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false"); // the server stops it, in order
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(true).setPortCount(100);
        network.getInterfaces().setEnabled(true).addInterface(cluster.host());
        network.getMemcacheProtocolConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

        config.getPersistenceConfig().setEnabled(false);
        config.getJetConfig().setEnabled(false);
        config.getSerializationConfig()
                .addSerializerConfig(
                        new SerializerConfig().setTypeClass(Account.class).setImplementation(new AccountSerializer()));

        config.addMapConfig(personal(ACCOUNTS, cache));
        config.addMapConfig(personal(KEYS, cache));
        config.addMapConfig(personal(INTERACTIONS, cache));
        return config;
    }

    /** A map of personal data: expires, never stored, read through a near cache. */
    private static MapConfig personal(String name, CacheOptions cache) {
        int ttl = (int) cache.ttl().toSeconds();
        MapConfig map =
                new MapConfig(name).setTimeToLiveSeconds(ttl).setBackupCount(1).setStatisticsEnabled(true);
        map.getMapStoreConfig().setEnabled(false);
        // Values are looked up by key, never queried: no JSON metadata built on each put.
        map.setMetadataPolicy(MetadataPolicy.OFF);
        map.setNearCacheConfig(new NearCacheConfig(name)
                .setInMemoryFormat(InMemoryFormat.OBJECT)
                .setInvalidateOnChange(true)
                .setCacheLocalEntries(true)
                .setTimeToLiveSeconds(ttl)
                .setEvictionConfig(new EvictionConfig()
                        .setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.ENTRY_COUNT)
                        .setSize(cache.nearCacheMaxEntries())));
        return map;
    }
}
