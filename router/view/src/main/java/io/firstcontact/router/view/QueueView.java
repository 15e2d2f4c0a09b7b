package io.firstcontact.router.view;

/**
 * A configured queue as the committed decisions leave it. Times are engine time in epoch milliseconds; a null time
 * or estimate means "none".
 *
 * @param queue the queue id
 * @param channel its channel
 * @param open whether it takes interactions now (calendars open and close it)
 * @param waiting interactions waiting for an advisor (QUEUED); those being offered are not waiting
 * @param offered interactions of the queue being offered to an advisor right now
 * @param oldestWaitingSince the earliest {@code enteredAt} of a waiting visit (the longest wait), or null
 * @param staffed advisors logged in (and not on their way out) whose routing profile takes the queue and whose
 *     utilisation profile has its channel; skills are not checked, they differ per interaction
 * @param answeredToday visits of the queue answered since {@code countsSince}
 * @param abandonedToday visits of the queue abandoned (while waiting or while alerting) since {@code countsSince}
 * @param dayStartedAt local midnight, in the view's time zone, of the day the counts are for: the day of the last
 *     committed entry
 * @param countsSince when the counts began: {@code dayStartedAt}, or later when the view was restored from a snapshot
 *     taken that day ({@link LiveView#restore}): then the engine time of the snapshot, and what was answered or
 *     abandoned earlier that day is not counted
 * @param expectedWaitMillis the expected wait of an interaction arriving now ({@link ExpectedWait}, position
 *     waiting + 1), or null when nobody staffs the queue or it is closed
 */
public record QueueView(
        String queue,
        String channel,
        boolean open,
        int waiting,
        int offered,
        Long oldestWaitingSince,
        int staffed,
        int answeredToday,
        int abandonedToday,
        long dayStartedAt,
        long countsSince,
        Long expectedWaitMillis) {}
