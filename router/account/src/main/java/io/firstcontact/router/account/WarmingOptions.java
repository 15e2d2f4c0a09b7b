package io.firstcontact.router.account;

import io.firstcontact.router.account.arrival.KeyAttributes;
import java.util.Objects;

/**
 * Warming account context when an interaction arrives.
 *
 * @param enabled look the customer up at arrival (else only when a screen pop asks)
 * @param attributes which interaction attributes identify the customer
 */
public record WarmingOptions(Boolean enabled, KeyAttributes attributes) {
    public static final WarmingOptions DEFAULT = new WarmingOptions(null, null);

    public WarmingOptions {
        enabled = Objects.requireNonNullElse(enabled, Boolean.TRUE);
        attributes = Objects.requireNonNullElse(attributes, KeyAttributes.DEFAULT);
    }
}
