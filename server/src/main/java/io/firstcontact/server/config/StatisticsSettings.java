package io.firstcontact.server.config;

import io.firstcontact.metrics.statistics.AbandonTreatment;
import io.firstcontact.metrics.statistics.ServiceLevelDefinition;
import io.firstcontact.metrics.statistics.StatisticsOptions;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code statistics} section of the configuration: every field may be left out and takes the default of {@link
 * StatisticsOptions}. docs/statistics.md defines each figure these settings shape.
 *
 * @param zone where days and 15-minute intervals are cut ({@code Europe/London})
 * @param serviceLevel the one service-level definition (T is each queue's {@code serviceLevelThresholdMillis})
 * @param firstContactWindow a contact is resolved first time when its customer does not return within this
 * @param identityAttributes the attributes that recognise a customer without a customer reference
 * @param channelShiftWindow how long after a cross-sell offer online use counts as channel shift
 * @param channelShiftActivities per digital service, the reported activities that count as using it
 * @param alerts the alerts' thresholds
 * @param historyDays how long closed days, their outcomes and contact records are kept in Redis (default 62)
 */
public record StatisticsSettings(
        String zone,
        ServiceLevel serviceLevel,
        Duration firstContactWindow,
        List<String> identityAttributes,
        Duration channelShiftWindow,
        Map<String, List<String>> channelShiftActivities,
        Alerts alerts,
        Integer historyDays) {

    public static final int DEFAULT_HISTORY_DAYS = 62;
    /** Every setting left out: the defaults. */
    public static final StatisticsSettings DEFAULTS =
            new StatisticsSettings(null, null, null, null, null, null, null, null);

    public StatisticsSettings {
        zone = Objects.requireNonNullElse(zone, StatisticsOptions.DEFAULT_ZONE.getId());
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("statistics.zone: " + zone + " is not a time zone (e.g. Europe/London)");
        }
        serviceLevel = Objects.requireNonNullElse(serviceLevel, new ServiceLevel(null, null, null, null));
        firstContactWindow =
                Objects.requireNonNullElse(firstContactWindow, StatisticsOptions.DEFAULT_FIRST_CONTACT_WINDOW);
        identityAttributes = List.copyOf(
                Objects.requireNonNullElse(identityAttributes, StatisticsOptions.DEFAULT_IDENTITY_ATTRIBUTES));
        channelShiftWindow =
                Objects.requireNonNullElse(channelShiftWindow, StatisticsOptions.DEFAULT_CHANNEL_SHIFT_WINDOW);
        channelShiftActivities = Map.copyOf(Objects.requireNonNullElse(channelShiftActivities, Map.of()));
        alerts = Objects.requireNonNullElse(alerts, new Alerts(null, null, null, null));
        historyDays = Objects.requireNonNullElse(historyDays, DEFAULT_HISTORY_DAYS);
        if (historyDays < 1 || historyDays > 3_660) {
            throw new IllegalArgumentException("statistics.historyDays must be 1–3660");
        }
        options(
                zone,
                serviceLevel,
                firstContactWindow,
                identityAttributes,
                channelShiftWindow,
                channelShiftActivities,
                alerts);
    }

    /** The statistics' options these settings give (validated when the configuration is read). */
    public StatisticsOptions options() {
        return options(
                zone,
                serviceLevel,
                firstContactWindow,
                identityAttributes,
                channelShiftWindow,
                channelShiftActivities,
                alerts);
    }

    private static StatisticsOptions options(
            String zone,
            ServiceLevel serviceLevel,
            Duration firstContactWindow,
            List<String> identityAttributes,
            Duration channelShiftWindow,
            Map<String, List<String>> channelShiftActivities,
            Alerts alerts) {
        return new StatisticsOptions(
                ZoneId.of(zone),
                serviceLevel.definition(),
                firstContactWindow,
                identityAttributes,
                channelShiftWindow,
                channelShiftActivities,
                alerts.thresholds());
    }

    /**
     * @param abandons {@code ABANDONS_IGNORED}, {@code ABANDONS_COUNTED_AGAINST} or {@code SHORT_ABANDONS_EXCLUDED}
     *     (default)
     * @param shortAbandon an abandon within this is short (default 5s)
     * @param target the centre's target ratio (default 0.8)
     * @param targets per-queue targets
     */
    public record ServiceLevel(
            AbandonTreatment abandons, Duration shortAbandon, Double target, Map<String, Double> targets) {
        ServiceLevelDefinition definition() {
            return new ServiceLevelDefinition(
                    Objects.requireNonNullElse(abandons, ServiceLevelDefinition.DEFAULT_ABANDONS),
                    Objects.requireNonNullElse(shortAbandon, ServiceLevelDefinition.DEFAULT_SHORT_ABANDON),
                    Objects.requireNonNullElse(target, ServiceLevelDefinition.DEFAULT_TARGET),
                    Objects.requireNonNullElse(targets, Map.of()));
        }
    }

    /**
     * @param longestWait per queue, the longest wait that raises an alert (default: the queue's T)
     * @param notReady per not-ready reason, how long it may last before an alert (default: no alert)
     * @param serviceLevelMinimum contacts counted today before the service level is judged (default 10)
     * @param noAdvisorLoggedIn alert when an open queue has nobody logged in (default true)
     */
    public record Alerts(
            Map<String, Duration> longestWait,
            Map<String, Duration> notReady,
            Integer serviceLevelMinimum,
            Boolean noAdvisorLoggedIn) {
        StatisticsOptions.AlertThresholds thresholds() {
            return new StatisticsOptions.AlertThresholds(
                    Objects.requireNonNullElse(longestWait, Map.of()),
                    Objects.requireNonNullElse(notReady, Map.of()),
                    Objects.requireNonNullElse(
                            serviceLevelMinimum, StatisticsOptions.AlertThresholds.DEFAULT_SERVICE_LEVEL_MINIMUM),
                    Objects.requireNonNullElse(noAdvisorLoggedIn, true));
        }
    }
}
