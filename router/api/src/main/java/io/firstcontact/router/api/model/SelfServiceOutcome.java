package io.firstcontact.router.api.model;

/** How a self-service attempt (in the IVR by keypad, or its text form in a chat) ended. */
public enum SelfServiceOutcome {
    /** The caller did it themself: paid, heard the status, got the opening hours. */
    COMPLETED,
    /** The caller chose to speak to an advisor instead. */
    OPTED_OUT,
    /** It could not be done (card declined twice, account not found) and the caller was passed on. */
    FAILED,
    /** The caller left part way through. */
    ABANDONED
}
