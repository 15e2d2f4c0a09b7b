package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.desktop.DesktopOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's settings in the {@code desktop} section: the wallboard's push and the audit trail's retention. */
class SupervisorConfigurationTest {
    @TempDir
    Path dir;

    private DesktopOptions load(String yaml) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), Map.of()).desktop();
    }

    @Test
    void withoutSettingsTheWallboardAndTheAuditHaveTheDocumentedDefaults() {
        DesktopOptions d = new ConfigLoader().load(Optional.empty(), Map.of()).desktop();

        assertThat(d.wallboard().minPushInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(d.wallboard().momentsKept()).isEqualTo(10);
        assertThat(d.auditRetention()).isEqualTo(Duration.ofDays(400));
    }

    @Test
    void theWallboardsPushAndTheAuditsRetentionAreWrittenAsDurations() throws Exception {
        DesktopOptions d = load("""
                desktop:
                  wallboard:
                    minPushInterval: 250ms
                    momentsKept: 20
                  auditRetention: 30d
                """);

        assertThat(d.wallboard().minPushInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(d.wallboard().momentsKept()).isEqualTo(20);
        assertThat(d.auditRetention()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aPushIntervalOverASecondIsRefusedWithItsPath() {
        assertThatThrownBy(() -> load("desktop:\n  wallboard:\n    minPushInterval: 2s\n"))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("desktop.wallboard.minPushInterval");
    }
}
