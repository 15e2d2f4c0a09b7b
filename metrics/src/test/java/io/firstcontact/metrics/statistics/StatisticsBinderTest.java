package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.metrics.MeterNames;
import io.firstcontact.metrics.StatisticsBinder;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.engine.Centres;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statistics as gauges: the same numbers as the statistics' queries, at the registry clock's instant. */
class StatisticsBinderTest {
    private final Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 0));
    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @BeforeEach
    void bind() {
        syncClock();
        new StatisticsBinder(floor.stats).bindTo(registry);
    }

    private void syncClock() {
        clock.add(floor.now() - clock.wallTime(), TimeUnit.MILLISECONDS);
    }

    private double queueGauge(String name, String queue) {
        return registry.get(name).tag(MeterNames.Tags.QUEUE, queue).gauge().value();
    }

    @Test
    void theServiceLevelGaugeIsTheServiceLevelTheStatisticsReport() {
        floor.call("c1").call("c2").call("c3").advanceSeconds(40).hangUp("c1");
        floor.advisor("ann", true).answer("c2").advisor("bob", true).answer("c3");
        floor.call("c4").advisor("cat", true).answer("c4");
        syncClock();

        Double reported = floor.queue("billing").today().serviceLevel();
        assertThat(reported).isEqualTo(1.0 / 4);
        assertThat(queueGauge(MeterNames.QUEUE_SERVICE_LEVEL, "billing")).isEqualTo(reported);
        assertThat(queueGauge(MeterNames.QUEUE_ANSWERED, "billing")).isEqualTo(3);
        assertThat(queueGauge(MeterNames.QUEUE_ABANDONED, "billing")).isEqualTo(1);
        assertThat(queueGauge(MeterNames.QUEUE_SERVICE_LEVEL_TARGET, "billing")).isEqualTo(0.8);
        assertThat(queueGauge(MeterNames.QUEUE_SERVICE_LEVEL_THRESHOLD, "billing"))
                .isEqualTo(30);
        assertThat(registry.get(MeterNames.CENTRE_SERVICE_LEVEL).gauge().value())
                .isEqualTo(reported);
    }

    @Test
    void holdsConsultsDroppedConnectionsAndCallbacksAreGaugesOfTheSameCounts() {
        floor.call("c1");
        floor.apply(new Command.RequestCallback("c1", new Attribute("callbackNumber", "+441632960004")));
        floor.advisor("ann", true).answer("c1");
        floor.apply(new Command.CallbackDialOutcome("c1", DialOutcome.ANSWERED));
        floor.apply(new Command.Park("c1"));
        floor.apply(new Command.Resume("c1"));
        floor.advisor("bob", true).apply(new Command.StartConsult("c1", "bob"));
        floor.answer("c1");
        floor.apply(new Command.CustomerDisconnected("c1"));
        syncClock();

        Counts counts = floor.billingToday();
        assertThat(queueGauge(MeterNames.QUEUE_HOLDS, "billing"))
                .isEqualTo(counts.holds())
                .isEqualTo(1);
        assertThat(queueGauge(MeterNames.QUEUE_CONSULTS, "billing"))
                .isEqualTo(counts.consults())
                .isEqualTo(1);
        assertThat(queueGauge(MeterNames.QUEUE_CONNECTIONS_LOST, "billing"))
                .isEqualTo(counts.connectionsLost())
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.CENTRE_CALLBACKS_REQUESTED).gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.CENTRE_CALLBACKS_DIALLED).gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.CENTRE_CALLBACKS_KEPT).gauge().value())
                .isEqualTo(1);
        assertThat(registry.get(MeterNames.CENTRE_CALLBACKS_FAILED).gauge().value())
                .isZero();
    }

    @Test
    void aFigureWithNothingToDivideByIsNotANumber() {
        assertThat(queueGauge(MeterNames.QUEUE_SERVICE_LEVEL, "billing")).isNaN();
        assertThat(queueGauge(MeterNames.QUEUE_SPEED_OF_ANSWER, "billing")).isNaN();
        assertThat(queueGauge(MeterNames.QUEUE_OFFERED, "billing")).isZero();
    }

    @Test
    void theLongestWaitGrowsWithTheRegistrysClockBetweenEntries() {
        floor.call("c1");
        syncClock();
        clock.add(Duration.ofSeconds(42));

        assertThat(queueGauge(MeterNames.QUEUE_LONGEST_WAIT, "billing")).isEqualTo(42.0);
        assertThat(queueGauge(MeterNames.QUEUE_WAITING, "billing")).isEqualTo(1);
        assertThat(registry.get(MeterNames.CHANNEL_LONGEST_WAIT)
                        .tag(MeterNames.Tags.CHANNEL, "voice")
                        .gauge()
                        .value())
                .isEqualTo(42.0);
    }

    @Test
    void advisorsByStateAndActiveAlertsAreGauges() {
        assertThat(registry.get(MeterNames.ALERTS_ACTIVE)
                        .tag(MeterNames.Tags.ALERT, "no_advisor_logged_in")
                        .gauge()
                        .value())
                .isEqualTo(3);

        floor.advisor("ann", true).advisor("bob", false);
        assertThat(registry.get(MeterNames.QUEUE_ADVISORS)
                        .tag(MeterNames.Tags.QUEUE, "billing")
                        .tag(MeterNames.Tags.STATE, "not_ready")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(queueGauge(MeterNames.QUEUE_ADVISORS_LOGGED_IN, "billing")).isEqualTo(2);
        assertThat(registry.get(MeterNames.ALERTS_ACTIVE)
                        .tag(MeterNames.Tags.ALERT, "no_advisor_logged_in")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void aQueueAddedByAConfigurationChangeGetsItsGauges() {
        var config = Centres.small();
        var parking = io.firstcontact.router.api.config.QueueConfig.simple(
                "parking", "voice", 20_000, java.util.List.of(), 0);
        var queues = new java.util.ArrayList<>(config.queues());
        queues.add(parking);
        floor.apply(new Command.ConfigureRouting(new io.firstcontact.router.api.config.RoutingConfig(
                2,
                config.channels(),
                config.skills(),
                queues,
                config.utilisationProfiles(),
                config.routingProfiles(),
                config.notReadyReasons(),
                config.attributes(),
                config.policy())));

        assertThat(queueGauge(MeterNames.QUEUE_SERVICE_LEVEL_THRESHOLD, "parking"))
                .isEqualTo(20);
    }
}
