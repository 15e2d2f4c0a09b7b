package io.firstcontact.router.api.port;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a channel edge reads of routing's committed state, beside the {@link RoutingPort} it acts through: what it
 * tells a waiting customer (their place in line, their expected wait) and which phone each logged-in advisor sits at
 * (after a restart, before any new login is seen), and the number a call the centre places dials. Answered from
 * routing's committed state; never blocks the caller's thread.
 */
public interface LiveReads {

    /** A waiting interaction's place in line and expected wait; empty when it is not waiting (or unknown). */
    CompletionStage<Optional<Standing>> standing(String interactionId);

    /** The phone device of every logged-in advisor who has one, by advisor id. */
    CompletionStage<Map<String, String>> advisorDevices();

    /** The attribute that holds the number a callback dials (personal). */
    String CALLBACK_NUMBER = "callbackNumber";

    /** The attribute that holds the number an advisor's outbound call dials (personal). */
    String DIAL_NUMBER = "dialNumber";

    /**
     * The number a call the centre places dials — a callback's ({@value #CALLBACK_NUMBER}) or an advisor's outbound
     * call's ({@value #DIAL_NUMBER}) — for a live interaction that has one; empty otherwise. Nobody waits on the line
     * for these: the edge rings the advisor first and dials the customer once they answer.
     */
    CompletionStage<Optional<DialOut>> dialOut(String interactionId);

    /**
     * A call the centre places.
     *
     * @param number the number to dial, as given (personal: never logged, never in a fact)
     * @param callback a callback, whose unanswered dials routing retries by its rule; otherwise an outbound call, which
     *     ends when its one dial fails
     */
    record DialOut(String number, boolean callback) {
        public DialOut {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public String toString() {
            return callback ? "DialOut[callback]" : "DialOut[outbound]";
        }
    }

    /**
     * Where a waiting interaction stands.
     *
     * @param queue the queue it waits in
     * @param position 1 = next
     * @param expectedWaitMillis the expected wait at that position, or -1 when there is no estimate (an unstaffed
     *     queue, too few answers yet): no number is announced then
     */
    record Standing(String queue, int position, long expectedWaitMillis) {
        public Standing {
            Objects.requireNonNull(queue, "queue");
            if (position < 1) {
                throw new IllegalArgumentException("position starts at 1");
            }
            if (expectedWaitMillis < -1) {
                throw new IllegalArgumentException("expectedWaitMillis is -1 or a wait");
            }
        }

        public boolean hasEstimate() {
            return expectedWaitMillis >= 0;
        }
    }
}
