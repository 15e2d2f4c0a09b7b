package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;

/**
 * A not-ready reason advisors may choose.
 *
 * @param code the reason code shown on wallboards
 * @param releasesTargets a long reason (lunch, training): interactions waiting ONLY for this advisor are released
 *     (default false)
 */
public record NotReadyReason(String code, boolean releasesTargets) {
    public static final boolean DEFAULT_RELEASES_TARGETS = false;

    public NotReadyReason {
        Ids.require(code, "not-ready reason");
    }
}
