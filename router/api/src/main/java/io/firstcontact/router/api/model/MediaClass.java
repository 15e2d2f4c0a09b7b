package io.firstcontact.router.api.model;

/**
 * The kind of media a channel carries; it gives the channel's defaults (offer timeout, auto-accept, strategy).
 */
public enum MediaClass {
    /**
     * Phone calls: the answered phone is the authority for accept; the caller feels every second. A caller whose
     * line drops has hung up: no grace.
     */
    REALTIME_VOICE(20_000, false, RoutingStrategy.LONGEST_IDLE, 0),
    /**
     * Web chat and SMS conversations: the desktop accepts; an advisor can hold several at once; a customer whose
     * connection drops keeps their place for a minute.
     */
    REALTIME_TEXT(30_000, false, RoutingStrategy.LEAST_OCCUPIED, 60_000),
    /** Emails and web-form tasks: auto-accepted, measured in business hours; nobody is connected while waiting. */
    DEFERRED(120_000, true, RoutingStrategy.LEAST_OCCUPIED, 0);

    private final long defaultOfferTimeoutMillis;
    private final boolean defaultAutoAccept;
    private final RoutingStrategy defaultStrategy;
    private final long defaultDisconnectGraceMillis;

    MediaClass(
            long defaultOfferTimeoutMillis,
            boolean defaultAutoAccept,
            RoutingStrategy defaultStrategy,
            long defaultDisconnectGraceMillis) {
        this.defaultOfferTimeoutMillis = defaultOfferTimeoutMillis;
        this.defaultAutoAccept = defaultAutoAccept;
        this.defaultStrategy = defaultStrategy;
        this.defaultDisconnectGraceMillis = defaultDisconnectGraceMillis;
    }

    /** How long a waiting customer whose connection dropped keeps their place. */
    public long defaultDisconnectGraceMillis() {
        return defaultDisconnectGraceMillis;
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
