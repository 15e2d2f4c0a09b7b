package io.firstcontact.router.account.routing;

/**
 * An advisor who helped a customer, and when.
 *
 * @param agentId the advisor
 * @param atMillis when (epoch milliseconds)
 */
public record LastHelp(String agentId, long atMillis) {}
