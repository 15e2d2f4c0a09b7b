package io.firstcontact.channels.sms;

import static io.firstcontact.channels.TestRouting.await;
import static io.firstcontact.channels.TestRouting.join;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.channels.TestRouting;
import io.firstcontact.channels.conversation.ConversationBook;
import io.firstcontact.channels.conversation.SealingKey;
import io.firstcontact.channels.conversation.TranscriptStore;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Entry;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Phase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Residents' texts come in by the gateway's signed webhook and become interactions; an advisor's answer goes back out
 * through the gateway. Real HTTP both ways (the webhook on a free port, a local server playing the provider), real
 * routing.
 */
class SmsWebhookTest {
    static final String SECRET = "a-shared-secret-of-the-gateway";

    @TempDir
    Path dir;

    final GatewayServer provider = new GatewayServer();
    final HttpClient http = HttpClient.newHttpClient();
    TestRouting routing;
    ExecutorService io;
    ConversationBook book;
    SmsAdapter adapter;
    HttpServer server;

    @BeforeEach
    void start() {
        routing = new TestRouting();
        io = Executors.newSingleThreadExecutor();
        book = new ConversationBook(
                new TranscriptStore(dir, SealingKey.loadOrCreate(dir.resolve("key")), Duration.ofDays(30)),
                io,
                InstantSource.system());
        SmsOptions options = new SmsOptions(provider.url(), "t0ken", null, null, true, SECRET, TestRouting.SMS_QUEUE);
        adapter = new SmsAdapter(options, new HttpSmsGateway(options), book, routing, InstantSource.system());
        Router router = Router.router(provider.vertx);
        adapter.mount(router);
        server = join(provider.vertx
                .createHttpServer()
                .requestHandler(router)
                .listen(0, "127.0.0.1")
                .toCompletionStage());
        join(adapter.start(routing));
    }

    @AfterEach
    void stop() {
        join(adapter.stop());
        provider.close();
        io.shutdownNow();
        routing.close();
    }

    @Test
    void aSignedTextBecomesAnInteractionInTheSmsQueue() throws Exception {
        HttpResponse<String> r = post(body("gw-1", "07700 900123", "Is my bin day changing?"), true, 0);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(created()).hasSize(1);
        Fact.InteractionCreated c = created().getFirst();
        assertThat(c.sourceRef()).isEqualTo("sms:gw-1");
        await("queued", () -> routing.interaction(c.interactionId()).phase() == Phase.QUEUED);
        assertThat(routing.interaction(c.interactionId()).queue()).isEqualTo(TestRouting.SMS_QUEUE);
        assertThat(texts(c.interactionId())).containsExactly("Is my bin day changing?");
    }

    @Test
    void anUnsignedTextIsRefusedAndChangesNothing() throws Exception {
        HttpResponse<String> r = post(body("gw-1", "07700 900123", "Hello"), false, 0);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(created()).isEmpty();
    }

    @Test
    void aTextSignedWithAnotherSecretIsRefused() throws Exception {
        String body = body("gw-1", "07700 900123", "Hello");
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        HttpResponse<String> r = send(body, ts, signature("another-secret-entirely-here", ts, body));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(created()).isEmpty();
    }

    @Test
    void aSignedTextReplayedLaterThanFiveMinutesIsRefused() throws Exception {
        HttpResponse<String> r = post(body("gw-1", "07700 900123", "Hello"), true, -600);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(created()).isEmpty();
    }

    @Test
    void aTextTheGatewaySendsAgainAddsNothing() throws Exception {
        String body = body("gw-1", "07700 900123", "Hello");
        post(body, true, 0);

        HttpResponse<String> again = post(body, true, 0);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(created()).hasSize(1);
        assertThat(texts(created().getFirst().interactionId())).containsExactly("Hello");
    }

    @Test
    void aSecondTextWhileTheFirstWaitsJoinsItsConversation() throws Exception {
        post(body("gw-1", "07700 900123", "Hello"), true, 0);

        post(body("gw-2", "+447700900123", "It is about my bin."), true, 0);

        assertThat(created()).hasSize(1);
        assertThat(texts(created().getFirst().interactionId())).containsExactly("Hello", "It is about my bin.");
    }

    @Test
    void aCardNumberInATextIsMaskedBeforeItIsKept() throws Exception {
        post(body("gw-1", "07700 900123", "Card 4111 1111 1111 1111 exp 12/29"), true, 0);

        String kept = texts(created().getFirst().interactionId()).getFirst();
        assertThat(kept).doesNotContain("4111 1111 1111 1111").contains("12/29");
        assertThat(routing.journalText()).doesNotContainPattern(TestRouting.CARD_START);
    }

    @Test
    void theAdvisorsAnswerIsTextedBackThroughTheGateway() throws Exception {
        routing.logIn("adv-1");
        post(body("gw-1", "07700 900123", "Is my bin day changing?"), true, 0);
        String id = created().getFirst().interactionId();
        await("with the advisor", () -> routing.interaction(id).phase() == Phase.CONNECTED);

        join(book.write(id, Author.advisor("adv-1", "Sam"), "a-1", "No, it stays on Tuesday."));

        assertThat(provider.received).hasSize(1);
        assertThat(provider.received.getFirst().body().path("to").asText()).isEqualTo("+447700900123");
        assertThat(provider.received.getFirst().body().path("text").asText()).isEqualTo("No, it stays on Tuesday.");
        assertThat(texts(id)).containsExactly("Is my bin day changing?", "No, it stays on Tuesday.");
    }

    // ------------------------------------------------------------------ the gateway's side

    private static String body(String id, String from, String text) {
        return "{\"id\":\"" + id + "\",\"from\":\"" + from + "\",\"to\":\"Council\",\"text\":\"" + text + "\"}";
    }

    private HttpResponse<String> post(String body, boolean signed, long skewSeconds) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis() / 1000 + skewSeconds);
        return send(body, ts, signed ? signature(SECRET, ts, body) : null);
    }

    private HttpResponse<String> send(String body, String ts, String signature) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + SmsWebhook.PATH))
                .header("Content-Type", "application/json")
                .header("X-Signature-Timestamp", ts)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            b.header("X-Signature", signature);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signature(String secret, String ts, String body) {
        return "sha256="
                + HexFormat.of()
                        .formatHex(SmsWebhook.sign(
                                secret.getBytes(StandardCharsets.UTF_8), ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    private List<Fact.InteractionCreated> created() {
        return routing.facts.stream()
                .filter(f ->
                        f instanceof Fact.InteractionCreated c && c.channel().equals("sms"))
                .map(f -> (Fact.InteractionCreated) f)
                .toList();
    }

    private List<String> texts(String interactionId) {
        return join(book.transcript(interactionId)).orElseThrow().entries().stream()
                .map(Entry::text)
                .toList();
    }
}
