package io.firstcontact.router.account;

import io.firstcontact.router.account.http.HttpBackOfficeOptions;
import java.util.Objects;

/**
 * Which back office answers for accounts.
 *
 * @param kind {@code demo}: the shipped fictional residents, in memory; {@code http}: a real back office over the
 *     HTTP JSON format of docs/back-office.md
 * @param http how to reach it, for {@code http}
 */
public record BackOfficeOptions(Kind kind, HttpBackOfficeOptions http) {
    public static final BackOfficeOptions DEFAULT = new BackOfficeOptions(null, null);

    /** The kinds of back office. */
    public enum Kind {
        DEMO,
        HTTP
    }

    public BackOfficeOptions {
        kind = Objects.requireNonNullElse(kind, Kind.DEMO);
        if (kind == Kind.HTTP && http == null) {
            throw new IllegalArgumentException("account.backOffice.http.url is required for kind http");
        }
    }
}
