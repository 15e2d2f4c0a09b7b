package io.firstcontact.router.api.model;

/** What came of suggesting a digital service to a customer during a contact. */
public enum CrossSellOutcome {
    /** The advisor showed or explained the service. */
    OFFERED,
    /** The customer took it up (registered, signed up for alerts, switched to e-billing). */
    ACCEPTED,
    /** The customer said no. */
    DECLINED,
    /** The advisor judged it not suitable for this customer (no internet access, a vulnerable caller). */
    NOT_SUITABLE
}
