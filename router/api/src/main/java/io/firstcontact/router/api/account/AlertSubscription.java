package io.firstcontact.router.api.account;

import java.util.Objects;

/**
 * An alert the customer signed up for: street-based notices, bin-day reminders, council-tax reminders, local deals.
 *
 * @param topic what it is about, as an id ({@code bin-day}, {@code road-works}, {@code council-tax-reminder},
 *     {@code local-deals})
 * @param channel how it reaches them
 */
public record AlertSubscription(String topic, Channel channel) {
    public AlertSubscription {
        topic = Fields.id(topic, "an alert topic");
        Objects.requireNonNull(channel, "alert channel");
    }

    /** How an alert reaches the customer. */
    public enum Channel {
        SMS,
        EMAIL
    }
}
