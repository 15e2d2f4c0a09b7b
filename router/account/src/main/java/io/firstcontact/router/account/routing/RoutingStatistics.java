package io.firstcontact.router.account.routing;

/**
 * What routing on the citizen's account did since the start.
 *
 * @param caseOwners arrivals whose preferred advisor owns their open case
 * @param lastAdvisors arrivals whose preferred advisor helped them last
 * @param atQueueing preferences that went with the interaction into the queue (known before it queued)
 * @param whileWaiting preferences set on an interaction already waiting ({@code UpdateRouting}), when the account
 *     was resolved after it queued
 * @param switchedOff preferences not applied because the queue has it turned off
 */
public record RoutingStatistics(
        long caseOwners, long lastAdvisors, long atQueueing, long whileWaiting, long switchedOff) {}
