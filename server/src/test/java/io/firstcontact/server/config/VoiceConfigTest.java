package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.channels.voice.VoiceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code voice:} section: defaults, environment overrides, secrets kept out of sight, clear errors. */
class VoiceConfigTest {
    @TempDir
    Path dir;

    private ServerConfig load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("centre.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), env);
    }

    @Test
    void withoutAVoiceSectionThereIsNoVoiceChannel() throws IOException {
        assertThat(load("mode: production\n", Map.of()).voice()).isNull();
        assertThat(new ConfigLoader().load(Optional.empty(), Map.of()).voice()).isNull();
    }

    @Test
    void aVoiceSectionTakesTheDefaultsForWhatItLeavesOut() throws IOException {
        VoiceOptions o = load(
                        "voice:\n  ami: {host: pbx.example, username: firstcontact, secret: s3cret}\n"
                                + "  menu: {queues: {'1': council-tax}, defaultQueue: council-tax}\n",
                        Map.of())
                .voice()
                .options();
        assertThat(o.ami().port()).isEqualTo(5038);
        assertThat(o.ami().responseTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.ami().maxMissedResponses()).isEqualTo(3);
        assertThat(o.agi()).isEqualTo(VoiceOptions.Agi.DEFAULT);
        assertThat(o.contexts()).isEqualTo(VoiceOptions.Contexts.DEFAULT);
        assertThat(o.announceEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.menu().queues()).containsEntry("1", "council-tax");
        assertThat(o.source()).isEqualTo("voice:asterisk");
    }

    @Test
    void theEnvironmentConnectsAsteriskAndItsSecretStaysText() throws IOException {
        VoiceOptions o = load(
                        "mode: production\n",
                        Map.of(
                                "FC_AMI_HOST", "10.0.0.5",
                                "FC_AMI_PORT", "5039",
                                "FC_AMI_USER", "firstcontact",
                                "FC_AMI_SECRET", "007",
                                "FC_AGI_PORT", "4600"))
                .voice()
                .options();
        assertThat(o.ami().host()).isEqualTo("10.0.0.5");
        assertThat(o.ami().port()).isEqualTo(5039);
        assertThat(o.ami().secret()).isEqualTo("007");
        assertThat(o.agi().port()).isEqualTo(4600);
    }

    @Test
    void theSecretCanComeFromAFileAndIsNeverPrinted() throws IOException {
        Path secret = dir.resolve("ami.secret");
        Files.writeString(secret, "from-a-file\n");
        ServerConfig c = load("voice:\n  ami: {host: pbx, username: fc, secretFile: " + secret + "}\n", Map.of());
        assertThat(c.voice().options().ami().secret()).isEqualTo("from-a-file");
        assertThat(c.toString()).doesNotContain("from-a-file");
        assertThat(c.voice().options().toString()).doesNotContain("from-a-file");
        ServerConfig inline = load("voice:\n  ami: {host: pbx, username: fc, secret: in-clear}\n", Map.of());
        assertThat(inline.toString()).doesNotContain("in-clear");
    }

    @Test
    void aVoiceSectionThatCannotBeUsedIsAConfigurationErrorNamingTheField() {
        assertThatThrownBy(() -> load("voice:\n  ami: {host: pbx, username: fc}\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("voice.ami.secret is required");
        assertThatThrownBy(() ->
                        load("voice:\n  ami: {host: pbx, username: fc, secret: x}\n  agi: {port: 70000}\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("voice.agi.port");
        assertThatThrownBy(() -> load(
                        "voice:\n  ami: {host: pbx, username: fc, secret: x}\n  menu: {queues: {'12': x}}\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("voice.menu.queues");
        assertThatThrownBy(() ->
                        load("voice:\n  ami: {host: pbx, username: fc, secret: x, maxMissedResponses: 0}\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("voice.ami.maxMissedResponses");
        assertThatThrownBy(() -> load("voice:\n  ami: {host: pbx, username: fc, secret: x}\n  amy: {}\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("amy");
    }
}
