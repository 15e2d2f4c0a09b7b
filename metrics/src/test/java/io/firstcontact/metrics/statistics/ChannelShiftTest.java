package io.firstcontact.metrics.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CrossSellOutcome;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cross-sell → channel shift: customers offered a digital service who then used it online within the window. */
class ChannelShiftTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 6, 8);

    private OutcomeFigures monday(Floor floor) {
        return floor.stats.openOutcomes().stream()
                .filter(r -> r.date().equals(MONDAY))
                .map(r -> floor.stats.outcomeFigures(r, floor.now()))
                .findFirst()
                .orElseThrow();
    }

    private static Floor offeredOnMonday(StatisticsOptions options) {
        Floor floor = new Floor(MONDAY.atTime(9, 0), options);
        floor.advisor("ann", true);
        floor.callFrom("c1", "cust-1").answer("c1");
        floor.crossSell("c1", "pay-online", CrossSellOutcome.OFFERED);
        floor.crossSell("c1", "pay-online", CrossSellOutcome.ACCEPTED);
        floor.end("c1").advanceSeconds(30);
        floor.callFrom("c2", "cust-2").answer("c2");
        floor.crossSell("c2", "pay-online", CrossSellOutcome.DECLINED);
        floor.crossSell("c2", "bin-alerts", CrossSellOutcome.NOT_SUITABLE);
        floor.end("c2").advanceSeconds(30);
        return floor;
    }

    @Test
    void aCustomerOfferedAServiceWhoUsesItOnlineWithinTheWindowHasShifted() {
        Floor floor = offeredOnMonday(StatisticsOptions.DEFAULT);
        floor.advance(Duration.ofDays(2)).apply(new Command.ReportOnlineActivity("cust-2", "paid-online"));

        OutcomeFigures m = monday(floor);
        assertThat(m.crossSellOffered()).isEqualTo(Map.of("pay-online", 2L));
        assertThat(m.shifted()).isEqualTo(Map.of("pay-online", 1L));
        assertThat(m.channelShift()).isEqualTo(0.5);
        assertThat(m.channelShiftFinal()).isFalse();
    }

    @Test
    void aCrossSellOnACallIdentifiedByItsNumberCountsForChannelShift() {
        Floor floor = new Floor(MONDAY.atTime(9, 0));
        floor.advisor("ann", true);
        floor.callWith("c1", Attributes.of("callerNumber", "+441632960001"));
        floor.apply(new Command.IdentifyCustomer("c1", "cust-1"));
        floor.answer("c1").crossSell("c1", "pay-online", CrossSellOutcome.ACCEPTED);
        floor.end("c1").advance(Duration.ofDays(1));

        floor.apply(new Command.ReportOnlineActivity("cust-1", "paid-online"));

        OutcomeFigures m = monday(floor);
        assertThat(m.crossSellOffered()).isEqualTo(Map.of("pay-online", 1L));
        assertThat(m.shifted()).isEqualTo(Map.of("pay-online", 1L));
    }

    @Test
    void aCrossSellRecordedBeforeTheCallerWasIdentifiedCountsOnce() {
        Floor floor = new Floor(MONDAY.atTime(9, 0));
        floor.advisor("ann", true);
        floor.callWith("c1", Attributes.of("callerNumber", "+441632960001")).answer("c1");
        floor.crossSell("c1", "pay-online", CrossSellOutcome.OFFERED);
        floor.crossSell("c1", "bin-alerts", CrossSellOutcome.NOT_SUITABLE);
        floor.apply(new Command.IdentifyCustomer("c1", "cust-1"));
        floor.crossSell("c1", "pay-online", CrossSellOutcome.ACCEPTED);

        assertThat(monday(floor).crossSellOffered()).isEqualTo(Map.of("pay-online", 1L));
    }

    @Test
    void activityAfterTheWindowDoesNotCount() {
        Floor floor = offeredOnMonday(StatisticsOptions.DEFAULT);
        floor.advance(Duration.ofDays(30).plusMinutes(1))
                .apply(new Command.ReportOnlineActivity("cust-1", "paid-online"));

        OutcomeFigures m = monday(floor);
        assertThat(m.shifted()).isEmpty();
        assertThat(m.channelShift()).isZero();
    }

    @Test
    void onlyTheActivitiesConfiguredForAServiceCountAsUsingIt() {
        StatisticsOptions options = new StatisticsOptions(
                StatisticsOptions.DEFAULT_ZONE,
                ServiceLevelDefinition.DEFAULT,
                StatisticsOptions.DEFAULT_FIRST_CONTACT_WINDOW,
                StatisticsOptions.DEFAULT_IDENTITY_ATTRIBUTES,
                StatisticsOptions.DEFAULT_CHANNEL_SHIFT_WINDOW,
                Map.of("pay-online", List.of("paid-online")),
                StatisticsOptions.AlertThresholds.DEFAULT);
        Floor floor = offeredOnMonday(options);
        floor.apply(new Command.ReportOnlineActivity("cust-1", "registered"));
        assertThat(monday(floor).shifted()).isEmpty();

        floor.apply(new Command.ReportOnlineActivity("cust-1", "paid-online"));
        floor.apply(new Command.ReportOnlineActivity("cust-1", "paid-online")); // counted once
        assertThat(monday(floor).shifted()).isEqualTo(Map.of("pay-online", 1L));
    }
}
