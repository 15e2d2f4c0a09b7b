package io.firstcontact.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.account.arrival.Readiness;
import io.firstcontact.router.account.demo.DemoBackOfficeServer;
import io.firstcontact.router.account.demo.DemoResidents;
import io.firstcontact.router.api.account.Account;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account context in a running server, behind a back office over HTTP that takes two seconds to answer: a caller
 * is looked up when they arrive in the IVR, so their account is in the cache before their offer and the screen pop
 * does not ask the back office again.
 */
class AccountContextTest {
    @TempDir
    static Path dir;

    static Vertx vertx;
    static DemoBackOfficeServer backOffice;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        backOffice = new DemoBackOfficeServer(vertx, DemoResidents.shipped(), "test-back-office-token");
        int port = backOffice.start(0).toCompletionStage().toCompletableFuture().get();
        backOffice.answerDelay(Duration.ofSeconds(2));
        s = TestServer.start(
                dir.resolve("data"),
                Map.of(
                        "account",
                        Map.of(
                                "backOffice",
                                Map.of(
                                        "kind",
                                        "http",
                                        "http",
                                        Map.of(
                                                "url", "http://127.0.0.1:" + port,
                                                "token", "test-back-office-token",
                                                "requestTimeout", "15s")),
                                "cluster",
                                Map.of("name", "test-" + UUID.randomUUID()))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (s != null) {
            s.close();
        }
        backOffice.close();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    /** The server's account context, waiting for its start (it starts once routing has recovered). */
    private static io.firstcontact.router.account.AccountContext account() {
        return s.server
                .account()
                .orTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                .join();
    }

    /** Polls until {@code condition} holds, failing after {@code deadline}. */
    private static void until(java.util.function.BooleanSupplier condition, Duration deadline, String what) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within " + deadline + ": " + what).isLessThan(end);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    private static String customerRefOf(String interactionId) {
        try {
            var interaction = s.get("supervisor", "/api/v1/interactions/" + interactionId);
            return interaction.json().path("customerRef").asText(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCallersAccountIsInTheCacheBeforeTheirOfferAndTheScreenPopAsksTheBackOfficeNothing() throws Exception {
        Account resident = DemoResidents.shipped().residents().stream()
                .filter(a -> a.phone() != null)
                .findFirst()
                .orElseThrow();
        account(); // it starts once routing has recovered: only then are arrivals warmed
        var created = s.post(
                "integration",
                "/api/v1/interactions",
                "{\"sourceRef\":\"pbx:warm.1\",\"channel\":\"voice\",\"attributes\":{\"callerNumber\":\""
                        + resident.phone() + "\"}}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("interactionId").asText();
        // The caller is in the IVR while the back office takes its two seconds.
        until(
                () -> account().statistics().cache().backOfficeLookups() == 1
                        && account().statistics().cache().lookups() >= 1
                        && backOffice.lookups() == 1,
                Duration.ofSeconds(10),
                "the arrival's lookup reached the back office");
        until(
                () -> account().forInteraction(id).toCompletableFuture().isDone(),
                Duration.ofSeconds(10),
                "the arrival's lookup finished");
        assertThat(account().member().getMap("firstcontact.accounts").containsKey(resident.customerRef()))
                .isTrue();
        // The call came with only the caller's number: routing now knows who the customer is (IdentifyCustomer).
        until(
                () -> resident.customerRef().equals(customerRefOf(id)),
                Duration.ofSeconds(10),
                "the interaction took the customer's reference");

        assertThat(s.post("integration", "/api/v1/agents/a0/login", "{\"ready\":true}")
                        .status())
                .isEqualTo(200);
        var queued =
                s.post("integration", "/api/v1/interactions/" + id + "/queue", "{\"queue\":{\"queue\":\"billing\"}}");
        assertThat(queued.raw().body()).contains("OfferCreated");

        assertThat(account().statistics().warming().offers(Readiness.READY)).isEqualTo(1);
        var screenPop = s.get("agent-a0", "/api/v1/interactions/" + id + "/account");
        assertThat(screenPop.status()).isEqualTo(200);
        assertThat(screenPop.json().at("/account/customerRef").asText()).isEqualTo(resident.customerRef());
        assertThat(backOffice.lookups()).isEqualTo(1);
        System.gc(); // the meters read the context through state Micrometer holds only weakly: it must still be there
        String metrics = ApiClient.HTTP
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.management() + "/metrics"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(metrics).contains("firstcontact_account_offers_total{context=\"ready\",mode=\"production\"} 1.0");
    }
}
