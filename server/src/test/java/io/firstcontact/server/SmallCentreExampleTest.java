package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worked example the README points to, {@code examples/small-centre.yaml}, starts a centre that routes. */
class SmallCentreExampleTest {
    static final Path EXAMPLE = Path.of("..", "examples", "small-centre.yaml");
    static final String ADMIN = "example-admin-token-replace-me";
    static final String INTEGRATION = "example-integration-token-replace-me";
    static final String ADA = "example-agent-ada-token-replace-me";

    @TempDir
    static Path dir;

    static FirstContactServer server;
    static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        assertThat(EXAMPLE).exists();
        // As written, but in a temporary directory and on free ports: what the environment may override.
        ServerConfig config = new ConfigLoader()
                .load(
                        Optional.of(EXAMPLE),
                        Map.of(
                                "FC_DATA_DIR", dir.resolve("data").toString(),
                                "FC_HTTP_HOST", "127.0.0.1",
                                "FC_HTTP_PORT", "0",
                                "FC_MANAGEMENT_PORT", "0"));
        Seed.check(config.routing());
        server = new FirstContactServer(config);
        server.start();
        api = new ApiClient("http://127.0.0.1:" + server.apiPort(), "http://127.0.0.1:" + server.managementPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void exampleRunsInProductionWithItsQueuesAndTheDefaultsItLeavesOut() throws Exception {
        var queues = api.get(ADMIN, "/api/v1/queues");
        assertThat(queues.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        queues.json().get("items").forEach(q -> names.add(q.get("queue").asText()));
        assertThat(names).containsExactlyInAnyOrder("council-tax", "parking", "web-chat");

        JsonNode config = api.get(ADMIN, "/api/v1/config").json().get("config");
        assertThat(config.get("policy").get("rejectsBeforePause").asInt())
                .isEqualTo(RoutingPolicy.DEFAULT_REJECTS_BEFORE_PAUSE);
        JsonNode parking = config.get("queues").get(1);
        assertThat(parking.get("serviceLevelThresholdMillis").asLong())
                .isEqualTo(QueueConfig.DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS);
        assertThat(parking.get("maxWrapUpMillis").asLong()).isEqualTo(20_000);
        assertThat(api.get(null, api.management() + "/health")
                        .json()
                        .get("mode")
                        .asText())
                .isEqualTo("production");
    }

    @Test
    void aCouncilTaxCallIsOfferedToTheAdvisorWhoHasTheSkillAndSheAcceptsIt() throws Exception {
        assertThat(api.post(ADA, "/api/v1/agents/ada/login", "{\"ready\":true}").status())
                .isEqualTo(200);

        var created = api.post(
                INTEGRATION,
                "/api/v1/interactions",
                "{\"sourceRef\":\"pbx:call-1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"council-tax\"}}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode offer = null;
        for (JsonNode f : created.json().get("facts")) {
            if (f.get("type").asText().equals("OfferCreated")) {
                offer = f;
            }
        }
        assertThat(offer).as("an offer in " + created.json()).isNotNull();
        assertThat(offer.get("agentId").asText()).isEqualTo("ada");

        var accepted = api.post(ADA, "/api/v1/offers/" + offer.get("offerId").asText() + "/accept", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().toString()).contains("AssignmentStarted");
    }
}
