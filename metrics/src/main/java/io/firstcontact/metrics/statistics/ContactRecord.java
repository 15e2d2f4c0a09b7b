package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import java.util.List;

/**
 * One contact (an interaction from arrival to its last wrap-up), as the contacts export lists it. No personal data:
 * the customer appears only as whether this contact repeated an earlier one.
 *
 * @param arrivedAt epoch millis; the contact belongs to the day it arrived
 * @param endedAt when its interaction ended, or null if it never did (lost)
 * @param firstQueue the first queue it waited in, or null (self-served, or never queued)
 * @param lastQueue the last queue it waited in
 * @param visits queue visits (a transfer to a queue is another visit)
 * @param answered an advisor answered it
 * @param waitMillis time waiting in queues before the first answer (or until it left, unanswered)
 * @param agentId the advisor who handled it last, or null
 * @param talkMillis time talking with advisors, over every assignment
 * @param holdMillis time on hold, over every assignment
 * @param wrapUpMillis wrap-up time over every assignment
 * @param wrapUpCodes the last recorded wrap-up codes
 * @param selfService each self-service attempt as {@code service:OUTCOME}
 * @param crossSell each cross-sell prompt's last outcome as {@code service:OUTCOME}
 * @param repeat the same customer contacted the centre within the first-contact window before this one
 */
public record ContactRecord(
        String interactionId,
        String channel,
        Direction direction,
        long arrivedAt,
        Long endedAt,
        EndReason endReason,
        String firstQueue,
        String lastQueue,
        int visits,
        boolean answered,
        long waitMillis,
        String agentId,
        long talkMillis,
        long holdMillis,
        long wrapUpMillis,
        List<String> wrapUpCodes,
        List<String> selfService,
        List<String> crossSell,
        boolean repeat) {

    public ContactRecord {
        wrapUpCodes = List.copyOf(wrapUpCodes);
        selfService = List.copyOf(selfService);
        crossSell = List.copyOf(crossSell);
    }
}
