package io.firstcontact.metrics.statistics;

/**
 * What happened in a queue, a channel or the whole centre over a period (a 15-minute interval or a day): additive, so
 * a channel's counts are the sum of its queues' and a day's the sum of its intervals'. Each count is attributed to the
 * period in which it happened: a visit is offered when it starts, answered or abandoned when it ends; a handled
 * assignment counts when it ends (wrap-up done); staffed and busy time are split at period boundaries.
 *
 * @param offered queue visits that started (contacts offered to the queue)
 * @param answered visits that ended answered by an advisor
 * @param answeredWithinThreshold of them, answered after a wait of at most the queue's threshold T
 * @param abandoned visits the customer ended before an answer (while waiting or while an advisor's phone rang)
 * @param abandonedShort of them, after a wait of at most the short-abandon threshold
 * @param abandonedWithinThreshold of them, after a wait of at most T
 * @param abandonedWhileAlerting of them, while an offer was ringing
 * @param endedOtherwise visits that ended without answer or abandon (transferred or overflowed out, self-served,
 *     maximum-wait action, closed, callback, lost in an outage)
 * @param answerWaitMillis the waits of the answered visits, summed (ASA = this / answered)
 * @param handled assignments (one advisor's handling of one contact) that ended
 * @param talkMillis their time from answer to wrap-up, hold left out
 * @param holdMillis their time on hold (the call parked)
 * @param wrapUpMillis their wrap-up time
 * @param staffedMillis advisor time available for this scope's work: logged in and ready, or working
 * @param busyMillis of it, the time spent working (an assignment active or in wrap-up)
 * @param holds times a call was put on hold (each hold counts when it starts)
 * @param consults consultations: a colleague answered an advisor's consult on a call
 * @param consultTransfers of them, those that ended with the colleague taking the call over (a warm transfer)
 * @param connectionsLost times a customer's connection dropped, waiting or with an advisor
 * @param connectionsRestored times it came back (within the grace period, a waiting customer keeps their place)
 */
public record Counts(
        long offered,
        long answered,
        long answeredWithinThreshold,
        long abandoned,
        long abandonedShort,
        long abandonedWithinThreshold,
        long abandonedWhileAlerting,
        long endedOtherwise,
        long answerWaitMillis,
        long handled,
        long talkMillis,
        long holdMillis,
        long wrapUpMillis,
        long staffedMillis,
        long busyMillis,
        long holds,
        long consults,
        long consultTransfers,
        long connectionsLost,
        long connectionsRestored) {

    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Counts plus(Counts o) {
        return new Counts(
                offered + o.offered,
                answered + o.answered,
                answeredWithinThreshold + o.answeredWithinThreshold,
                abandoned + o.abandoned,
                abandonedShort + o.abandonedShort,
                abandonedWithinThreshold + o.abandonedWithinThreshold,
                abandonedWhileAlerting + o.abandonedWhileAlerting,
                endedOtherwise + o.endedOtherwise,
                answerWaitMillis + o.answerWaitMillis,
                handled + o.handled,
                talkMillis + o.talkMillis,
                holdMillis + o.holdMillis,
                wrapUpMillis + o.wrapUpMillis,
                staffedMillis + o.staffedMillis,
                busyMillis + o.busyMillis,
                holds + o.holds,
                consults + o.consults,
                consultTransfers + o.consultTransfers,
                connectionsLost + o.connectionsLost,
                connectionsRestored + o.connectionsRestored);
    }

    /** The same counts with more staffed and busy time (an open stretch up to the query's instant). */
    Counts withTime(long moreStaffedMillis, long moreBusyMillis) {
        if (moreStaffedMillis == 0 && moreBusyMillis == 0) {
            return this;
        }
        Tally t = Tally.of(this);
        t.staffedMillis += moreStaffedMillis;
        t.busyMillis += moreBusyMillis;
        return t.counts();
    }

    /** Average speed of answer in seconds, or null when nothing was answered. */
    public Double asaSeconds() {
        return answered == 0 ? null : answerWaitMillis / 1000.0 / answered;
    }

    /** Average handle time (talk + hold + wrap-up) in seconds, or null when nothing was handled. */
    public Double ahtSeconds() {
        return handled == 0 ? null : (talkMillis + holdMillis + wrapUpMillis) / 1000.0 / handled;
    }

    /** Busy time over staffed time, or null without staffed time. */
    public Double occupancy() {
        return staffedMillis == 0 ? null : (double) busyMillis / staffedMillis;
    }

    /** Abandoned over offered, or null when nothing was offered. */
    public Double abandonedRatio() {
        return offered == 0 ? null : (double) abandoned / offered;
    }
}
