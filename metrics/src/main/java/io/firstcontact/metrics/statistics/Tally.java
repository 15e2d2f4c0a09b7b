package io.firstcontact.metrics.statistics;

/** The mutable form of {@link Counts}, folded on the engine thread. */
final class Tally {
    long offered;
    long answered;
    long answeredWithinThreshold;
    long abandoned;
    long abandonedShort;
    long abandonedWithinThreshold;
    long abandonedWhileAlerting;
    long endedOtherwise;
    long answerWaitMillis;
    long handled;
    long talkMillis;
    long holdMillis;
    long wrapUpMillis;
    long staffedMillis;
    long busyMillis;
    long holds;
    long consults;
    long consultTransfers;
    long connectionsLost;
    long connectionsRestored;

    Counts counts() {
        return new Counts(
                offered,
                answered,
                answeredWithinThreshold,
                abandoned,
                abandonedShort,
                abandonedWithinThreshold,
                abandonedWhileAlerting,
                endedOtherwise,
                answerWaitMillis,
                handled,
                talkMillis,
                holdMillis,
                wrapUpMillis,
                staffedMillis,
                busyMillis,
                holds,
                consults,
                consultTransfers,
                connectionsLost,
                connectionsRestored);
    }

    static Tally of(Counts c) {
        Tally t = new Tally();
        t.offered = c.offered();
        t.answered = c.answered();
        t.answeredWithinThreshold = c.answeredWithinThreshold();
        t.abandoned = c.abandoned();
        t.abandonedShort = c.abandonedShort();
        t.abandonedWithinThreshold = c.abandonedWithinThreshold();
        t.abandonedWhileAlerting = c.abandonedWhileAlerting();
        t.endedOtherwise = c.endedOtherwise();
        t.answerWaitMillis = c.answerWaitMillis();
        t.handled = c.handled();
        t.talkMillis = c.talkMillis();
        t.holdMillis = c.holdMillis();
        t.wrapUpMillis = c.wrapUpMillis();
        t.staffedMillis = c.staffedMillis();
        t.busyMillis = c.busyMillis();
        t.holds = c.holds();
        t.consults = c.consults();
        t.consultTransfers = c.consultTransfers();
        t.connectionsLost = c.connectionsLost();
        t.connectionsRestored = c.connectionsRestored();
        return t;
    }

    boolean empty() {
        return counts().equals(Counts.NONE);
    }
}
