package io.firstcontact.router.api.conversation;

import java.util.List;
import java.util.Objects;

/**
 * A conversation as it stands: its entries in order, and whether the customer can still be written to.
 *
 * @param interactionId the interaction it belongs to now
 * @param channel {@code chat}, {@code email}, {@code sms}
 * @param entries every entry so far, oldest first (a chat resumed later, an email thread: the earlier ones too)
 * @param open the customer can be written to (a chat whose resident is still there; an email or SMS thread always)
 */
public record Transcript(String interactionId, String channel, List<Entry> entries, boolean open) {
    public Transcript {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(channel, "channel");
        entries = List.copyOf(entries);
    }
}
