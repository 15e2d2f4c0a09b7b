package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo restarted on the same data directory never gives a new interaction an id an earlier run used. */
class DemoRestartTest {
    @TempDir
    Path dir;

    @Test
    void demoInteractionIdsAreNotReusedAfterARestart() throws Exception {
        ServerConfig config = new ConfigLoader()
                .load(
                        Optional.empty(),
                        Map.of(
                                "FC_DATA_DIR", dir.resolve("data").toString(),
                                "FC_HTTP_HOST", "127.0.0.1",
                                "FC_HTTP_PORT", "0",
                                "FC_MANAGEMENT_PORT", "0",
                                "FC_DEMO_SPEED", "50"));
        assertThat(config.demoMode()).isTrue();

        List<String> first = createdDuring(config);
        List<String> second = createdDuring(config);

        assertThat(first).isNotEmpty().allMatch(id -> id.startsWith("demo-"));
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
    }

    /** Runs the demo until it has created a few interactions; their ids. */
    private static List<String> createdDuring(ServerConfig config) throws Exception {
        List<String> created = new ArrayList<>();
        CompletableFuture<Void> enough = new CompletableFuture<>();
        FirstContactServer server = new FirstContactServer(config);
        try {
            server.runtime().subscribe((input, decision) -> { // on the engine thread, after each commit
                for (Fact f : decision.facts()) {
                    if (f instanceof Fact.InteractionCreated c) {
                        created.add(c.interactionId());
                    }
                }
                if (created.size() >= 5) {
                    enough.complete(null);
                }
            });
            server.start();
            enough.get(60, TimeUnit.SECONDS);
            return server.runtime().query(engine -> List.copyOf(created)).get(10, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }
}
