package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;

/**
 * After {@code afterMillis} in the visit, a soft requirement on {@code skill} loosens to {@code minProficiency};
 * 0 (the default) drops it. Steps only ever loosen: a step that would tighten leaves the requirement as it is.
 */
public record RelaxationStep(long afterMillis, String skill, int minProficiency) {
    public static final int DEFAULT_MIN_PROFICIENCY = 0;

    public static final Range AFTER_MILLIS_RANGE = Range.millis(1, Range.MAX_PERIOD_MILLIS);
    public static final Range MIN_PROFICIENCY_RANGE = Range.count(0, 10);

    public RelaxationStep {
        Ids.require(skill, "relaxation skill");
        AFTER_MILLIS_RANGE.require(afterMillis, "afterMillis");
        MIN_PROFICIENCY_RANGE.require(minProficiency, "minProficiency");
    }
}
