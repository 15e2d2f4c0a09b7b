package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.account.AccountOptions;
import io.firstcontact.router.account.BackOfficeOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code account} section of the server's configuration: its documented defaults, a real back office, errors. */
class AccountConfigurationTest {
    @TempDir
    Path dir;

    private ServerConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), env);
    }

    @Test
    void withoutASectionTheDemoBackOfficeIsCachedWarmedAndRoutedOnWithTheDocumentedDefaults() {
        AccountOptions a = new ConfigLoader().load(Optional.empty(), Map.of()).account();

        assertThat(a.backOffice().kind()).isEqualTo(BackOfficeOptions.Kind.DEMO);
        assertThat(a.cache().ttl()).isEqualTo(Duration.ofMinutes(20));
        assertThat(a.cache().notFoundTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(a.cluster().host()).isEqualTo("127.0.0.1");
        assertThat(a.cluster().port()).isEqualTo(5701);
        assertThat(a.cluster().members()).isEmpty();
        assertThat(a.warming().enabled()).isTrue();
        assertThat(a.warming().attributes().callerNumber()).isEqualTo("callerNumber");
        assertThat(a.routing().enabled()).isTrue();
        assertThat(a.routing().window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.routing().lookBack()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aRealBackOfficeIsReachedByItsUrlWithItsTimeoutsAndBreaker() throws Exception {
        AccountOptions a = load("""
                        account:
                          backOffice:
                            kind: http
                            http:
                              url: https://crm.example.org/firstcontact
                              requestTimeout: 1500ms
                              breakerOpenFor: 30s
                          cache:
                            ttl: 45m
                          cluster:
                            host: 10.0.0.11
                            members: [10.0.0.12, "10.0.0.13:5701"]
                          routing:
                            window: 20s
                            lookBack: 14d
                            disabledQueues: [housing]
                        """, Map.of()).account();

        assertThat(a.backOffice().kind()).isEqualTo(BackOfficeOptions.Kind.HTTP);
        assertThat(a.backOffice().http().url()).isEqualTo(URI.create("https://crm.example.org/firstcontact"));
        assertThat(a.backOffice().http().requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(a.backOffice().http().connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(a.backOffice().http().breakerOpenFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(a.cache().ttl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(a.cluster().members()).isEqualTo(List.of("10.0.0.12", "10.0.0.13:5701"));
        assertThat(a.routing().window()).isEqualTo(Duration.ofSeconds(20));
        assertThat(a.routing().disabledQueues()).containsExactly("housing");
    }

    @Test
    void theEnvironmentNamesTheBackOfficeAndItsToken() throws Exception {
        AccountOptions a = load(
                        "mode: demo\n",
                        Map.of(
                                "FC_BACK_OFFICE", "http",
                                "FC_BACK_OFFICE_URL", "http://127.0.0.1:8181",
                                "FC_BACK_OFFICE_TOKEN", "s3cret-token"))
                .account();

        assertThat(a.backOffice().http().url()).isEqualTo(URI.create("http://127.0.0.1:8181"));
        assertThat(a.backOffice().http().token()).isEqualTo("s3cret-token");
    }

    @Test
    void anHttpBackOfficeWithoutAUrlIsAClearError() {
        assertThatThrownBy(() -> load("account:\n  backOffice:\n    kind: http\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("account.backOffice.http.url is required");
    }

    @Test
    void aMisspelledFieldIsAnError() {
        assertThatThrownBy(() -> load("account:\n  routing:\n    windw: 20s\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("windw");
    }

    @Test
    void aNegativeWindowIsAnError() {
        assertThatThrownBy(() -> load("account:\n  routing:\n    window: PT-5S\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("account.routing.window");
    }
}
