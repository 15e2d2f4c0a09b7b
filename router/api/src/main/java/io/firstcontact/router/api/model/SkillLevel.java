package io.firstcontact.router.api.model;

/**
 * One skill an advisor holds.
 *
 * @param skill the skill id
 * @param proficiency 1–10
 */
public record SkillLevel(String skill, int proficiency) {
    public static final int MIN_PROFICIENCY = 1;
    public static final int MAX_PROFICIENCY = 10;

    public SkillLevel {
        Ids.require(skill, "skill");
        if (proficiency < MIN_PROFICIENCY || proficiency > MAX_PROFICIENCY) {
            throw new IllegalArgumentException("proficiency must be 1–10");
        }
    }
}
