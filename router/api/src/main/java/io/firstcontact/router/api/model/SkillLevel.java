package io.firstcontact.router.api.model;

/**
 * One skill an advisor holds.
 *
 * @param skill the skill id
 * @param proficiency 1–10
 */
public record SkillLevel(String skill, int proficiency) {
    public SkillLevel {
        Ids.require(skill, "skill");
        if (proficiency < 1 || proficiency > 10) {
            throw new IllegalArgumentException("proficiency must be 1–10, was " + proficiency);
        }
    }
}
