package io.firstcontact.desktop.wallboard;

import java.util.Map;

/**
 * One queue on the wallboard: now, and today so far. The page counts the longest wait up from {@code
 * oldestWaitingSince} itself and colours it against {@code longestWaitLimitMillis}; the service level is the one
 * definition's ({@code ServiceLevelDefinition}), judged against its target here.
 *
 * @param waiting interactions waiting, not being offered
 * @param beingOffered interactions whose offer is ringing
 * @param oldestWaitingSince when the longest-waiting one started its wait, or null when nobody waits
 * @param longestWaitLimitMillis the longest wait that raises the queue's alert (the queue's threshold T unless
 *     configured)
 * @param loggedIn members logged in
 * @param advisors members by state (READY, OFFERED, BUSY, WRAP_UP, NOT_READY)
 * @param offered visits that started today
 * @param answered visits answered today
 * @param abandoned visits the customer ended today before an answer (short abandons included)
 * @param abandonedShort of them, short abandons
 * @param serviceLevel today's service level (0–1), or null before anything was answered or abandoned
 * @param serviceLevelTarget its target (0–1)
 * @param belowTarget whether the service level is below its target
 * @param asaSeconds today's average speed of answer, or null
 */
public record QueueTile(
        String queue,
        String channel,
        boolean open,
        int waiting,
        int beingOffered,
        Long oldestWaitingSince,
        long longestWaitLimitMillis,
        int loggedIn,
        Map<String, Integer> advisors,
        long offered,
        long answered,
        long abandoned,
        long abandonedShort,
        Double serviceLevel,
        Double serviceLevelTarget,
        boolean belowTarget,
        Double asaSeconds) {
    public QueueTile {
        advisors = Map.copyOf(advisors);
    }
}
