package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Alerts, raised at their exact instant by one timer each (or by the fact that makes them true) and cleared. */
class AlertsTest {
    private final List<String> heard = new ArrayList<>();

    private Floor floor(StatisticsOptions.AlertThresholds thresholds) {
        Floor floor = new Floor(LocalDateTime.of(2026, 6, 10, 9, 0), StatisticsOptions.DEFAULT.withAlerts(thresholds));
        floor.stats.subscribe(new StatisticsListener() {
            @Override
            public void alertRaised(Alert alert) {
                heard.add("raised " + alert.key() + " at "
                        + (alert.holdsSince()
                                - floor.fed.driver.inputs().getFirst().at()));
            }

            @Override
            public void alertCleared(Alert alert) {
                heard.add("cleared " + alert.key());
            }
        });
        return floor;
    }

    private static StatisticsOptions.AlertThresholds noStaffingAlert() {
        return new StatisticsOptions.AlertThresholds(Map.of(), Map.of(), 10, false);
    }

    @Test
    void theLongestWaitAlertIsRaisedAtTheExactInstantTheWaitPassesTAndClearedWhenTheCallIsAnswered() {
        Floor floor = floor(noStaffingAlert());
        floor.advanceSeconds(1).call("c1");
        assertThat(floor.timers.pending()).containsExactly(floor.now() + 30_000);

        floor.advanceSeconds(29.999);
        assertThat(floor.stats.alerts()).isEmpty();
        floor.advanceSeconds(0.001);
        assertThat(floor.stats.alerts()).extracting(Alert::key).containsExactly("LONGEST_WAIT_OVER_THRESHOLD:billing");
        assertThat(heard).containsExactly("raised LONGEST_WAIT_OVER_THRESHOLD:billing at 31000");

        floor.advisor("ann", true).answer("c1");
        assertThat(floor.stats.alerts()).isEmpty();
        assertThat(heard).last().isEqualTo("cleared LONGEST_WAIT_OVER_THRESHOLD:billing");
    }

    @Test
    void aConfiguredLongestWaitReplacesTheQueuesThreshold() {
        Floor floor = floor(
                new StatisticsOptions.AlertThresholds(Map.of("billing", Duration.ofMinutes(2)), Map.of(), 10, false));
        floor.call("c1").advanceSeconds(119);
        assertThat(floor.stats.alerts()).isEmpty();
        floor.advanceSeconds(1);
        assertThat(floor.stats.alerts())
                .singleElement()
                .satisfies(a -> assertThat(a.threshold()).isEqualTo(120_000));
    }

    @Test
    void whenTheOldestCallerLeavesTheAlertFollowsTheNextOne() {
        Floor floor = floor(noStaffingAlert());
        floor.call("c1").advanceSeconds(20).call("c2").advanceSeconds(15); // c1 over T at 30 s
        assertThat(floor.stats.alerts()).hasSize(1);

        floor.hangUp("c1"); // c2 has waited 15 s: cleared, and rescheduled for c2's 30 s
        assertThat(floor.stats.alerts()).isEmpty();
        floor.advanceSeconds(15);
        assertThat(floor.stats.alerts()).hasSize(1);
    }

    @Test
    void aServiceLevelBelowTargetIsRaisedOnlyOnceEnoughContactsWereCounted() {
        Floor floor = floor(new StatisticsOptions.AlertThresholds(Map.of(), Map.of(), 3, false));
        floor.call("c1").call("c2").call("c3").advanceSeconds(40).hangUp("c1"); // 1 abandoned after T: 0 %
        assertThat(floor.stats.alerts()).extracting(Alert::kind).doesNotContain(AlertKind.SERVICE_LEVEL_BELOW_TARGET);

        floor.hangUp("c2").hangUp("c3"); // 3 counted, 0 %
        assertThat(floor.stats.alerts()).extracting(Alert::key).contains("SERVICE_LEVEL_BELOW_TARGET:billing");

        for (int i = 0; i < 13; i++) { // 13 answered at once: 13 / 16 = 81 % ≥ 80 %
            floor.advisor("a" + i, true).call("n" + i).answer("n" + i);
        }
        assertThat(floor.stats.alerts()).extracting(Alert::kind).doesNotContain(AlertKind.SERVICE_LEVEL_BELOW_TARGET);
    }

    @Test
    void anAdvisorNotReadyLongerThanTheReasonAllowsIsRaisedAtTheLimitAndClearedWhenReady() {
        Floor floor = floor(
                new StatisticsOptions.AlertThresholds(Map.of(), Map.of("BREAK", Duration.ofMinutes(15)), 10, false));
        floor.advisor("ann", true).notReady("ann", "BREAK").advanceSeconds(15 * 60 - 1);
        assertThat(floor.stats.alerts()).isEmpty();

        floor.advanceSeconds(1);
        assertThat(floor.stats.alerts()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.NOT_READY_TOO_LONG);
            assertThat(a.agentId()).isEqualTo("ann");
            assertThat(a.reason()).isEqualTo("BREAK");
        });
        floor.ready("ann");
        assertThat(floor.stats.alerts()).isEmpty();
    }

    @Test
    void aReasonWithoutALimitRaisesNothing() {
        Floor floor = floor(
                new StatisticsOptions.AlertThresholds(Map.of(), Map.of("BREAK", Duration.ofMinutes(15)), 10, false));
        floor.advisor("ann", true).notReady("ann", "TRAINING").advance(Duration.ofHours(3));

        assertThat(floor.stats.alerts()).isEmpty();
        assertThat(floor.timers.pending()).isEmpty();
    }

    @Test
    void anOpenQueueWithNoAdvisorLoggedInIsRaisedAndClearedByLoginsAndClosing() {
        Floor floor = floor(StatisticsOptions.AlertThresholds.DEFAULT);
        assertThat(floor.stats.alerts())
                .extracting(Alert::key)
                .containsExactly(
                        "NO_ADVISOR_LOGGED_IN:billing", "NO_ADVISOR_LOGGED_IN:chat", "NO_ADVISOR_LOGGED_IN:email");

        floor.advisor("ann", false);
        assertThat(floor.stats.alerts()).isEmpty();

        floor.logout("ann");
        assertThat(floor.stats.alerts()).hasSize(3);
        floor.apply(new io.firstcontact.router.api.command.Command.CloseQueue("email"));
        assertThat(floor.stats.alerts())
                .extracting(Alert::key)
                .containsExactly("NO_ADVISOR_LOGGED_IN:billing", "NO_ADVISOR_LOGGED_IN:chat");
    }
}
