package io.firstcontact.metrics.statistics;

import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import java.util.ArrayList;
import java.util.List;

/** A live contact: what its export row and the first-contact figures need, until its last assignment ends. */
final class Contact {
    final String interactionId;
    final String channel;
    final Direction direction;
    final long arrivedAt;
    /** Given at arrival, or once later when the customer is identified; null while unknown. */
    String customerRef;
    /** The customer's opaque key (never a number or address in clear), or null while unidentified. */
    String identity;
    /** When the contact was judged under {@link #identity} (first contact resolution's time for it). */
    long judgedAt;

    boolean repeat;
    String firstQueue;
    String lastQueue;
    int visits;
    boolean answered;
    long waitMillis;
    String agentId;
    long talkMillis;
    long holdMillis;
    long wrapUpMillis;
    List<String> wrapUpCodes = List.of();
    final List<String> selfService = new ArrayList<>();
    final List<String> crossSell = new ArrayList<>();
    /** Its open assignments (two during a consult). */
    final List<String> work = new ArrayList<>();

    boolean ended;
    long endedAt;
    EndReason endReason;

    Contact(String interactionId, String channel, Direction direction, long arrivedAt, String customerRef) {
        this.interactionId = interactionId;
        this.channel = channel;
        this.direction = direction;
        this.arrivedAt = arrivedAt;
        this.customerRef = customerRef;
    }

    boolean complete() {
        return ended && work.isEmpty();
    }

    /** Why the customer came, for repeats by reason: the first wrap-up code, else the queue, else self-service. */
    String reason() {
        if (!wrapUpCodes.isEmpty()) {
            return wrapUpCodes.getFirst();
        }
        if (firstQueue != null) {
            return "queue:" + firstQueue;
        }
        if (!selfService.isEmpty()) {
            String first = selfService.getFirst();
            return "self-service:" + first.substring(0, first.indexOf(':'));
        }
        return "unknown";
    }

    ContactRecord record() {
        return new ContactRecord(
                interactionId,
                channel,
                direction,
                arrivedAt,
                ended ? endedAt : null,
                endReason,
                firstQueue,
                lastQueue,
                visits,
                answered,
                waitMillis,
                agentId,
                talkMillis,
                holdMillis,
                wrapUpMillis,
                wrapUpCodes,
                selfService,
                crossSell,
                repeat);
    }

    StatisticsSnapshot.ContactSnap snap() {
        return new StatisticsSnapshot.ContactSnap(
                interactionId,
                channel,
                direction,
                arrivedAt,
                customerRef,
                identity,
                List.copyOf(work),
                record(),
                identity == null ? null : judgedAt);
    }

    static Contact restore(StatisticsSnapshot.ContactSnap s) {
        ContactRecord r = s.sofar();
        Contact c = new Contact(s.interactionId(), s.channel(), s.direction(), s.arrivedAt(), s.customerRef());
        c.identity = s.identity();
        // a snapshot from before identification after arrival did not say: a contact was judged as it arrived
        c.judgedAt = s.judgedAt() != null ? s.judgedAt() : s.arrivedAt();
        c.work.addAll(s.work());
        c.repeat = r.repeat();
        c.firstQueue = r.firstQueue();
        c.lastQueue = r.lastQueue();
        c.visits = r.visits();
        c.answered = r.answered();
        c.waitMillis = r.waitMillis();
        c.agentId = r.agentId();
        c.talkMillis = r.talkMillis();
        c.holdMillis = r.holdMillis();
        c.wrapUpMillis = r.wrapUpMillis();
        c.wrapUpCodes = r.wrapUpCodes();
        c.selfService.addAll(r.selfService());
        c.crossSell.addAll(r.crossSell());
        c.ended = r.endedAt() != null;
        c.endedAt = r.endedAt() == null ? 0 : r.endedAt();
        c.endReason = r.endReason();
        return c;
    }
}
