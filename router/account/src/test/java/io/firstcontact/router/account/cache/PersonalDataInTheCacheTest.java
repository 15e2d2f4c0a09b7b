package io.firstcontact.router.account.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.router.account.Await;
import io.firstcontact.router.account.CountingDirectory;
import io.firstcontact.router.account.Members;
import io.firstcontact.router.account.Residents;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Personal data in the cache lives in memory only, and only for its time to live. */
class PersonalDataInTheCacheTest {

    @Test
    void aCachedAccountIsGoneAfterItsTimeToLiveAndTheNextLookupAsksTheBackOfficeAgain() {
        CacheOptions briefly = new CacheOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), null);
        HazelcastInstance member = Members.alone(briefly);
        try {
            Account resident = Residents.first(a -> a.phone() != null);
            CountingDirectory backOffice = new CountingDirectory(Residents.directory());
            AccountCache cache = new AccountCache(member, backOffice, briefly);
            Await.result(cache.find(AccountKey.customerRef(resident.customerRef())));
            // Stored with its time to live (or, on a machine slow enough to take a second since, already gone).
            var stored = member.getMap(EmbeddedMember.ACCOUNTS).getEntryView(resident.customerRef());
            if (stored != null) {
                assertThat(stored.getTtl()).isEqualTo(briefly.ttl().toMillis());
            }

            Await.until(
                    () -> !member.getMap(EmbeddedMember.ACCOUNTS).containsKey(resident.customerRef()),
                    Duration.ofSeconds(15),
                    "the account expires");
            Await.result(cache.find(AccountKey.customerRef(resident.customerRef())));

            assertThat(backOffice.lookups()).isEqualTo(2);
        } finally {
            member.shutdown();
        }
    }

    @Test
    void theCacheMapsAreNeverWrittenToDisk() {
        Config config = EmbeddedMember.config(ClusterOptions.DEFAULT, CacheOptions.DEFAULT);

        assertThat(config.getPersistenceConfig().isEnabled()).isFalse();
        for (String name : List.of(EmbeddedMember.ACCOUNTS, EmbeddedMember.KEYS, EmbeddedMember.INTERACTIONS)) {
            MapConfig map = config.getMapConfig(name);
            assertThat(map.getMapStoreConfig().isEnabled())
                    .as(name + " map store")
                    .isFalse();
            assertThat(map.getDataPersistenceConfig().isEnabled())
                    .as(name + " persistence")
                    .isFalse();
            assertThat(map.getNearCacheConfig().getPreloaderConfig().isEnabled())
                    .as(name + " near cache preloader (it writes keys to disk)")
                    .isFalse();
            assertThat(map.getTimeToLiveSeconds()).as(name + " time to live").isEqualTo(20 * 60);
        }
    }

    @Test
    void theMemberJoinsOnlyTheMembersItIsGiven() {
        Config config = EmbeddedMember.config(ClusterOptions.DEFAULT, CacheOptions.DEFAULT);
        var join = config.getNetworkConfig().getJoin();

        assertThat(join.getMulticastConfig().isEnabled()).isFalse();
        assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
        assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    }
}
