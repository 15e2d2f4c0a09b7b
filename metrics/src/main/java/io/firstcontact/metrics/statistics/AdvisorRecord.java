package io.firstcontact.metrics.statistics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One advisor's day, the agent time report's raw figures: what they handled and how long each state lasted.
 *
 * @param handled assignments that ended (wrap-up done)
 * @param ronas offers that rang out unanswered (redirect on no answer)
 * @param crossSellOffered digital services they offered (the last recorded outcome of each prompt was offered,
 *     accepted or declined)
 * @param crossSellAccepted of them, accepted
 * @param millisIn time in each state that day (logged out not counted)
 * @param notReadyMillisBy time not ready, by reason
 */
public record AdvisorRecord(
        String agentId,
        long handled,
        long talkMillis,
        long holdMillis,
        long wrapUpMillis,
        long ronas,
        long crossSellOffered,
        long crossSellAccepted,
        Map<AdvisorState, Long> millisIn,
        Map<String, Long> notReadyMillisBy) {

    public AdvisorRecord {
        Map<AdvisorState, Long> in = new EnumMap<>(AdvisorState.class);
        in.putAll(millisIn);
        millisIn = Collections.unmodifiableMap(in);
        notReadyMillisBy = Collections.unmodifiableMap(new TreeMap<>(notReadyMillisBy));
    }
}
