package io.firstcontact.channels.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What the written channels read of routing's committed state: where a waiting chat stands (its place and expected
 * wait, pushed to the resident), and where an interaction is now (a chat taken up after a restart, an email thread
 * whose interaction may have ended). Answered from the read model; never blocks the caller's thread.
 */
public interface RoutingReads {

    /** A waiting interaction's place in line and expected wait; empty when it is not waiting. */
    CompletionStage<Optional<Standing>> standing(String interactionId);

    /** Where a live interaction is (after a restart, a returning resident's chat is taken up from here); empty once it has ended. */
    CompletionStage<Optional<Where>> where(String interactionId);

    /**
     * @param queue the queue it waits in
     * @param position 1 = next
     * @param expectedWaitMillis -1 when there is no estimate (nothing is said then)
     */
    record Standing(String queue, int position, long expectedWaitMillis) {
        public Standing {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /**
     * @param phase {@code SELF_SERVICE}, {@code QUEUED}, {@code OFFERED}, {@code CONNECTED}, {@code PARKED} or {@code
     *     ENDED}
     * @param queue its queue (the last one), or null
     * @param agentId the advisor it is with, or null
     */
    record Where(String phase, String queue, String agentId) {}
}
