package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;

/**
 * After {@code afterMillis} in the visit, a soft requirement on {@code skill} loosens to {@code minProficiency};
 * 0 drops it. Steps only ever loosen: a step that would tighten leaves the requirement as it is.
 */
public record RelaxationStep(long afterMillis, String skill, int minProficiency) {
    public RelaxationStep {
        Ids.require(skill, "relaxation skill");
        if (afterMillis <= 0) {
            throw new IllegalArgumentException("relaxation afterMillis must be positive");
        }
        if (minProficiency < 0 || minProficiency > 10) {
            throw new IllegalArgumentException("relaxation minProficiency must be 0–10");
        }
    }
}
