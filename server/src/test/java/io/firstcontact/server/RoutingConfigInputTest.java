package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.server.config.ConfigLoader.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A routing configuration written by hand: what it may leave out, and what is refused, in the API and the file. */
class RoutingConfigInputTest {
    /** The test centre's own names, with nothing that has a default. */
    static final String SMALL = """
            {"channels": [{"id": "voice", "mediaClass": "REALTIME_VOICE"},
                          {"id": "chat", "mediaClass": "realtime_text"},
                          {"id": "email", "mediaClass": "DEFERRED"}],
             "skills": ["billing", "parking", "welsh"],
             "queues": [{"id": "billing", "channel": "voice"}, {"id": "general", "channel": "voice"}],
             "utilisationProfiles": [{"id": "council", "channels": [{"channel": "voice"}]}],
             "routingProfiles": [{"id": "all", "queues": [{"queue": "billing"}, {"queue": "general"}]}]}
            """;

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

    @Test
    void putConfigTakesAConfigurationWithoutItsDefaultsAndFillsThemIn() throws Exception {
        var applied = s.send("admin", "PUT", "/api/v1/config", SMALL, Map.of("If-Match", etag()));

        assertThat(applied.status()).as(applied.raw().body()).isEqualTo(200);
        JsonNode billing = s.get("admin", "/api/v1/config")
                .json()
                .get("config")
                .get("queues")
                .get(0);
        assertThat(billing.get("serviceLevelThresholdMillis").asLong())
                .isEqualTo(QueueConfig.DEFAULT_SERVICE_LEVEL_THRESHOLD_MILLIS);
        assertThat(billing.get("strategy").isNull()).isTrue();
    }

    @Test
    void putConfigRefusesAnOfferTimeoutThatWouldNeverExpireNamingTheFieldAndTheRange() throws Exception {
        String forever = SMALL.replace(
                "\"mediaClass\": \"REALTIME_VOICE\"",
                "\"mediaClass\": \"REALTIME_VOICE\", \"offerTimeoutMillis\": " + Long.MAX_VALUE);
        long before = s.journalLength();

        var refused = s.send("admin", "PUT", "/api/v1/config", forever, Map.of("If-Match", etag()));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("channels[0].offerTimeoutMillis");
        assertThat(error.get("message").asText()).contains("must be 1000–3600000 (1 s to 1 h)");
        assertThat(s.journalLength()).isEqualTo(before);
    }

    @Test
    void putConfigWithAnUnknownFieldIs400AndListsTheValidFields() throws Exception {
        var refused = s.send(
                "admin", "PUT", "/api/v1/config", SMALL.replace("\"skills\"", "\"skilz\""), Map.of("If-Match", etag()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("the valid fields are version, channels, skills");
    }

    @Test
    void seedNamingAProfileThatDoesNotExistStopsBeforeAnythingStarts() throws Exception {
        JsonNode routing = TestServer.JSON.readTree("{\"config\": " + SMALL + ", \"agents\": [{\"agentId\": \"a0\", "
                + "\"skills\": [], \"utilisationProfile\": \"council\", \"routingProfile\": \"nobody\"}]}");

        assertThatThrownBy(() -> Seed.check(routing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routing.agents[0]: ")
                .hasMessageContaining("unknown routing profile");
    }

    @Test
    void seedWithAValueOutOfRangeNamesItsPathInTheFile() throws Exception {
        JsonNode routing = TestServer.JSON.readTree("{\"config\": "
                + SMALL.replace("\"id\": \"general\"", "\"wrapUpMillis\": -5, \"id\": \"general\"") + "}");

        assertThatThrownBy(() -> Seed.check(routing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("routing.config.queues[1].wrapUpMillis must be 0–14400000 (0 to 4 h)");
    }

    private static String etag() throws Exception {
        return s.get("admin", "/api/v1/config").header("ETag");
    }
}
