package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;

/**
 * A not-ready reason advisors may choose.
 *
 * @param code the reason code shown on wallboards
 * @param releasesTargets a long reason (lunch, training): interactions waiting ONLY for this advisor are released
 */
public record NotReadyReason(String code, boolean releasesTargets) {
    public NotReadyReason {
        Ids.require(code, "not-ready reason");
    }
}
