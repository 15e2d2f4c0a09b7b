package io.firstcontact.router.account.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.account.Await;
import io.firstcontact.router.account.Residents;
import io.firstcontact.router.account.SteppedClock;
import io.firstcontact.router.account.demo.DemoBackOfficeServer;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeRefusedException;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.BackOfficeUnavailableException.Reason;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.account.Pcn;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP connector against real HTTP servers started in the test: the demo back office speaking the documented
 * format, and servers that are slow, down, failing or talking nonsense.
 */
class HttpBackOfficeTest {
    private static final String TOKEN = "back-office-token-0123456789";

    private final Vertx vertx = Vertx.vertx();
    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        Await.result(vertx.close().toCompletionStage());
    }

    @Test
    void aKnownCallerIsResolvedFromTheBackOfficeByTheirNumber() {
        Account resident =
                Residents.first(a -> a.phone() != null && a.homeCouncilTax().isPresent());
        HttpBackOffice backOffice = connector(demoServer(), HttpBackOfficeOptions::withToken);

        Optional<Account> found = Await.result(backOffice.find(AccountKey.callerNumber(resident.phone())));

        assertThat(found).contains(resident);
    }

    @Test
    void aCallerTheBackOfficeDoesNotKnowIsNotFoundRatherThanAFailure() {
        HttpBackOffice backOffice = connector(demoServer(), HttpBackOfficeOptions::withToken);

        assertThat(Await.result(backOffice.find(AccountKey.customerRef("C-999999"))))
                .isEmpty();
        assertThat(Await.result(backOffice.find(AccountKey.email("nobody@example.invalid"))))
                .isEmpty();
        assertThat(backOffice.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void aBackOfficeSlowerThanTheTimeoutIsUnavailableBeforeItAnswers() {
        AtomicBoolean answered = new AtomicBoolean();
        int port = server(request -> vertx.setTimer(2_000, id -> {
            answered.set(true);
            request.response().setStatusCode(404).end();
        }));
        HttpBackOffice backOffice = new HttpBackOffice(
                vertx, HttpBackOfficeOptions.at(url(port)).withRequestTimeout(Duration.ofMillis(300)), clock);
        closing.add(backOffice);

        Throwable failure = Await.failure(backOffice.find(AccountKey.customerRef("C-100001")));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(answered).as("failed before the back office's 2 s answer").isFalse();
    }

    @Test
    void aBackOfficeThatIsDownIsUnreachable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once it is closed
        }
        HttpBackOffice backOffice = new HttpBackOffice(vertx, HttpBackOfficeOptions.at(url(closed)), clock);
        closing.add(backOffice);

        Throwable failure = Await.failure(backOffice.find(AccountKey.customerRef("C-100001")));

        assertThat(failure)
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void anAnswerThatIsNotAnAccountIsMalformedAndNeverQuotedInTheMessage() {
        List<String> answers = List.of(
                "this is not JSON",
                "{\"customerRef\":\"C-100001\"}",
                "[1,2,3]",
                "{\"customerRef\":\"C-100001\",\"uprn\":\"100090000007\",\"name\":\"Card 4111 1111 1111 1111\","
                        + "\"address\":{\"lines\":[\"1 Hawthorn Avenue\"],\"postcode\":\"HA1 9BY\"}}");
        AtomicInteger next = new AtomicInteger();
        int port = server(request -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(answers.get(next.getAndIncrement())));
        HttpBackOffice backOffice = new HttpBackOffice(vertx, HttpBackOfficeOptions.at(url(port)), clock);
        closing.add(backOffice);

        for (int i = 0; i < answers.size(); i++) {
            Throwable failure = Await.failure(backOffice.find(AccountKey.customerRef("C-100001")));
            assertThat(failure).isInstanceOfSatisfying(BackOfficeUnavailableException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ANSWER);
                assertThat(e.getMessage()).doesNotContain("4111").doesNotContain("Hawthorn");
            });
        }
    }

    @Test
    void anotherCustomersAccountForACustomerRefIsMalformed() {
        Account someoneElse = Residents.first(a -> !a.customerRef().equals("C-100001"));
        int port = server(request -> request.response()
                .putHeader("Content-Type", "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(
                        io.firstcontact.router.account.AccountJson.write(someoneElse))));
        HttpBackOffice backOffice = new HttpBackOffice(vertx, HttpBackOfficeOptions.at(url(port)), clock);
        closing.add(backOffice);

        assertThat(Await.failure(backOffice.find(AccountKey.customerRef("C-100001"))))
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_ANSWER));
    }

    @Test
    void aServerErrorIsUnavailable() {
        int port = server(request -> request.response().setStatusCode(500).end());
        HttpBackOffice backOffice = new HttpBackOffice(vertx, HttpBackOfficeOptions.at(url(port)), clock);
        closing.add(backOffice);

        assertThat(Await.failure(backOffice.find(AccountKey.customerRef("C-100001"))))
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR_STATUS));
    }

    @Test
    void afterRepeatedFailuresTheBreakerOpensAndCallsFailAtOnceWithoutReachingTheBackOffice() {
        AtomicInteger calls = new AtomicInteger();
        int port = server(request -> {
            calls.incrementAndGet();
            request.response().setStatusCode(503).end();
        });
        HttpBackOffice backOffice = new HttpBackOffice(
                vertx, HttpBackOfficeOptions.at(url(port)).withBreaker(4, 4, Duration.ofSeconds(10)), clock);
        closing.add(backOffice);
        for (int i = 0; i < 4; i++) {
            Await.failure(backOffice.find(AccountKey.customerRef("C-100001")));
        }
        assertThat(backOffice.breakerState()).isEqualTo("OPEN");

        Throwable fast = Await.failure(backOffice.find(AccountKey.customerRef("C-100001")));

        assertThat(fast)
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CIRCUIT_OPEN));
        assertThat(calls).hasValue(4);
    }

    @Test
    void anOpenBreakerLetsACallThroughAfterItsWaitAndClosesWhenTheBackOfficeAnswersAgain() {
        AtomicBoolean healthy = new AtomicBoolean(false);
        AtomicInteger calls = new AtomicInteger();
        int port = server(request -> {
            calls.incrementAndGet();
            request.response().setStatusCode(healthy.get() ? 404 : 503).end();
        });
        HttpBackOffice backOffice = new HttpBackOffice(
                vertx, HttpBackOfficeOptions.at(url(port)).withBreaker(4, 4, Duration.ofSeconds(10)), clock);
        closing.add(backOffice);
        for (int i = 0; i < 4; i++) {
            Await.failure(backOffice.find(AccountKey.customerRef("C-100001")));
        }
        healthy.set(true);
        clock.advance(Duration.ofSeconds(9));
        assertThat(Await.failure(backOffice.find(AccountKey.customerRef("C-100001"))))
                .isInstanceOf(BackOfficeUnavailableException.class);

        clock.advance(Duration.ofSeconds(2));
        Optional<Account> answer = Await.result(backOffice.find(AccountKey.customerRef("C-100001")));

        assertThat(answer).isEmpty();
        assertThat(calls).hasValue(5);
        assertThat(backOffice.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void aPaymentIsPostedWithBrandAndLastFourOnlyAndChangesTheBackOffice() {
        Account resident = Residents.first(a -> a.pcns().stream().anyMatch(p -> p.status() == Pcn.Status.OPEN));
        Pcn pcn = resident.pcns().stream()
                .filter(p -> p.status() == Pcn.Status.OPEN)
                .findFirst()
                .orElseThrow();
        var directory = Residents.directory();
        DemoBackOfficeServer server = new DemoBackOfficeServer(vertx, directory, TOKEN);
        closing.add(server);
        int port = Await.result(server.start(0).toCompletionStage());
        HttpBackOffice backOffice =
                new HttpBackOffice(vertx, HttpBackOfficeOptions.at(url(port)).withToken(TOKEN), clock);
        closing.add(backOffice);

        Await.result(backOffice.recordPayment(payment(pcn, pcn.amountDuePence())));

        Account after = Await.result(directory.find(AccountKey.customerRef(resident.customerRef())))
                .orElseThrow();
        assertThat(after.pcn(pcn.reference()).orElseThrow().status()).isEqualTo(Pcn.Status.PAID);
    }

    @Test
    void aRefusedRecordIsTheBackOfficesAnswerNotAFailure() {
        int port = server(request -> request.response()
                .setStatusCode(422)
                .putHeader("Content-Type", "application/problem+json")
                .end("{\"title\":\"the PCN is not payable\"}"));
        HttpBackOffice backOffice = new HttpBackOffice(
                vertx, HttpBackOfficeOptions.at(url(port)).withBreaker(2, 2, Duration.ofSeconds(10)), clock);
        closing.add(backOffice);
        Pcn pcn = new Pcn("HW12345678", "AB12CDE", 13_000, Pcn.Status.OPEN, Residents.asOf());

        for (int i = 0; i < 3; i++) {
            assertThat(Await.failure(backOffice.recordPayment(payment(pcn, 100))))
                    .isInstanceOf(BackOfficeRefusedException.class)
                    .hasMessageContaining("the PCN is not payable");
        }
        assertThat(backOffice.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void aWrongTokenIsRefusedByTheDemoBackOffice() {
        DemoBackOfficeServer server = new DemoBackOfficeServer(vertx, Residents.directory(), TOKEN);
        closing.add(server);
        int port = Await.result(server.start(0).toCompletionStage());
        HttpBackOffice backOffice =
                new HttpBackOffice(vertx, HttpBackOfficeOptions.at(url(port)).withToken("wrong-token"), clock);
        closing.add(backOffice);

        assertThat(Await.failure(backOffice.find(AccountKey.customerRef("C-100001"))))
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.ERROR_STATUS));
    }

    // ------------------------------------------------------------------ helpers

    private static Payment payment(Pcn pcn, long amount) {
        return new Payment(
                Payment.Kind.PCN,
                pcn.reference(),
                amount,
                "AUTH-" + pcn.reference(),
                "VISA",
                "1111",
                Instant.parse("2026-12-07T10:00:00Z"),
                null,
                null);
    }

    private int demoServer() {
        DemoBackOfficeServer server = new DemoBackOfficeServer(vertx, Residents.directory(), TOKEN);
        closing.add(server);
        return Await.result(server.start(0).toCompletionStage());
    }

    private HttpBackOffice connector(
            int port, java.util.function.BiFunction<HttpBackOfficeOptions, String, HttpBackOfficeOptions> withToken) {
        HttpBackOffice backOffice =
                new HttpBackOffice(vertx, withToken.apply(HttpBackOfficeOptions.at(url(port)), TOKEN), clock);
        closing.add(backOffice);
        return backOffice;
    }

    private int server(Handler<HttpServerRequest> handler) {
        HttpServer s = Await.result(vertx.createHttpServer()
                .requestHandler(handler)
                .listen(0, "127.0.0.1")
                .toCompletionStage());
        closing.add(() -> Await.result(s.close().toCompletionStage()));
        return s.actualPort();
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
