package io.firstcontact.router.engine.internal;

/**
 * What one input cost the index: proof, without a stopwatch, that an input touches only what it concerns.
 */
public final class WorkCounters {
    /** Waiting interactions looked at. */
    public long visitsExamined;
    /** Advisors looked at. */
    public long agentsExamined;
    /** Buckets (or target lists) whose contents were consulted or changed. */
    public long bucketsTouched;
    /** Entries skipped because the advisor was excluded from that interaction (after reject or RONA). */
    public long exclusionsSkipped;
    /** Offers made. */
    public long offersMade;
    /**
     * Advisors indexed into a bucket seen for the first time (a new combination of queue, requirements, widening
     * and stage): paid once per bucket, not per input.
     */
    public long agentsIndexed;
    /** Waiting interactions whose bucket lost its last staffing advisor: each is checked for unstaffed overflow. */
    public long visitsUnstaffed;

    public void reset() {
        visitsExamined = 0;
        agentsExamined = 0;
        bucketsTouched = 0;
        exclusionsSkipped = 0;
        offersMade = 0;
        agentsIndexed = 0;
        visitsUnstaffed = 0;
    }

    @Override
    public String toString() {
        return "visits=" + visitsExamined + " agents=" + agentsExamined + " buckets=" + bucketsTouched + " excluded="
                + exclusionsSkipped + " offers=" + offersMade + " indexed=" + agentsIndexed + " unstaffed="
                + visitsUnstaffed;
    }
}
