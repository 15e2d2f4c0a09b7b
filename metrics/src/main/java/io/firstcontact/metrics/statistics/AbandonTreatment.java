package io.firstcontact.metrics.statistics;

/**
 * How abandoned contacts count in the service level: the three variants contact centres use, named so that a figure
 * always says which one it is. "Answered within T" means a wait of at most T; a short abandon is one whose wait is at
 * most the configured short-abandon threshold (default 5 s).
 */
public enum AbandonTreatment {
    /** {@code answered within T / answered}: abandons do not count at all. */
    ABANDONS_IGNORED,
    /** {@code answered within T / (answered + abandoned)}: every abandon counts as a miss. */
    ABANDONS_COUNTED_AGAINST,
    /**
     * {@code answered within T / (answered + abandoned − short abandons)}: abandons count as misses, except the short
     * ones (callers who hung up before anyone could have answered). The default (ROUTING.md's formula).
     */
    SHORT_ABANDONS_EXCLUDED;

    /** The denominator of the service level for these counts. */
    long denominator(Counts c) {
        return switch (this) {
            case ABANDONS_IGNORED -> c.answered();
            case ABANDONS_COUNTED_AGAINST -> c.answered() + c.abandoned();
            case SHORT_ABANDONS_EXCLUDED -> c.answered() + c.abandoned() - c.abandonedShort();
        };
    }
}
