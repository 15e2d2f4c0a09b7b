package io.firstcontact.router.view;

/**
 * One interaction waiting in a queue, in queue order.
 *
 * @param interactionId the interaction
 * @param visitId its visit of this queue
 * @param position 1 = next, as the engine computes it; 0 only when the engine has already moved it on in a decision
 *     that is not committed yet
 * @param tier its priority tier (higher first)
 * @param enteredAt when this visit started (engine time)
 * @param dueAt its service deadline, the second part of its static key (docs/routing-contract.md §3)
 * @param expectedWaitMillis the expected wait at its position, or null when there is no estimate
 */
public record WaitingEntry(
        String interactionId,
        String visitId,
        int position,
        int tier,
        long enteredAt,
        long dueAt,
        Long expectedWaitMillis) {}
