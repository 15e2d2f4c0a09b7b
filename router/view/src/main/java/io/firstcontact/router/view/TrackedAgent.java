package io.firstcontact.router.view;

import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.List;
import java.util.TreeSet;

/** An advisor followed through the facts. */
final class TrackedAgent {
    final String id;
    String utilisationProfile;
    String routingProfile;
    List<SkillLevel> skills = List.of();

    PresenceState presence = PresenceState.LOGGED_OUT;
    String reason;
    /** Null when unknown: restored from a snapshot and unchanged since. */
    Long presenceSince;

    PresenceState pendingPresence;
    String pendingReason;
    boolean sessionAttached;
    DeviceState device = DeviceState.UNKNOWN;
    /** The phone they logged in at, or null. */
    String phone;

    final TreeSet<TrackedOffer> offers = new TreeSet<>(TrackedOffer.ORDER);
    final TreeSet<TrackedAssignment> assignments = new TreeSet<>(TrackedAssignment.ORDER);

    /** @param definedAt when the advisor was defined, or null when unknown (restored from a snapshot) */
    TrackedAgent(String id, Long definedAt) {
        this.id = id;
        this.presenceSince = definedAt;
    }

    /** Logged in and not on the way out, like the engine's {@code staffing()}. */
    boolean staffing() {
        return presence != PresenceState.LOGGED_OUT && pendingPresence != PresenceState.LOGGED_OUT;
    }

    AgentView view() {
        return new AgentView(
                id,
                utilisationProfile,
                routingProfile,
                skills,
                presence,
                reason,
                presenceSince,
                pendingPresence,
                pendingReason,
                sessionAttached,
                device,
                phone,
                offers.stream().map(o -> o.id).toList(),
                assignments.stream().map(as -> as.id).toList());
    }
}
