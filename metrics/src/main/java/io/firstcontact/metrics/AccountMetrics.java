package io.firstcontact.metrics;

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
 * The account context's figures as meters: lookups and where they were answered ({@code firstcontact.account.*}),
 * how ready the context was when each offer was made ({@code firstcontact.account.offers{context=ready|pending|…}}:
 * the share {@code ready} is how often a screen pop is a cache hit), preferences found and applied by routing on the
 * citizen's account, and the back office's circuit breaker. Read from the account context's counters at each scrape.
 */
public final class AccountMetrics implements MeterBinder {
    private final Supplier<AccountStatistics> statistics;

    public AccountMetrics(Supplier<AccountStatistics> statistics) {
        this.statistics = statistics;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(
                registry,
                "firstcontact.account.lookups",
                "Account lookups asked of the cache",
                s -> s.cache().lookups());
        counter(
                registry,
                "firstcontact.account.cache.hits",
                "Account lookups answered from the cache",
                s -> s.cache().hits());
        counter(
                registry,
                "firstcontact.account.lookups.joined",
                "Account lookups that joined a back-office lookup already running for the same customer",
                s -> s.cache().joined());
        counter(
                registry,
                "firstcontact.account.backoffice.lookups",
                "Account lookups passed on to the back office",
                s -> s.cache().backOfficeLookups());
        counter(
                registry,
                "firstcontact.account.backoffice.failures",
                "Back-office lookups that failed (timeout, unreachable, circuit open, unreadable answer)",
                s -> s.cache().backOfficeFailures());
        counter(
                registry,
                "firstcontact.account.arrivals.identified",
                "Arrivals whose customer was identified and looked up at once",
                s -> s.warming().arrivals());
        for (Readiness r : Readiness.values()) {
            FunctionCounter.builder(
                            "firstcontact.account.offers",
                            statistics,
                            st -> st.get().warming().offers(r))
                    .description("Offers made, by how ready the interaction's account context was at that moment")
                    .tag("context", r.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        FunctionCounter.builder(
                        "firstcontact.account.preferences",
                        statistics,
                        st -> st.get().routing().caseOwners())
                .description("Arrivals whose customer has a preferred advisor, by why")
                .tag("reason", "case_owner")
                .register(registry);
        FunctionCounter.builder(
                        "firstcontact.account.preferences",
                        statistics,
                        st -> st.get().routing().lastAdvisors())
                .description("Arrivals whose customer has a preferred advisor, by why")
                .tag("reason", "last_advisor")
                .register(registry);
        FunctionCounter.builder(
                        "firstcontact.account.preferences.applied",
                        statistics,
                        st -> st.get().routing().atQueueing())
                .description("Preferred advisors made PREFER targets, by when")
                .tag("when", "at_queueing")
                .register(registry);
        FunctionCounter.builder(
                        "firstcontact.account.preferences.applied",
                        statistics,
                        st -> st.get().routing().whileWaiting())
                .description("Preferred advisors made PREFER targets, by when")
                .tag("when", "while_waiting")
                .register(registry);
        counter(
                registry,
                "firstcontact.account.preferences.switched.off",
                "Preferred advisors not applied because a supervisor turned it off for the queue",
                s -> s.routing().switchedOff());
        Gauge.builder("firstcontact.account.backoffice.breaker", statistics, st -> switch (st.get()
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
}
