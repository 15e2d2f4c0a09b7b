package io.firstcontact.router.api.event;

/** Why a command changed nothing. The API maps each to a status (404, 409, 422, 501). */
public enum Refusal {
    /** It names an interaction, offer, advisor or queue the engine does not know. */
    NOT_FOUND,
    /** It no longer fits: the offer left ALERTING, the interaction is in another phase. */
    CONFLICT,
    /** It is well-formed but not valid here (unknown reason code, channel mismatch, capacity missing). */
    INVALID,
    /** Part of the schema, built by a later capability. */
    NOT_SUPPORTED_YET
}
