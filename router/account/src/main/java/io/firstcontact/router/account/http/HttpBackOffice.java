package io.firstcontact.router.account.http;

import io.firstcontact.router.account.AccountJson;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeException;
import io.firstcontact.router.api.account.BackOfficeRefusedException;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.BackOfficeUnavailableException.Reason;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.FormAnswers;
import io.firstcontact.router.api.account.Payment;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account directory of a real back office, over HTTP and JSON (docs/back-office.md): a lookup is
 * {@code GET {url}/accounts/{kind}/{value}} answering the account (200) or nothing (404); a record is a
 * {@code POST} of its JSON to {@code {url}/payments}, {@code /forms} or {@code /contacts}.
 *
 * <p>Every call has a connect timeout and a whole-request timeout and goes through one circuit breaker
 * (Resilience4j): once enough of the recent calls failed (no answer in time, unreachable, a server error, an answer
 * that is not the documented format) calls fail at once with {@link Reason#CIRCUIT_OPEN} for a while, then one is let
 * through to see whether the back office is back. A 404, or a refused record (4xx), is an answer, not a failure.
 */
public final class HttpBackOffice implements AccountDirectory, AutoCloseable {
    /** An answer larger than this is not an account. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpBackOffice.class);

    private final WebClient client;
    private final HttpBackOfficeOptions options;
    private final CircuitBreaker breaker;
    private final String base;

    /**
     * @param clock the breaker's clock: how long it stays open is measured on it (tests step it)
     */
    public HttpBackOffice(Vertx vertx, HttpBackOfficeOptions options, Clock clock) {
        this.options = options;
        String url = options.url().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.client = WebClient.create(
                vertx,
                new WebClientOptions()
                        .setConnectTimeout((int) options.connectTimeout().toMillis())
                        .setUserAgent("FirstContact")
                        .setFollowRedirects(false),
                new PoolOptions().setHttp1MaxSize(options.maxConnections()));
        this.breaker = CircuitBreaker.of(
                "back-office",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(options.breakerWindow())
                        .minimumNumberOfCalls(options.breakerMinimumCalls())
                        .failureRateThreshold(options.breakerFailureRatePercent())
                        .waitDurationInOpenState(options.breakerOpenFor())
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .recordException(e -> e instanceof BackOfficeUnavailableException)
                        .clock(clock)
                        .build());
        breaker.getEventPublisher().onStateTransition(e -> {
            switch (e.getStateTransition().getToState()) {
                case OPEN ->
                    LOG.warn(
                            "back office failing ({}% of recent calls): calls fail at once for {}; screen pops say the account"
                                    + " context is unavailable until it answers again",
                            Math.round(breaker.getMetrics().getFailureRate()), options.breakerOpenFor());
                case HALF_OPEN -> LOG.info("back office: letting one call through to see whether it is back");
                case CLOSED -> LOG.info("back office answering again: account context lookups resume");
                default -> {}
            }
        });
    }

    /** The breaker's state, for health and metrics: CLOSED, OPEN or HALF_OPEN. */
    public String breakerState() {
        return breaker.getState().name();
    }

    @Override
    public CompletionStage<Optional<Account>> find(AccountKey key) {
        String path = "/accounts/" + key.kind().prefix() + "/" + URLEncoder.encode(key.value(), StandardCharsets.UTF_8);
        return call(client.getAbs(base + path), null, response -> switch (response.statusCode()) {
            case 200 -> Optional.of(account(key, response));
            case 404 -> Optional.empty();
            default -> throw status(response);
        });
    }

    @Override
    public CompletionStage<Void> recordPayment(Payment payment) {
        return record("/payments", payment);
    }

    @Override
    public CompletionStage<Void> recordFormAnswers(FormAnswers answers) {
        return record("/forms", answers);
    }

    @Override
    public CompletionStage<Void> recordContact(ContactSummary summary) {
        return record("/contacts", summary);
    }

    @Override
    public void close() {
        client.close();
    }

    private CompletionStage<Void> record(String path, Object body) {
        return call(client.postAbs(base + path), Buffer.buffer(AccountJson.write(body)), response -> {
            int status = response.statusCode();
            if ((status >= 200 && status < 300) || status == 409) { // 409: recorded already, a retry changes nothing
                return null;
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new BackOfficeRefusedException(
                        "the back office refused it (" + status + " " + title(response) + ")");
            }
            throw status(response);
        });
    }

    /**
     * One call through the breaker: its outcome (an exception from {@code read} included) is what the breaker counts.
     */
    private <T> CompletionStage<T> call(
            HttpRequest<Buffer> request, Buffer body, Function<HttpResponse<Buffer>, T> read) {
        if (!breaker.tryAcquirePermission()) {
            return CompletableFuture.failedFuture(new BackOfficeUnavailableException(
                    Reason.CIRCUIT_OPEN, "the back office is failing: calls are not tried for a while"));
        }
        long started = System.nanoTime();
        long timeout = options.requestTimeout().toMillis();
        request.connectTimeout(options.connectTimeout().toMillis())
                .timeout(timeout)
                .putHeader("Accept", "application/json");
        if (options.token() != null) {
            request.bearerTokenAuthentication(options.token());
        }
        Future<HttpResponse<Buffer>> sent = body == null
                ? request.send()
                : request.putHeader("Content-Type", "application/json").sendBuffer(body);
        CompletableFuture<T> result = new CompletableFuture<>();
        // The request's own timeout is between bytes; this one bounds the whole answer.
        sent.timeout(timeout, TimeUnit.MILLISECONDS).onComplete(ar -> {
            long took = System.nanoTime() - started;
            try {
                if (ar.failed()) {
                    throw unavailable(ar.cause());
                }
                T value = read.apply(ar.result());
                breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                result.complete(value);
            } catch (BackOfficeException e) {
                breaker.onError(took, TimeUnit.NANOSECONDS, e);
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                BackOfficeUnavailableException u =
                        new BackOfficeUnavailableException(Reason.MALFORMED_ANSWER, "unreadable answer", e);
                breaker.onError(took, TimeUnit.NANOSECONDS, u);
                result.completeExceptionally(u);
            }
        });
        return result;
    }

    private static Account account(AccountKey key, HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() > MAX_ANSWER_BYTES) {
            throw new BackOfficeUnavailableException(
                    Reason.MALFORMED_ANSWER, "the account answer is empty or too large");
        }
        Account account;
        try {
            account = AccountJson.readAccount(body.getBytes());
        } catch (IOException e) {
            // The parser's message may quote the answer, which is personal data: keep only where it failed.
            throw new BackOfficeUnavailableException(
                    Reason.MALFORMED_ANSWER, "the answer is not an account as docs/back-office.md describes it");
        }
        if (key.kind() == AccountKey.Kind.CUSTOMER_REF && !account.customerRef().equals(key.value())) {
            throw new BackOfficeUnavailableException(
                    Reason.MALFORMED_ANSWER, "the answer is another customer's account than the one asked for");
        }
        return account;
    }

    private static BackOfficeUnavailableException status(HttpResponse<Buffer> response) {
        return new BackOfficeUnavailableException(
                Reason.ERROR_STATUS, "the back office answered " + response.statusCode());
    }

    private static String title(HttpResponse<Buffer> response) {
        try {
            var problem = AccountJson.MAPPER.readTree(
                    response.body() == null ? new byte[0] : response.body().getBytes());
            String title = problem == null ? null : problem.path("title").asText(null);
            if (title != null
                    && title.length() <= 200
                    && !io.firstcontact.router.api.model.CardNumberTripwire.containsCardNumber(title)) {
                return title;
            }
        } catch (IOException | RuntimeException e) {
            // not a problem document: the status says enough
        }
        return "no reason given";
    }

    private static BackOfficeUnavailableException unavailable(Throwable cause) {
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof io.netty.channel.ConnectTimeoutException) {
            return new BackOfficeUnavailableException(Reason.TIMEOUT, "the back office did not answer in time", cause);
        }
        if (cause instanceof ConnectException
                || cause instanceof UnknownHostException
                || cause instanceof io.vertx.core.http.HttpClosedException
                || cause instanceof IOException) {
            return new BackOfficeUnavailableException(
                    Reason.UNREACHABLE,
                    "the back office cannot be reached: " + cause.getClass().getSimpleName(),
                    cause);
        }
        return new BackOfficeUnavailableException(
                Reason.UNREACHABLE,
                "the back office call failed: " + cause.getClass().getSimpleName(),
                cause);
    }
}
