package io.firstcontact.router.api.account;

import java.time.Instant;
import java.util.Objects;

/**
 * What one contact was about and how it ended, written to the back office at wrap-up so that the customer's history
 * there ({@link Account#recentContacts()}) holds every channel's contacts. Recorded once per {@code interactionId}
 * and advisor.
 *
 * @param interactionId the contact
 * @param customerRef the customer, or null when they were not identified
 * @param at when it ended
 * @param channel the channel id ({@code voice}, {@code chat}, {@code email})
 * @param reason why they got in touch, in a few words (the wrap-up code's label)
 * @param outcome how it ended, in a few words
 * @param advisorId the advisor who handled it, or null for self-service
 * @param notes the advisor's notes, or null; free text, so a card number in it is refused
 */
public record ContactSummary(
        String interactionId,
        String customerRef,
        Instant at,
        String channel,
        String reason,
        String outcome,
        String advisorId,
        String notes) {
    public static final int MAX_NOTES = 4000;

    public ContactSummary {
        interactionId = Fields.id(interactionId, "interactionId");
        customerRef =
                customerRef == null ? null : AccountKey.customerRef(customerRef).value();
        Objects.requireNonNull(at, "contact time");
        channel = Fields.id(channel, "channel");
        reason = Fields.text(reason, "a contact reason", RecentContact.MAX_TEXT);
        outcome = Fields.text(outcome, "a contact outcome", RecentContact.MAX_TEXT);
        advisorId = Fields.optionalId(advisorId, "advisorId");
        notes = Fields.optionalText(notes, "notes", MAX_NOTES);
    }

    /** The contact as it appears in the customer's history. */
    public RecentContact asRecentContact() {
        return new RecentContact(at, channel, reason, outcome, advisorId);
    }
}
