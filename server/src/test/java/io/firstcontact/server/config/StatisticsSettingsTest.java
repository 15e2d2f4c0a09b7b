package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.metrics.statistics.AbandonTreatment;
import io.firstcontact.metrics.statistics.StatisticsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code statistics} section of the configuration file. */
class StatisticsSettingsTest {
    @TempDir
    Path dir;

    private ServerConfig load(String yaml) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), Map.of());
    }

    @Test
    void leftOutEveryStatisticsSettingTakesItsDefault() throws Exception {
        StatisticsOptions o = load("mode: production\n").statistics().options();

        assertThat(o).isEqualTo(StatisticsOptions.DEFAULT);
        assertThat(load("mode: production\n").statistics().historyDays())
                .isEqualTo(StatisticsSettings.DEFAULT_HISTORY_DAYS);
    }

    @Test
    void theServiceLevelDefinitionWindowsAndAlertsAreRead() throws Exception {
        ServerConfig c = load("""
                statistics:
                  zone: Europe/Dublin
                  serviceLevel:
                    abandons: abandons_counted_against
                    shortAbandon: 3s
                    target: 0.9
                    targets: {parking: 0.7}
                  firstContactWindow: 14d
                  identityAttributes: [phone]
                  channelShiftActivities:
                    pay-online: [paid-online]
                  alerts:
                    longestWait: {billing: 2m}
                    notReady: {BREAK: 15m}
                    serviceLevelMinimum: 20
                  historyDays: 90
                """);
        StatisticsOptions o = c.statistics().options();

        assertThat(o.zone().getId()).isEqualTo("Europe/Dublin");
        assertThat(o.serviceLevel().abandons()).isEqualTo(AbandonTreatment.ABANDONS_COUNTED_AGAINST);
        assertThat(o.serviceLevel().shortAbandon()).isEqualTo(Duration.ofSeconds(3));
        assertThat(o.serviceLevel().target("parking")).isEqualTo(0.7);
        assertThat(o.serviceLevel().target("billing")).isEqualTo(0.9);
        assertThat(o.firstContactWindow()).isEqualTo(Duration.ofDays(14));
        assertThat(o.identityAttributes()).isEqualTo(List.of("phone"));
        assertThat(o.channelShiftActivities()).containsEntry("pay-online", List.of("paid-online"));
        assertThat(o.alerts().longestWaitMillis("billing", 30_000)).isEqualTo(120_000);
        assertThat(o.alerts().notReady()).containsEntry("BREAK", Duration.ofMinutes(15));
        assertThat(o.alerts().serviceLevelMinimum()).isEqualTo(20);
        assertThat(c.statistics().historyDays()).isEqualTo(90);
    }

    @Test
    void aTargetThatIsNotARatioIsRefusedWithTheFieldsName() {
        assertThatThrownBy(() -> load("statistics: {serviceLevel: {target: 80}}\n"))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("target must be a ratio from 0 to 1");
    }

    @Test
    void anUnknownTimeZoneIsRefused() {
        assertThatThrownBy(() -> load("statistics: {zone: Europe/Harrow}\n"))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("statistics.zone");
    }
}
