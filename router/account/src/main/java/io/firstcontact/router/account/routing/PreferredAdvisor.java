package io.firstcontact.router.account.routing;

import java.util.Objects;

/**
 * The advisor a customer's contact should go to first, and why.
 *
 * @param agentId the advisor, as routing knows them
 * @param reason what makes them the one
 */
public record PreferredAdvisor(String agentId, Reason reason) {
    public PreferredAdvisor {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why an advisor is preferred. */
    public enum Reason {
        /** They own the customer's open case. */
        CASE_OWNER,
        /** They helped the customer last, within the look-back. */
        LAST_ADVISOR
    }
}
