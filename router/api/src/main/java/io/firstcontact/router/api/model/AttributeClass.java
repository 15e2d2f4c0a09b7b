package io.firstcontact.router.api.model;

/** How an interaction attribute may be used and stored. */
public enum AttributeClass {
    /** The engine may match on it. */
    ROUTING,
    /** Shown on the advisor's screen pop. */
    DISPLAY,
    /** Personal data: never journaled in clear. */
    PERSONAL
}
