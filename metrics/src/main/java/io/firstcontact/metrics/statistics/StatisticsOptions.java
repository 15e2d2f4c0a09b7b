package io.firstcontact.metrics.statistics;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The statistics' settings, each with a documented default.
 *
 * @param zone where days and intervals are cut (default Europe/London)
 * @param serviceLevel the one service-level definition
 * @param firstContactWindow a contact is resolved first time when its customer does not contact again within this
 *     (default 7 days)
 * @param identityAttributes the attributes that identify a customer without a customer reference, in order of
 *     preference (default {@code callerNumber}, {@code email}); their values are keyed, never kept
 * @param channelShiftWindow a customer offered a digital service shifted when they use it online within this (default
 *     30 days)
 * @param channelShiftActivities which reported activities count as using each service ({@code pay-online: [paid-online]});
 *     a service not listed counts any activity
 * @param alerts the alerts' thresholds
 */
public record StatisticsOptions(
        ZoneId zone,
        ServiceLevelDefinition serviceLevel,
        Duration firstContactWindow,
        List<String> identityAttributes,
        Duration channelShiftWindow,
        Map<String, List<String>> channelShiftActivities,
        AlertThresholds alerts) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");
    public static final Duration DEFAULT_FIRST_CONTACT_WINDOW = Duration.ofDays(7);
    public static final List<String> DEFAULT_IDENTITY_ATTRIBUTES = List.of("callerNumber", "email");
    public static final Duration DEFAULT_CHANNEL_SHIFT_WINDOW = Duration.ofDays(30);

    public static final StatisticsOptions DEFAULT = new StatisticsOptions(
            DEFAULT_ZONE,
            ServiceLevelDefinition.DEFAULT,
            DEFAULT_FIRST_CONTACT_WINDOW,
            DEFAULT_IDENTITY_ATTRIBUTES,
            DEFAULT_CHANNEL_SHIFT_WINDOW,
            Map.of(),
            AlertThresholds.DEFAULT);

    public StatisticsOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        positive(firstContactWindow, "firstContactWindow");
        identityAttributes = List.copyOf(identityAttributes);
        positive(channelShiftWindow, "channelShiftWindow");
        channelShiftActivities = Map.copyOf(channelShiftActivities);
        Objects.requireNonNull(alerts, "alerts");
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    public StatisticsOptions withZone(ZoneId z) {
        return new StatisticsOptions(
                z,
                serviceLevel,
                firstContactWindow,
                identityAttributes,
                channelShiftWindow,
                channelShiftActivities,
                alerts);
    }

    public StatisticsOptions withServiceLevel(ServiceLevelDefinition s) {
        return new StatisticsOptions(
                zone, s, firstContactWindow, identityAttributes, channelShiftWindow, channelShiftActivities, alerts);
    }

    public StatisticsOptions withAlerts(AlertThresholds a) {
        return new StatisticsOptions(
                zone,
                serviceLevel,
                firstContactWindow,
                identityAttributes,
                channelShiftWindow,
                channelShiftActivities,
                a);
    }

    /** The days the outcome records stay open: the longer window, rounded up, plus today. */
    int outcomeDays() {
        long longest = Math.max(firstContactWindow.toMillis(), channelShiftWindow.toMillis());
        return (int) ((longest + 86_400_000L - 1) / 86_400_000L) + 1;
    }

    /**
     * The alerts' thresholds.
     *
     * @param longestWait per queue, the longest wait that raises an alert; a queue not listed uses its service-level
     *     threshold T
     * @param notReady per not-ready reason, how long an advisor may stay not ready with it; a reason not listed raises
     *     no alert
     * @param serviceLevelMinimum the service level is judged against its target only once its denominator has this many
     *     contacts today (default 10), so the first abandoned call of the morning raises nothing
     * @param noAdvisorLoggedIn raise an alert when an open queue has no advisor logged in (default true)
     */
    public record AlertThresholds(
            Map<String, Duration> longestWait,
            Map<String, Duration> notReady,
            int serviceLevelMinimum,
            boolean noAdvisorLoggedIn) {

        public static final int DEFAULT_SERVICE_LEVEL_MINIMUM = 10;
        public static final AlertThresholds DEFAULT =
                new AlertThresholds(Map.of(), Map.of(), DEFAULT_SERVICE_LEVEL_MINIMUM, true);

        public AlertThresholds {
            longestWait = Map.copyOf(longestWait);
            notReady = Map.copyOf(notReady);
            longestWait.forEach((q, d) -> positive(d, "alerts.longestWait." + q));
            notReady.forEach((r, d) -> positive(d, "alerts.notReady." + r));
            if (serviceLevelMinimum < 1) {
                throw new IllegalArgumentException("alerts.serviceLevelMinimum must be at least 1");
            }
        }

        /** The longest wait that raises a queue's alert: configured for it, else its threshold T. */
        public long longestWaitMillis(String queue, long thresholdMillis) {
            Duration d = longestWait.get(queue);
            return d != null ? d.toMillis() : thresholdMillis;
        }
    }
}
