package io.firstcontact.router.account.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the connector reaches a back office (docs/back-office.md). A field left null takes its default.
 *
 * @param url the base URL: {@code GET {url}/accounts/{kind}/{value}}, {@code POST {url}/payments}, …
 * @param token a bearer token sent with every request, or null for none
 * @param connectTimeout how long a request may wait for a connection (opening one, or a free one of the pool)
 * @param requestTimeout how long a whole request may take, answer included; a slower answer counts as a failure
 * @param breakerWindow the breaker judges the last this many calls …
 * @param breakerMinimumCalls … once at least this many were made …
 * @param breakerFailureRatePercent … and opens when this share of them failed (timeouts, unreachable, 5xx, unreadable)
 * @param breakerOpenFor how long an open breaker fails calls at once before it lets one through to try
 * @param maxConnections the most connections open to the back office at once: lookups in flight at once (arrivals a
 *     second × the back office's answer time) beyond it wait for a free one, within {@code connectTimeout}
 */
public record HttpBackOfficeOptions(
        URI url,
        String token,
        Duration connectTimeout,
        Duration requestTimeout,
        Integer breakerWindow,
        Integer breakerMinimumCalls,
        Integer breakerFailureRatePercent,
        Duration breakerOpenFor,
        Integer maxConnections) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_BREAKER_WINDOW = 10;
    public static final int DEFAULT_BREAKER_MINIMUM_CALLS = 5;
    public static final int DEFAULT_BREAKER_FAILURE_RATE_PERCENT = 50;
    public static final Duration DEFAULT_BREAKER_OPEN_FOR = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    public HttpBackOfficeOptions {
        Objects.requireNonNull(url, "account.backOffice.url is required for the http back office");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("account.backOffice.url must be an http:// or https:// URL with a host");
        }
        connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
        requestTimeout = positive(requestTimeout, DEFAULT_REQUEST_TIMEOUT, "requestTimeout");
        breakerWindow = Objects.requireNonNullElse(breakerWindow, DEFAULT_BREAKER_WINDOW);
        breakerMinimumCalls = Objects.requireNonNullElse(breakerMinimumCalls, DEFAULT_BREAKER_MINIMUM_CALLS);
        breakerFailureRatePercent =
                Objects.requireNonNullElse(breakerFailureRatePercent, DEFAULT_BREAKER_FAILURE_RATE_PERCENT);
        breakerOpenFor = positive(breakerOpenFor, DEFAULT_BREAKER_OPEN_FOR, "breakerOpenFor");
        maxConnections = Objects.requireNonNullElse(maxConnections, DEFAULT_MAX_CONNECTIONS);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("account.backOffice.http.maxConnections must be ≥ 1");
        }
        if (breakerWindow < 1
                || breakerMinimumCalls < 1
                || breakerFailureRatePercent < 1
                || breakerFailureRatePercent > 100) {
            throw new IllegalArgumentException(
                    "account.backOffice: breakerWindow and breakerMinimumCalls must be ≥ 1, breakerFailureRatePercent 1–100");
        }
    }

    /** The defaults for a back office at {@code url}. */
    public static HttpBackOfficeOptions at(URI url) {
        return new HttpBackOfficeOptions(url, null, null, null, null, null, null, null, null);
    }

    public HttpBackOfficeOptions withRequestTimeout(Duration timeout) {
        return new HttpBackOfficeOptions(
                url,
                token,
                connectTimeout,
                timeout,
                breakerWindow,
                breakerMinimumCalls,
                breakerFailureRatePercent,
                breakerOpenFor,
                maxConnections);
    }

    public HttpBackOfficeOptions withBreaker(int window, int minimumCalls, Duration openFor) {
        return new HttpBackOfficeOptions(
                url,
                token,
                connectTimeout,
                requestTimeout,
                window,
                minimumCalls,
                breakerFailureRatePercent,
                openFor,
                maxConnections);
    }

    public HttpBackOfficeOptions withToken(String bearer) {
        return new HttpBackOfficeOptions(
                url,
                bearer,
                connectTimeout,
                requestTimeout,
                breakerWindow,
                breakerMinimumCalls,
                breakerFailureRatePercent,
                breakerOpenFor,
                maxConnections);
    }

    private static Duration positive(Duration d, Duration fallback, String name) {
        Duration v = Objects.requireNonNullElse(d, fallback);
        if (v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("account.backOffice." + name + " must be positive");
        }
        return v;
    }
}
