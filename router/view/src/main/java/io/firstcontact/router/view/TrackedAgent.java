package io.firstcontact.router.view;

import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.List;
import java.util.TreeSet;

/** An advisor followed through the facts; read in place through {@link AgentState}. */
final class TrackedAgent implements AgentState {
    final String id;
    String utilisationProfile;
    String routingProfile;
    List<SkillLevel> skills = List.of();

    PresenceState presence = PresenceState.LOGGED_OUT;
    String reason;
    /** Null when unknown: restored from a snapshot of schema version 3 or older, and unchanged since. */
    Long presenceSince;

    PresenceState pendingPresence;
    String pendingReason;
    boolean sessionAttached;
    DeviceState device = DeviceState.UNKNOWN;
    /** The phone they logged in at, or null. */
    String phone;

    final TreeSet<TrackedOffer> offers = new TreeSet<>(TrackedOffer.ORDER);
    final TreeSet<TrackedAssignment> assignments = new TreeSet<>(TrackedAssignment.ORDER);

    /**
     * @param presenceSince when the advisor was defined, or (restored from a snapshot) when their presence began;
     *     null when unknown
     */
    TrackedAgent(String id, Long presenceSince) {
        this.id = id;
        this.presenceSince = presenceSince;
    }

    /** Logged in and not on the way out, like the engine's {@code staffing()}. */
    boolean staffing() {
        return presence != PresenceState.LOGGED_OUT && pendingPresence != PresenceState.LOGGED_OUT;
    }

    @Override
    public String agentId() {
        return id;
    }

    @Override
    public String utilisationProfile() {
        return utilisationProfile;
    }

    @Override
    public String routingProfile() {
        return routingProfile;
    }

    @Override
    public List<SkillLevel> skills() {
        return skills;
    }

    @Override
    public PresenceState presence() {
        return presence;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public PresenceState pendingPresence() {
        return pendingPresence;
    }

    @Override
    public String pendingReason() {
        return pendingReason;
    }

    @Override
    public boolean sessionAttached() {
        return sessionAttached;
    }

    @Override
    public void forEachWork(Work work) {
        // Most advisors hold nothing: no iterator then.
        if (!offers.isEmpty()) {
            for (TrackedOffer o : offers) {
                work.held(o.channel, true, false);
            }
        }
        if (!assignments.isEmpty()) {
            for (TrackedAssignment as : assignments) {
                work.held(as.channel, false, as.status == AssignmentStatus.WRAP_UP);
            }
        }
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
