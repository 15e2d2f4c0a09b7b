package io.firstcontact.router.view;

import io.firstcontact.router.api.model.DeviceState;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import java.util.List;

/**
 * An advisor as the committed decisions leave them.
 *
 * @param agentId their id
 * @param utilisationProfile their utilisation profile (capacity per channel)
 * @param routingProfile the queues they take
 * @param skills their skills
 * @param presence LOGGED_OUT, READY or NOT_READY
 * @param reason the not-ready reason, or null
 * @param presenceSince when the current presence began (engine time; for one never logged in, when defined); null
 *     when unknown: the view was restored ({@link LiveView#restore}) from a snapshot older than schema version 4, which
 *     did not hold it, and the presence has not changed since
 * @param pendingPresence a presence asked for while work is open, applied when it ends; null for none
 * @param pendingReason its not-ready reason, or null
 * @param sessionAttached whether their desktop session is attached
 * @param device their phone's state as last reported ({@code UNKNOWN} when never): voice is offered only while it is
 *     free
 * @param phone the phone device they logged in at (the voice edge rings it), or null
 * @param offerIds their live offers (reserved or alerting), oldest first (in the order they were made)
 * @param assignmentIds their open assignments (active or in wrap-up), oldest first: by start time, then in the order
 *     of their offers
 */
public record AgentView(
        String agentId,
        String utilisationProfile,
        String routingProfile,
        List<SkillLevel> skills,
        PresenceState presence,
        String reason,
        Long presenceSince,
        PresenceState pendingPresence,
        String pendingReason,
        boolean sessionAttached,
        DeviceState device,
        String phone,
        List<String> offerIds,
        List<String> assignmentIds) {
    public AgentView {
        skills = List.copyOf(skills);
        offerIds = List.copyOf(offerIds);
        assignmentIds = List.copyOf(assignmentIds);
    }
}
