package io.firstcontact.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the health endpoints say before routing is open (the open case is in the API tests). */
class HealthTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Vertx vertx;
    private Management management;

    @BeforeEach
    void listen() throws Exception {
        vertx = Vertx.vertx();
        ServerConfig defaults = ServerConfig.defaults();
        // Only the management listener differs from the defaults: on a free port of its own.
        ServerConfig config = new ConfigLoader().load(Optional.empty(), Map.of("FC_MANAGEMENT_PORT", "0"));
        assertThat(config.management().port())
                .isNotEqualTo(defaults.management().port());
        management = new Management(vertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        management.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void healthAnswers503WithTheStateWhileTheServerIsStarting() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(health.body()).get("status").asText())
                .isEqualTo("STARTING");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
    }

    @Test
    void livenessAnswers200WhileTheServerIsStarting() throws Exception {
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management.port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
