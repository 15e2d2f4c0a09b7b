package io.firstcontact.server.runtime;

import io.firstcontact.metrics.statistics.Statistics;
import io.firstcontact.metrics.statistics.StatisticsSnapshot;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.port.Scheduler;
import io.firstcontact.server.config.ServerConfig;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the statistics on this node beside routing: their snapshot is loaded from Redis before the journal is replayed
 * (they skip the entries it already holds), they are fed every replayed and committed entry, saved with each engine
 * snapshot (before it, so the trimmed journal never holds the only copy of a day's figures), and their alerts'
 * timers run on the engine thread.
 */
public final class StatisticsRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsRuntime.class);

    private final Statistics statistics;
    private final RedisStatisticsStore store;

    public StatisticsRuntime(ServerConfig config, Vertx vertx, RoutingRuntime routing, InstantSource clock) {
        this.store = new RedisStatisticsStore(
                config.redis().keyPrefix(), config.statistics().historyDays());
        Scheduler onEngineThread = (at, task) -> {
            long id = vertx.setTimer(Math.max(1, at - clock.millis()), t -> routing.onEngineThread(task));
            return () -> vertx.cancelTimer(id);
        };
        this.statistics = new Statistics(
                config.statistics().options(), onEngineThread, store, StatisticsKeys.load(config.dataDir()));
        routing.fold(statistics);
        routing.withSnapshots(() -> {
            StatisticsSnapshot captured = statistics.snapshot();
            return () -> store.saveSnapshot(captured);
        });
        routing.onRecovery(new RoutingRuntime.RecoveryListener() {
            @Override
            public void recovering() {
                store.open(routing.redisClient());
                Optional<StatisticsSnapshot> saved;
                try {
                    saved = store.loadSnapshot();
                    saved.ifPresent(statistics::restore);
                } catch (RuntimeException e) {
                    // An unreadable snapshot (another format) must not keep routing down: the figures then count
                    // from what the journal still holds.
                    LOG.warn(
                            "the statistics' snapshot cannot be read ({}): today's figures count from the journal's"
                                    + " oldest entry",
                            e.getMessage());
                    saved = Optional.empty();
                }
                LOG.info(
                        "statistics {}",
                        saved.map(s -> "restored as of entry " + s.seq() + " (" + s.date() + ")")
                                .orElse("start from the journal"));
            }

            @Override
            public void replayed(EngineInput input, Decision decision) {
                statistics.committed(input, decision);
            }

            @Override
            public void recovered(io.firstcontact.router.engine.RoutingEngine engine) {
                routing.onEngineThread(() -> statistics.goLive(clock.millis()));
            }
        });
    }

    public Statistics statistics() {
        return statistics;
    }

    public void close() {
        store.close();
    }
}
