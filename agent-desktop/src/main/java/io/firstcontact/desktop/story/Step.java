package io.firstcontact.desktop.story;

import java.util.Objects;

/**
 * One thing that happened to a contact, in words.
 *
 * @param happenedAt when (engine time, epoch milliseconds)
 * @param entryId the journal entry that recorded it ({@code <epoch>-<seq>}): the same id the contact's trace lists
 * @param text what happened, for a person ({@code Offered to Asha Patel (adv-1): primary queue, longest idle; …})
 */
public record Step(long happenedAt, String entryId, String text) {
    public Step {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(text, "text");
    }
}
