package io.firstcontact.router.api.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One earlier contact of the customer with the council, on any channel: a call, a chat, an email, a visit to the one
 * stop shop, an online form.
 *
 * @param at when it happened
 * @param channel the channel id ({@code voice}, {@code chat}, {@code email}, {@code visit}, {@code web})
 * @param reason why they got in touch, in a few words
 * @param outcome how it ended, in a few words ({@code resolved}, {@code service request raised})
 * @param advisorId the advisor who handled it (the same id as in routing), or null for self-service
 */
public record RecentContact(Instant at, String channel, String reason, String outcome, String advisorId) {
    public static final int MAX_TEXT = 200;

    public RecentContact {
        Objects.requireNonNull(at, "contact time");
        channel = Fields.id(channel, "a contact channel");
        reason = Fields.text(reason, "a contact reason", MAX_TEXT);
        outcome = Fields.text(outcome, "a contact outcome", MAX_TEXT);
        advisorId = Fields.optionalId(advisorId, "a contact's advisor");
    }
}
