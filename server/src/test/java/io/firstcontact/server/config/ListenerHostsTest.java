package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management listener ({@code /metrics}, {@code /health}: no authentication) stays on loopback unless a host is
 * given, whether its port comes from the file or the environment; the public API listens on every interface.
 */
class ListenerHostsTest {
    @TempDir
    Path dir;

    private ServerConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), env);
    }

    @Test
    void withNothingSaidManagementListensOnLoopbackAndTheApiEverywhere() throws Exception {
        ServerConfig config = new ConfigLoader().load(Optional.empty(), Map.of());
        assertThat(config.management().host()).isEqualTo("127.0.0.1");
        assertThat(config.management().port()).isEqualTo(9090);
        assertThat(config.http().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void aManagementPortFromTheEnvironmentAloneKeepsLoopback() throws Exception {
        ServerConfig config = new ConfigLoader().load(Optional.empty(), Map.of("FC_MANAGEMENT_PORT", "9191"));
        assertThat(config.management().host()).isEqualTo("127.0.0.1");
        assertThat(config.management().port()).isEqualTo(9191);
        assertThat(load("mode: production\n", Map.of("FC_MANAGEMENT_PORT", "9191"))
                        .management()
                        .host())
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aManagementPortInTheFileAloneKeepsLoopback() throws Exception {
        ServerConfig config = load("management:\n  port: 9191\n", Map.of());
        assertThat(config.management().host()).isEqualTo("127.0.0.1");
        assertThat(config.management().port()).isEqualTo(9191);
    }

    @Test
    void aManagementHostGivenInTheFileOrTheEnvironmentIsUsed() throws Exception {
        assertThat(load("management:\n  host: 10.0.0.5\n  port: 9191\n", Map.of())
                        .management()
                        .host())
                .isEqualTo("10.0.0.5");
        assertThat(load("management:\n  port: 9191\n", Map.of("FC_MANAGEMENT_HOST", "0.0.0.0"))
                        .management()
                        .host())
                .isEqualTo("0.0.0.0");
    }

    @Test
    void anApiPortAloneListensOnEveryInterface() throws Exception {
        assertThat(load("http:\n  port: 8181\n", Map.of()).http().host()).isEqualTo("0.0.0.0");
        assertThat(new ConfigLoader()
                        .load(Optional.empty(), Map.of("FC_HTTP_PORT", "8181"))
                        .http()
                        .host())
                .isEqualTo("0.0.0.0");
    }
}
