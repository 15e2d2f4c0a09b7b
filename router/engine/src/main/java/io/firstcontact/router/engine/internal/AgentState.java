package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.List;
import java.util.TreeMap;

/**
 * An advisor: skills, profiles, presence and the work they hold. Availability per channel is derived from these,
 * never stored.
 */
final class AgentState {
    final String id;
    List<SkillLevel> skills;
    String utilisationProfileId;
    String routingProfileId;
    UtilisationProfile utilisation;
    RoutingProfile routing;

    PresenceState presence = PresenceState.LOGGED_OUT;
    String reason;
    /** When the current presence began (or the advisor was defined); null when unknown, restored from an old snapshot. */
    Long presenceSince;

    PresenceState pendingPresence;
    String pendingReason;
    /** Who asked for the pending presence: recorded when it applies. */
    Actor pendingActor;

    boolean sessionAttached;
    /** The phone they logged in at, or null: data for the voice edge, never used to route. */
    String phone;
    /** The phone as the telephony last reported it; never reported: UNKNOWN, which routes voice as if free. */
    DeviceState device = DeviceState.UNKNOWN;

    final Deadline sessionDeadline = new Deadline(Deadline.Kind.SESSION_GRACE, this);

    // Per channel index of the configuration: capacity and blocking derived from the utilisation profile,
    // and the work held (live offers count as active: capacity is held from RESERVED).
    int[] max = new int[0];
    int[][] blockedWhileActiveBy = new int[0][];
    int[][] blockedInWrapUpBy = new int[0][];
    int[] active = new int[0];
    int[] wrapping = new int[0];
    long[] availableSince = new long[0];
    /** Which channels are voice (shared with the configuration, never changed in place). */
    boolean[] voice = new boolean[0];

    final TreeMap<String, OfferState> liveOffers = new TreeMap<>();
    final TreeMap<String, AssignmentState> assignments = new TreeMap<>();
    /** Waiting or offered interactions that name this advisor as a target, by interaction id. */
    final TreeMap<String, InteractionState> targetedBy = new TreeMap<>();

    long[] rejectTimes = new long[0];
    int rejectCount;

    /** Owned by the routing index. */
    Object indexData;

    AgentState(String id) {
        this.id = id;
    }

    /** Proficiency in a skill, 0 when not held. */
    int proficiency(String skill) {
        for (SkillLevel s : skills) {
            if (s.skill().equals(skill)) {
                return s.proficiency();
            }
        }
        return 0;
    }

    /** Logged in and not on the way out: counts as staffing the queues they could serve. */
    boolean staffing() {
        return presence != PresenceState.LOGGED_OUT && pendingPresence != PresenceState.LOGGED_OUT;
    }

    /** Ready, nothing pending, desktop attached: may receive offers on channels with free, unblocked capacity. */
    boolean routable() {
        return presence == PresenceState.READY && pendingPresence == null && sessionAttached;
    }

    /** Whether an offer on this channel could be made now. */
    boolean availableOn(int channel) {
        if (!routable() || channel >= max.length || max[channel] == 0) {
            return false;
        }
        if (active[channel] + wrapping[channel] >= max[channel]) {
            return false;
        }
        for (int other : blockedWhileActiveBy[channel]) {
            if (active[other] > 0) {
                return false;
            }
        }
        for (int other : blockedInWrapUpBy[channel]) {
            if (wrapping[other] > 0) {
                return false;
            }
        }
        return !voice[channel] || deviceTakesVoice();
    }

    /**
     * Whether the phone may ring with a voice offer: it is free, or it is busy with what the engine itself gave
     * the advisor (a live voice offer or an active voice assignment, held calls included).
     */
    boolean deviceTakesVoice() {
        if (device.free()) {
            return true;
        }
        for (int c = 0; c < voice.length; c++) {
            if (voice[c] && active[c] > 0) {
                return true;
            }
        }
        return false;
    }

    boolean hasWork() {
        return !liveOffers.isEmpty() || !assignments.isEmpty();
    }

    QueueMembership membership(String queue) {
        return routing == null ? null : routing.membership(queue);
    }

    /** Occupancy on a channel scaled to millionths: exact order for capacities up to 100. */
    long occupancy(int channel) {
        return max[channel] == 0 ? 1_000_000L : (active[channel] + wrapping[channel]) * 1_000_000L / max[channel];
    }

    void applyUtilisation(UtilisationProfile profile, List<String> channelIds, boolean[] voiceChannels) {
        this.voice = voiceChannels;
        int n = channelIds.size();
        int[] newMax = new int[n];
        int[][] whileActive = new int[n][];
        int[][] inWrap = new int[n][];
        for (int c = 0; c < n; c++) {
            ChannelCapacity cap = profile.capacity(channelIds.get(c));
            newMax[c] = cap == null ? 0 : cap.max();
            whileActive[c] = blockers(profile, channelIds, channelIds.get(c), true);
            inWrap[c] = blockers(profile, channelIds, channelIds.get(c), false);
        }
        this.utilisation = profile;
        this.max = newMax;
        this.blockedWhileActiveBy = whileActive;
        this.blockedInWrapUpBy = inWrap;
    }

    private static int[] blockers(UtilisationProfile p, List<String> channelIds, String channel, boolean whileActive) {
        int[] tmp = new int[channelIds.size()];
        int k = 0;
        for (int c = 0; c < channelIds.size(); c++) {
            ChannelCapacity other = p.capacity(channelIds.get(c));
            if (other == null) {
                continue;
            }
            List<String> blocks = whileActive ? other.blocksWhileActive() : other.blocksInWrapUp();
            if (blocks.contains(channel)) {
                tmp[k++] = c;
            }
        }
        return java.util.Arrays.copyOf(tmp, k);
    }

    String id() {
        return id;
    }

    PresenceState presence() {
        return presence;
    }

    PresenceState pendingPresence() {
        return pendingPresence;
    }

    String reason() {
        return reason;
    }

    boolean sessionAttached() {
        return sessionAttached;
    }

    /** The phone device they logged in at, or null. */
    String phone() {
        return phone;
    }

    int active(int channel) {
        return active[channel];
    }

    int wrapping(int channel) {
        return wrapping[channel];
    }

    int max(int channel) {
        return max[channel];
    }

    long availableSince(int channel) {
        return availableSince[channel];
    }

    int channelCount() {
        return max.length;
    }

    TreeMap<String, OfferState> liveOffers() {
        return liveOffers;
    }

    TreeMap<String, AssignmentState> assignments() {
        return assignments;
    }

    TreeMap<String, InteractionState> targetedBy() {
        return targetedBy;
    }

    RoutingProfile routing() {
        return routing;
    }

    Object indexData() {
        return indexData;
    }

    void indexData(Object data) {
        this.indexData = data;
    }
}
