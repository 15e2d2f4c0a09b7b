package io.firstcontact.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.metrics.statistics.CustomerKeys;
import io.firstcontact.metrics.statistics.HistoryStore;
import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.metrics.statistics.StatisticsOptions;
import io.firstcontact.router.account.AccountStatistics;
import io.firstcontact.router.engine.Centres;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MeterNamesTest {

    @Test
    void everyNameIsFirstcontactDotLowercaseAndUnique() {
        List<String> names = MeterNames.all();
        assertThat(names).isNotEmpty().doesNotHaveDuplicates();
        assertThat(names).allMatch(n -> n.matches("firstcontact(\\.[a-z]+)+"), "firstcontact.dot.lowercase");
    }

    /** The binders register exactly the names of the one file: none missing there, none unused here. */
    @Test
    void theBindersRegisterExactlyTheNamesOfTheOneFile() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, new MockClock());
        Fed fed = new Fed(1_700_000_000_000L);
        RoutingBinder routing = new RoutingBinder();
        JournalBinder journal = new JournalBinder(new JournalBinder.Health() {
            @Override
            public boolean redisReachable() {
                return true;
            }

            @Override
            public boolean spilling() {
                return false;
            }

            @Override
            public long lostEntries() {
                return 0;
            }
        });
        Statistics statistics = new Statistics(
                StatisticsOptions.DEFAULT, (at, task) -> () -> {}, new HistoryStore.InMemory(), CustomerKeys.UNKEYED);
        EventStreamBinder stream = new EventStreamBinder();
        ApiBinder api = new ApiBinder();
        AccountBinder account = new AccountBinder(() -> AccountStatistics.NONE);
        DeskBinder desk = new DeskBinder(() -> 0);
        WallboardBinder wallboard = new WallboardBinder(() -> 0);
        try (ProcessBinder process = new ProcessBinder()) {
            fed.to(routing).to(statistics);
            fed.configure(Centres.small());
            for (var b : List.of(
                    routing,
                    journal,
                    new StatisticsBinder(statistics),
                    stream,
                    api,
                    desk,
                    wallboard,
                    process,
                    account,
                    new VoiceBinder(List.of("write_stuck")))) {
                b.bindTo(registry);
            }
            fed.agent("a1");
            fed.login("a1", true);
            fed.arrive("i1", "voice", "billing");
            fed.answer("i1");
            routing.decided("CreateInteraction", 1_000);
            api.request("GET", "/api/v1/queues", 200, 1_000);

            Set<String> registered = new TreeSet<>();
            for (Meter m : registry.getMeters()) {
                if (m.getId().getName().startsWith("firstcontact.")) {
                    registered.add(m.getId().getName());
                }
            }
            assertThat(registered).isEqualTo(new TreeSet<>(MeterNames.all()));
        }
    }
}
