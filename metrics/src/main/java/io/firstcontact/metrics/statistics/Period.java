package io.firstcontact.metrics.statistics;

/**
 * A period's counts with the figures derived from them, each computed once, here, from the one {@link
 * ServiceLevelDefinition}: the REST API and {@code /metrics} both show these. A figure with nothing to divide by is
 * null.
 *
 * @param serviceLevel {@link ServiceLevelDefinition#ratio}
 * @param target the service-level target it is judged against
 * @param asaSeconds average speed of answer
 * @param ahtSeconds average handle time (talk + hold + wrap-up)
 * @param occupancy busy time over staffed time
 * @param abandonedRatio abandoned over offered
 */
public record Period(
        Counts counts,
        Double serviceLevel,
        Double target,
        Double asaSeconds,
        Double ahtSeconds,
        Double occupancy,
        Double abandonedRatio) {

    /** The figures of {@code counts} under {@code definition}; {@code target} null where none applies. */
    public static Period of(Counts counts, ServiceLevelDefinition definition, Double target) {
        return new Period(
                counts,
                definition.ratio(counts),
                target,
                counts.asaSeconds(),
                counts.ahtSeconds(),
                counts.occupancy(),
                counts.abandonedRatio());
    }
}
