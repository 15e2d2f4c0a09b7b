package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.event.Fact;
import io.firstcontact.server.config.ConfigLoader;
import io.firstcontact.server.config.ServerConfig;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In demo mode anyone on the machine can email the demo centre: its embedded mail server takes it and routes it. */
class DemoMailTest {
    @TempDir
    Path dir;

    @Test
    void anEmailSentToTheDemoCentresSmtpPortBecomesAnEmailInteraction() throws Exception {
        ServerConfig config = new ConfigLoader()
                .load(
                        Optional.empty(),
                        Map.of(
                                "FC_DATA_DIR", dir.resolve("data").toString(),
                                "FC_HTTP_HOST", "127.0.0.1",
                                "FC_HTTP_PORT", "0",
                                "FC_MANAGEMENT_PORT", "0"));
        CompletableFuture<Fact.InteractionCreated> routed = new CompletableFuture<>();
        try (FirstContactServer server = new FirstContactServer(config)) {
            server.runtime().subscribe((input, decision) -> {
                for (Fact f : decision.facts()) {
                    if (f instanceof Fact.InteractionCreated c
                            && c.sourceRef().equals("email:contact:hello@example.org")) {
                        routed.complete(c);
                    }
                }
            });
            server.start();

            Properties p = new Properties();
            p.put("mail.smtp.host", "127.0.0.1");
            p.put("mail.smtp.port", String.valueOf(server.mail().demoSmtpPort()));
            MimeMessage m = new MimeMessage(Session.getInstance(p)) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", "<hello@example.org>");
                }
            };
            m.setFrom(new InternetAddress("ada@example.org", "Ada"));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress("contact@council.example"));
            m.setSubject("Missed bin");
            m.setText("The bin on Mill Lane was missed.");
            Transport.send(m);

            Fact.InteractionCreated c = routed.get(30, TimeUnit.SECONDS);
            assertThat(c.channel()).isEqualTo("email");
        }
    }
}
