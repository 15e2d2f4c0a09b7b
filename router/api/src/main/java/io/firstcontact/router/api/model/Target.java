package io.firstcontact.router.api.model;

import java.util.Objects;

/**
 * A named advisor for one interaction, set by the host from contact history, a named transfer, an email owner or a
 * callback. Targets bypass queue membership and agent delay, never skills, capacity or presence.
 *
 * @param agentId the advisor
 * @param untilMillis engine time at which the target lapses
 * @param mode ONLY or PREFER
 */
public record Target(String agentId, long untilMillis, TargetMode mode) {
    public Target {
        Ids.require(agentId, "target agentId");
        Objects.requireNonNull(mode, "target mode");
        if (untilMillis < 0) {
            throw new IllegalArgumentException("target untilMillis must not be negative");
        }
    }
}
