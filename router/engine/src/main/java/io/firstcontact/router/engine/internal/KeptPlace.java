package io.firstcontact.router.engine.internal;

/**
 * A place in line kept from an earlier visit (after RONA the visit goes on; a move, a transfer that inherits the wait,
 * or open work requeued at logout starts a new visit with it): where its service deadline counts from, with which
 * service level, and its order.
 */
record KeptPlace(long start, long slMillis, long order) {}
