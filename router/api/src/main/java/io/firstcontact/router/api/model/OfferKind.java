package io.firstcontact.router.api.model;

/** What the adapter does with an offer, and on its accept. */
public enum OfferKind {
    /** The customer waits on the line or on the desktop: on accept, connect them to the advisor. */
    CONNECT,
    /**
     * Nobody waits on the line — a callback, or an advisor's outbound call: ring the advisor first, and on accept
     * dial the customer (a callback reports what came of the dial with {@code CallbackDialOutcome}).
     */
    DIAL_CUSTOMER,
    /** An advisor consults a colleague about their call (warm transfer): on accept, bridge the colleague in. */
    CONSULT
}
