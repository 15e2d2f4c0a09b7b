package io.firstcontact.router.journal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

class RoutingLeaseTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static RedisTestServer server;
    static StatefulRedisConnection<String, String> connectionA;
    static StatefulRedisConnection<String, String> connectionB;

    @BeforeAll
    static void start() {
        server = RedisTestServer.start(dir.resolve("redis"));
        connectionA = server.connect();
        connectionB = server.connect();
    }

    @AfterAll
    static void stop() {
        connectionA.close();
        connectionB.close();
        server.close();
    }

    /** Two contenders in two "processes" (connections) on the same lease. */
    private static RoutingLease[] contenders(TestInfo test) {
        String prefix = "test:" + test.getTestMethod().orElseThrow().getName();
        return new RoutingLease[] {new RoutingLease(connectionA, prefix), new RoutingLease(connectionB, prefix)};
    }

    @Test
    void only_one_of_two_contenders_holds_the_lease(TestInfo test) {
        RoutingLease[] lease = contenders(test);
        assertThat(lease[0].epoch()).isZero();
        assertThat(lease[0].holder()).isEmpty();

        assertThat(lease[0].acquire("node-a", LONG)).hasValue(1);
        assertThat(lease[1].acquire("node-b", LONG)).isEmpty();
        assertThat(lease[1].holder()).contains("node-a");
        // holding it already is not a new acquisition
        assertThat(lease[0].acquire("node-a", LONG)).isEmpty();
        assertThat(lease[1].epoch()).isEqualTo(1);
    }

    @Test
    void the_epoch_increases_at_each_acquisition(TestInfo test) {
        RoutingLease[] lease = contenders(test);
        OptionalLong first = lease[0].acquire("node-a", LONG);
        assertThat(lease[0].release("node-a")).isTrue();
        OptionalLong second = lease[1].acquire("node-b", LONG);
        assertThat(lease[1].release("node-b")).isTrue();
        OptionalLong third = lease[0].acquire("node-a", LONG);

        assertThat(first).hasValue(1);
        assertThat(second).hasValue(2);
        assertThat(third).hasValue(3);
        assertThat(lease[1].epoch()).isEqualTo(3);
    }

    @Test
    void a_restarted_node_takes_its_own_lease_over_with_a_new_epoch_but_not_another_nodes(TestInfo test) {
        RoutingLease[] lease = contenders(test);
        assertThat(lease[0].acquire("node-a", LONG)).hasValue(1);
        assertThat(lease[0].takeOver("node-a", LONG)).hasValue(2); // node-a crashed and came back
        assertThat(lease[1].takeOver("node-b", LONG)).isEmpty();
        assertThat(lease[1].holder()).contains("node-a");
        assertThat(lease[0].epoch()).isEqualTo(2);
    }

    @Test
    void only_the_holder_renews_or_releases(TestInfo test) {
        RoutingLease[] lease = contenders(test);
        lease[0].acquire("node-a", LONG);

        assertThat(lease[1].renew("node-b", LONG)).isFalse();
        assertThat(lease[1].release("node-b")).isFalse();
        assertThat(lease[1].holder()).contains("node-a");

        assertThat(lease[0].renew("node-a", LONG)).isTrue();
        assertThat(lease[0].release("node-a")).isTrue();
        assertThat(lease[0].holder()).isEmpty();
        assertThat(lease[0].renew("node-a", LONG)).isFalse();
        assertThat(lease[0].release("node-a")).isFalse();
    }

    @Test
    void a_lease_that_merely_expired_is_taken_again_in_the_same_epoch_but_not_after_another_acquired_it(TestInfo test) {
        RoutingLease[] lease = contenders(test);
        long epoch = lease[0].acquire("node-a", LONG).orElseThrow();
        assertThat(lease[0].release("node-a")).isTrue(); // as if it had expired while Redis was paused
        assertThat(lease[0].renew("node-a", LONG, epoch)).isTrue();
        assertThat(lease[0].holder()).contains("node-a");
        assertThat(lease[0].epoch()).isEqualTo(epoch);

        assertThat(lease[0].release("node-a")).isTrue();
        assertThat(lease[1].acquire("node-b", LONG)).hasValue(epoch + 1);
        assertThat(lease[1].release("node-b")).isTrue(); // gone again, but another node had it: fenced
        assertThat(lease[0].renew("node-a", LONG, epoch)).isFalse();
        assertThat(lease[0].holder()).isEmpty();
    }

    @Test
    void an_expired_lease_goes_to_the_other_contender_with_a_new_epoch(TestInfo test) {
        RoutingLease[] lease = contenders(test);
        assertThat(lease[0].acquire("node-a", Duration.ofMillis(50))).hasValue(1);
        assertThat(lease[1].acquire("node-b", LONG)).isEmpty();

        OptionalLong[] taken = {OptionalLong.empty()};
        Await.until("the lease to expire and go to node-b", Duration.ofSeconds(5), () -> {
            taken[0] = lease[1].acquire("node-b", LONG);
            return taken[0].isPresent();
        });

        assertThat(taken[0]).hasValue(2);
        assertThat(lease[0].holder()).contains("node-b");
        // the former holder can no longer renew, and does not release the new holder's lease
        assertThat(lease[0].renew("node-a", LONG)).isFalse();
        assertThat(lease[0].release("node-a")).isFalse();
        assertThat(lease[0].holder()).contains("node-b");
    }
}
