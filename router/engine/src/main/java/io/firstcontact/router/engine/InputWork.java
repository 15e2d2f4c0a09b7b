package io.firstcontact.router.engine;

/**
 * What one input cost the engine's index: proof, without a stopwatch, that an input touches only what it concerns
 * (docs/routing-contract.md §7). The benchmarks report it; the work-bound tests assert on it.
 *
 * @param visitsExamined waiting interactions looked at
 * @param agentsExamined advisors looked at
 * @param bucketsTouched buckets (or target lists) whose contents were consulted or changed
 * @param exclusionsSkipped entries skipped because the advisor was excluded from that interaction (after a reject or
 *     RONA)
 * @param offersMade offers made
 * @param agentsIndexed advisors indexed into a bucket seen for the first time: paid once per bucket, not per input
 * @param visitsUnstaffed waiting interactions whose bucket lost its last staffing advisor, each checked for unstaffed
 *     overflow
 */
public record InputWork(
        long visitsExamined,
        long agentsExamined,
        long bucketsTouched,
        long exclusionsSkipped,
        long offersMade,
        long agentsIndexed,
        long visitsUnstaffed) {

    /** Interactions and advisors looked at, together: what the work bounds limit. */
    public long examined() {
        return visitsExamined + agentsExamined;
    }
}
