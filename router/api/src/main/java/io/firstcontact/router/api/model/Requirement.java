package io.firstcontact.router.api.model;

import java.util.Objects;

/**
 * A skill an advisor must hold at or above a proficiency to take an interaction.
 *
 * @param skill the skill id
 * @param minProficiency 1–10 (a configuration that leaves it out gets 1: holding the skill is enough)
 * @param strictness only {@link Strictness#SOFT} requirements relax (a configuration that leaves it out gets HARD)
 */
public record Requirement(String skill, int minProficiency, Strictness strictness) {
    public static final int DEFAULT_MIN_PROFICIENCY = 1;
    public static final Strictness DEFAULT_STRICTNESS = Strictness.HARD;

    public Requirement {
        Ids.require(skill, "skill");
        Objects.requireNonNull(strictness, "strictness");
        if (minProficiency < 1 || minProficiency > 10) {
            throw new IllegalArgumentException("minProficiency must be 1–10");
        }
    }

    public static Requirement soft(String skill, int minProficiency) {
        return new Requirement(skill, minProficiency, Strictness.SOFT);
    }

    public static Requirement hard(String skill, int minProficiency) {
        return new Requirement(skill, minProficiency, Strictness.HARD);
    }
}
