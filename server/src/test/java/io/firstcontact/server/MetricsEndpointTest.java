package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} on the management listener: what the server's binders expose, as Prometheus reads it. */
class MetricsEndpointTest {
    @TempDir
    static Path dir;

    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        s = TestServer.start(dir.resolve("data"), Map.of());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private String scrape() throws Exception {
        var metrics = s.send(null, "GET", s.management() + "/metrics", null, Map.of());
        assertThat(metrics.status()).isEqualTo(200);
        return metrics.raw().body();
    }

    @Test
    void apiRequestsAreCountedByRouteTemplateNeverByTheirPath() throws Exception {
        assertThat(s.get("supervisor", "/api/v1/queues/billing").status()).isEqualTo(200);
        assertThat(s.get("supervisor", "/api/v1/queues/no-such-queue").status()).isEqualTo(404);
        assertThat(s.get(null, "/api/v1/queues").status()).isEqualTo(401);

        String text = scrape();
        assertThat(text)
                .contains("firstcontact_api_requests_seconds_count{method=\"GET\",mode=\"production\","
                        + "route=\"/api/v1/queues/:name\",status=\"200\"}")
                .contains("firstcontact_api_requests_seconds_count{method=\"GET\",mode=\"production\","
                        + "route=\"/api/v1/queues/:name\",status=\"404\"}")
                .contains("route=\"unmatched\",status=\"401\"")
                .doesNotContain("no-such-queue");
    }

    @Test
    void everyConcernHasItsMeters() throws Exception {
        String text = scrape();
        assertThat(text)
                .contains("firstcontact_engine_decision_seconds_count")
                .contains("firstcontact_journal_commit_seconds_count")
                .contains("firstcontact_redis_reachable")
                .contains("firstcontact_journal_spilling")
                .contains("firstcontact_queue_waiting{channel=\"voice\",mode=\"production\",queue=\"billing\"}")
                .contains("firstcontact_events_clients")
                .contains("firstcontact_process_cpu_time_seconds_total")
                .contains("jvm_memory_used_bytes");
    }
}
