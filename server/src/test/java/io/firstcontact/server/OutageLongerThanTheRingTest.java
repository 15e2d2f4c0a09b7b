package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcontact.router.engine.Centres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that comes back after longer than an offer may ring (docs/routing-contract.md §8 Recovery): the offer that
 * was ringing is overdue, but recovery resolves it before any overdue deadline fires, so it ends cancelled
 * {@code LEASE_LOST} and its advisor, who did nothing wrong, is not paused for RONA.
 */
class OutageLongerThanTheRingTest {
    @TempDir
    Path dir;

    @Test
    void theOfferRingingAtTheStopIsCancelledAndItsAdvisorIsNotPausedForRona() throws Exception {
        Path data = dir.resolve("data");
        String offerId;
        try (TestServer before = TestServer.start(data, Map.of())) {
            assertThat(before.post("agent-a0", "/api/v1/agents/a0/login", "{\"ready\":true}")
                            .status())
                    .isEqualTo(200);
            assertThat(before.post(
                                    "integration",
                                    "/api/v1/interactions",
                                    "{\"sourceRef\":\"outage:1\",\"channel\":\"voice\",\"queue\":{\"queue\":\"billing\"}}")
                            .status())
                    .isEqualTo(201);
            JsonNode offers = before.get("agent-a0", "/api/v1/agents/a0").json().get("offerIds");
            assertThat(offers).hasSize(1);
            offerId = offers.get(0).asText();
        }
        Duration outage = Duration.ofMillis(Centres.VOICE.offerTimeoutMillis()).plusMinutes(10);

        try (TestServer after =
                TestServer.start(data, Map.of(), InstantSource.offset(InstantSource.system(), outage))) {
            JsonNode offer =
                    after.get("supervisor", "/api/v1/offers/" + offerId).json();
            assertThat(offer.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(offer.get("cause").asText()).isEqualTo("LEASE_LOST");
            JsonNode a0 = after.get("supervisor", "/api/v1/agents/a0").json();
            assertThat(a0.get("presence").asText()).isEqualTo("READY");
            assertThat(a0.get("offerIds")).isEmpty();
        }
    }
}
