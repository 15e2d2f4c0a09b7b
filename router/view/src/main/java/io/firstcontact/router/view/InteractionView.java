package io.firstcontact.router.view;

import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.Phase;
import java.util.List;

/**
 * An interaction as the committed decisions leave it. Times are engine time in epoch milliseconds; null means none.
 *
 * @param interactionId its id, minted at the edge
 * @param channel its channel
 * @param direction inbound, callback or outbound
 * @param sourceRef the live source object at the edge
 * @param conversationId its conversation, or null
 * @param customerRef the opaque customer reference, or null
 * @param phase SELF_SERVICE, QUEUED (waiting), OFFERED, CONNECTED or ENDED
 * @param createdAt when it was created
 * @param queue the queue of its current visit, else of its last one; null if it was never queued
 * @param visitId its live visit (waiting or being offered), or null
 * @param enteredAt when its live visit started, or null
 * @param tier its priority tier
 * @param position its place in line while waiting (1 = next), else 0
 * @param expectedWaitMillis the expected wait at that position, or null
 * @param offerId its live offer, or null
 * @param agentId the advisor of its live offer or, when connected, of its first open assignment; else null
 * @param assignmentIds its open assignments (active or in wrap-up), oldest first: by start time, then in the order
 *     of their offers
 * @param endedAt when it ended, or null
 * @param endReason why it ended, or null
 */
public record InteractionView(
        String interactionId,
        String channel,
        Direction direction,
        String sourceRef,
        String conversationId,
        String customerRef,
        Phase phase,
        long createdAt,
        String queue,
        String visitId,
        Long enteredAt,
        int tier,
        int position,
        Long expectedWaitMillis,
        String offerId,
        String agentId,
        List<String> assignmentIds,
        Long endedAt,
        EndReason endReason) {
    public InteractionView {
        assignmentIds = List.copyOf(assignmentIds);
    }
}
