package io.firstcontact.router.api.model;

/**
 * The kind of media a channel carries; it gives the channel's defaults (offer timeout, auto-accept, strategy).
 */
public enum MediaClass {
    /** Phone calls: the answered phone is the authority for accept; the caller feels every second. */
    REALTIME_VOICE(20_000, false, RoutingStrategy.LONGEST_IDLE),
    /** Web chat and SMS conversations: the desktop accepts; an advisor can hold several at once. */
    REALTIME_TEXT(30_000, false, RoutingStrategy.LEAST_OCCUPIED),
    /** Emails and web-form tasks: auto-accepted, measured in business hours. */
    DEFERRED(120_000, true, RoutingStrategy.LEAST_OCCUPIED);

    private final long defaultOfferTimeoutMillis;
    private final boolean defaultAutoAccept;
    private final RoutingStrategy defaultStrategy;

    MediaClass(long defaultOfferTimeoutMillis, boolean defaultAutoAccept, RoutingStrategy defaultStrategy) {
        this.defaultOfferTimeoutMillis = defaultOfferTimeoutMillis;
        this.defaultAutoAccept = defaultAutoAccept;
        this.defaultStrategy = defaultStrategy;
    }

    public long defaultOfferTimeoutMillis() {
        return defaultOfferTimeoutMillis;
    }

    public boolean defaultAutoAccept() {
        return defaultAutoAccept;
    }

    public RoutingStrategy defaultStrategy() {
        return defaultStrategy;
    }
}
