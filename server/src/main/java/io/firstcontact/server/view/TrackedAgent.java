package io.firstcontact.server.view;

import io.firstcontact.router.engine.model.PresenceState;
import io.firstcontact.router.engine.model.SkillLevel;
import java.util.LinkedHashSet;
import java.util.List;

/** An advisor followed through the facts. */
final class TrackedAgent {
    final String id;
    String utilisationProfile;
    String routingProfile;
    List<SkillLevel> skills = List.of();

    PresenceState presence = PresenceState.LOGGED_OUT;
    String reason;
    long presenceSince;
    PresenceState pendingPresence;
    String pendingReason;
    boolean sessionAttached;

    final LinkedHashSet<String> offerIds = new LinkedHashSet<>();
    final LinkedHashSet<String> assignmentIds = new LinkedHashSet<>();

    TrackedAgent(String id, long definedAt) {
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
                List.copyOf(offerIds),
                List.copyOf(assignmentIds));
    }
}
