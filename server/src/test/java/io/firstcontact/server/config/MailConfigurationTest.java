package io.firstcontact.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.channels.email.EmailOptions;
import io.firstcontact.channels.sms.SmsOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code email} and {@code sms} sections: a real mailbox and gateway, secrets from the environment, mistakes. */
class MailConfigurationTest {
    @TempDir
    Path dir;

    private ServerConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = dir.resolve("firstcontact.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(Optional.of(file), env);
    }

    @Test
    void withoutSectionsEmailIsOffAndTextsGoToTheLogSink() {
        ServerConfig c = new ConfigLoader().load(Optional.empty(), Map.of());

        assertThat(c.email()).isNull();
        assertThat(c.sms().gatewayUrl()).isNull();
        assertThat(c.sms().inbound()).isFalse();
    }

    @Test
    void aMailboxIsConfiguredWithItsPasswordsFromTheEnvironment() throws Exception {
        EmailOptions e = load("""
                        email:
                          address: contact@council.example
                          imap: {host: imap.council.example, username: contact}
                          smtp: {host: smtp.council.example, port: 587, security: starttls, username: contact}
                          pollInterval: 2m
                        """, Map.of("FC_IMAP_PASSWORD", "imap-secret", "FC_SMTP_PASSWORD", "smtp-secret"))
                .email();

        assertThat(e.imap().security()).isEqualTo(EmailOptions.Security.TLS);
        assertThat(e.imap().secret()).isEqualTo("imap-secret");
        assertThat(e.smtp().security()).isEqualTo(EmailOptions.Security.STARTTLS);
        assertThat(e.smtp().secret()).isEqualTo("smtp-secret");
        assertThat(e.queue()).isEqualTo("email");
        assertThat(e.pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(e.toString()).doesNotContain("secret");
    }

    @Test
    void aMailboxWithoutItsAddressIsAClearMistake() {
        assertThatThrownBy(() -> load("""
                        email:
                          imap: {host: imap.council.example}
                          smtp: {host: smtp.council.example}
                        """, Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("email.address");
    }

    @Test
    void anSmsGatewayTakesItsTokenAndWebhookSecretFromTheEnvironment() throws Exception {
        SmsOptions s = load(
                        """
                        sms:
                          gatewayUrl: https://sms.example.net/v1/messages
                          inbound: true
                        """,
                        Map.of("FC_SMS_GATEWAY_TOKEN", "t0ken", "FC_SMS_WEBHOOK_SECRET", "a-secret-of-the-gateway"))
                .sms();

        assertThat(s.gatewayUrl()).isEqualTo(URI.create("https://sms.example.net/v1/messages"));
        assertThat(s.gatewayToken()).isEqualTo("t0ken");
        assertThat(s.inbound()).isTrue();
        assertThat(s.toString()).doesNotContain("t0ken").doesNotContain("a-secret");
    }

    @Test
    void inboundTextsWithoutAWebhookSecretAreAClearMistake() {
        assertThatThrownBy(() -> load("sms:\n  inbound: true\n", Map.of()))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("webhookSecret");
    }
}
