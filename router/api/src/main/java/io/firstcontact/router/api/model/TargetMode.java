package io.firstcontact.router.api.model;

/** How a target advisor constrains routing. */
public enum TargetMode {
    /** Wait for this advisor only, until the window closes or they log out or take a long break. */
    ONLY,
    /** Rank this advisor first while they are available, else route normally. */
    PREFER
}
