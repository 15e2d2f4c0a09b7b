package io.firstcontact.router.api.model;

/** What an overflow rule does. */
public enum OverflowAction {
    /** The visit stays in its queue with its key; advisors of other queues become eligible, ranked after members. */
    WIDEN,
    /** An explicit transfer to another queue: a new visit that keeps the caller's place (inherits the key). */
    MOVE,
    /** Out to an external destination (an out-of-hours provider): the visit ends OVERFLOWED_OUT. */
    EXTERNAL
}
