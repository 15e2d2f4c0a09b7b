package io.firstcontact.metrics;

import static io.firstcontact.metrics.MeterNames.ACCOUNT_ARRIVALS_IDENTIFIED;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_BACKOFFICE_BREAKER;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_BACKOFFICE_FAILURES;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_BACKOFFICE_LOOKUPS;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_CACHE_HITS;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_LOOKUPS;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_LOOKUPS_JOINED;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_OFFERS;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_PREFERENCES;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_PREFERENCES_APPLIED;
import static io.firstcontact.metrics.MeterNames.ACCOUNT_PREFERENCES_SWITCHED_OFF;

import io.firstcontact.router.account.AccountStatistics;
import io.firstcontact.router.account.arrival.Readiness;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The account context's figures as meters: lookups and where they were answered, how ready the context was when each
 * offer was made ({@code context=ready} is how often a screen pop is a cache hit), preferences found and applied by
 * routing on the citizen's account, and the back office's circuit breaker. Read from the account context's counters
 * at each scrape.
 *
 * <p>Keep the binder referenced for as long as its meters are: Micrometer holds a function counter's state (here the
 * binder's supplier) weakly, and a collected one reads as nothing.
 */
public final class AccountBinder implements MeterBinder {
    private final Supplier<AccountStatistics> statistics;

    public AccountBinder(Supplier<AccountStatistics> statistics) {
        this.statistics = statistics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(
                registry,
                ACCOUNT_LOOKUPS,
                "Account lookups asked of the cache",
                s -> s.cache().lookups());
        counter(
                registry,
                ACCOUNT_CACHE_HITS,
                "Account lookups answered from the cache",
                s -> s.cache().hits());
        counter(
                registry,
                ACCOUNT_LOOKUPS_JOINED,
                "Account lookups that joined a back-office lookup already running for the same customer",
                s -> s.cache().joined());
        counter(
                registry,
                ACCOUNT_BACKOFFICE_LOOKUPS,
                "Account lookups passed on to the back office",
                s -> s.cache().backOfficeLookups());
        counter(
                registry,
                ACCOUNT_BACKOFFICE_FAILURES,
                "Back-office lookups that failed (timeout, unreachable, circuit open, unreadable answer)",
                s -> s.cache().backOfficeFailures());
        counter(
                registry,
                ACCOUNT_ARRIVALS_IDENTIFIED,
                "Arrivals whose customer was identified and looked up at once",
                s -> s.warming().arrivals());
        for (Readiness r : Readiness.values()) {
            tagged(
                    registry,
                    ACCOUNT_OFFERS,
                    "Offers made, by how ready the interaction's account context was at that moment",
                    MeterNames.Tags.CONTEXT,
                    r.name().toLowerCase(Locale.ROOT),
                    s -> s.warming().offers(r));
        }
        String why = "Arrivals whose customer has a preferred advisor, by why";
        tagged(
                registry,
                ACCOUNT_PREFERENCES,
                why,
                MeterNames.Tags.REASON,
                "case_owner",
                s -> s.routing().caseOwners());
        tagged(
                registry,
                ACCOUNT_PREFERENCES,
                why,
                MeterNames.Tags.REASON,
                "last_advisor",
                s -> s.routing().lastAdvisors());
        String when = "Preferred advisors made PREFER targets, by when";
        tagged(
                registry,
                ACCOUNT_PREFERENCES_APPLIED,
                when,
                MeterNames.Tags.WHEN,
                "at_queueing",
                s -> s.routing().atQueueing());
        tagged(
                registry,
                ACCOUNT_PREFERENCES_APPLIED,
                when,
                MeterNames.Tags.WHEN,
                "while_waiting",
                s -> s.routing().whileWaiting());
        counter(
                registry,
                ACCOUNT_PREFERENCES_SWITCHED_OFF,
                "Preferred advisors not applied because a supervisor turned it off for the queue",
                s -> s.routing().switchedOff());
        Gauge.builder(ACCOUNT_BACKOFFICE_BREAKER, statistics, st -> switch (st.get()
                        .breaker()) {
                    case "CLOSED" -> 0;
                    case "HALF_OPEN" -> 1;
                    case "OPEN" -> 2;
                    default -> -1;
                })
                .description("The HTTP back office's circuit breaker: 0 closed, 1 half open, 2 open, -1 none (demo)")
                .register(registry);
    }

    private void counter(
            MeterRegistry registry, String name, String description, ToDoubleFunction<AccountStatistics> value) {
        FunctionCounter.builder(name, statistics, st -> value.applyAsDouble(st.get()))
                .description(description)
                .register(registry);
    }

    private void tagged(
            MeterRegistry registry,
            String name,
            String description,
            String tag,
            String tagValue,
            ToDoubleFunction<AccountStatistics> value) {
        FunctionCounter.builder(name, statistics, st -> value.applyAsDouble(st.get()))
                .description(description)
                .tag(tag, tagValue)
                .register(registry);
    }
}
