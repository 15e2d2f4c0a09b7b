package io.firstcontact.channels.sms;

import static io.firstcontact.channels.TestRouting.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.notify.Message;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP connector against a real local server playing the provider. */
class HttpSmsGatewayTest {
    final GatewayServer provider = new GatewayServer();

    @AfterEach
    void stop() {
        provider.close();
    }

    private HttpSmsGateway gateway(URI url) {
        return new HttpSmsGateway(new SmsOptions(url, "t0ken", "Council", Duration.ofSeconds(5), false, null, null));
    }

    @Test
    void aTextIsPostedInTheDocumentedJsonShapeWithItsTokenAndAnIdempotencyKey() {
        join(gateway(provider.url()).send("+447700900123", "Your callback is booked for 10:30."));

        assertThat(provider.received).hasSize(1);
        GatewayServer.Received r = provider.received.getFirst();
        assertThat(r.authorization()).isEqualTo("Bearer t0ken");
        assertThat(r.idempotencyKey()).isNotBlank();
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body().path("from").asText()).isEqualTo("Council");
        assertThat(r.body().path("to").asText()).isEqualTo("+447700900123");
        assertThat(r.body().path("text").asText()).isEqualTo("Your callback is booked for 10:30.");
    }

    @Test
    void aRefusalByTheGatewayFailsAsRefused() {
        provider.status = 422;

        assertThatThrownBy(() -> gateway(provider.url())
                        .send("+447700900123", "Hi")
                        .toCompletableFuture()
                        .get())
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(SmsGateway.SmsRefusedException.class)
                .hasMessageContaining("422")
                .hasMessageNotContaining("+447700900123");
    }

    @Test
    void aFailingGatewayFailsAsNotSent() {
        provider.status = 503;

        assertThatThrownBy(() -> gateway(provider.url())
                        .send("+447700900123", "Hi")
                        .toCompletableFuture()
                        .get())
                .cause()
                .isInstanceOf(HttpSmsGateway.SmsNotSentException.class);
    }

    @Test
    void anUnreachableGatewayFailsAsNotSent() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HttpSmsGateway g = gateway(URI.create("http://127.0.0.1:" + closed + "/v1/messages"));

        assertThatThrownBy(() ->
                        g.send("+447700900123", "Hi").toCompletableFuture().get())
                .cause()
                .isInstanceOf(HttpSmsGateway.SmsNotSentException.class);
    }

    @Test
    void theNotifierTextsThroughTheGatewayToTheNumberInE164() {
        MessageNotifier notifier = new MessageNotifier(
                gateway(provider.url()), (to, subject, text) -> CompletableFuture.completedFuture(null));

        join(notifier.send(Message.sms("07700900123", "Pay your PCN online: https://council.example/pcn")));

        assertThat(provider.received.getFirst().body().path("to").asText()).isEqualTo("+447700900123");
    }

    @Test
    void theNotifierSendsEmailsThroughTheMailer() {
        java.util.List<String> mailed = new java.util.concurrent.CopyOnWriteArrayList<>();
        MessageNotifier notifier = new MessageNotifier(gateway(provider.url()), (to, subject, text) -> {
            mailed.add(to + "|" + subject);
            return CompletableFuture.completedFuture(null);
        });

        join(notifier.send(new Message(
                io.firstcontact.router.api.notify.Medium.EMAIL, "ada@example.org", "Your receipt", "Paid £70.")));

        assertThat(mailed).containsExactly("ada@example.org|Your receipt");
        assertThat(provider.received).isEmpty();
    }
}
