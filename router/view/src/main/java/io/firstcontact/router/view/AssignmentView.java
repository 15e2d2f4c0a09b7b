package io.firstcontact.router.view;

import io.firstcontact.router.api.model.AssignmentStatus;

/**
 * One advisor's work on an interaction after accept.
 *
 * @param assignmentId its id
 * @param interactionId the interaction
 * @param agentId the advisor
 * @param offerId the offer whose acceptance started it
 * @param queue the queue it was answered from
 * @param channel the interaction's channel
 * @param status ACTIVE, WRAP_UP or DONE
 * @param startedAt when it started (engine time)
 * @param wrapUpUntil when wrap-up ends (extensions included), or null when not in wrap-up
 * @param endedAt when it ended, or null while open
 * @param consult a colleague's leg in a consult (warm transfer) on someone else's call; false once the consult is
 *     completed and the call is theirs
 */
public record AssignmentView(
        String assignmentId,
        String interactionId,
        String agentId,
        String offerId,
        String queue,
        String channel,
        AssignmentStatus status,
        long startedAt,
        Long wrapUpUntil,
        Long endedAt,
        boolean consult) {}
