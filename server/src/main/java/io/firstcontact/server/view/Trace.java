package io.firstcontact.server.view;

import java.util.List;

/**
 * The committed journal entries that touched an interaction, in journal order: its own commands, commands on its
 * offers and assignments, and every entry whose facts or effects name it (a deadline that timed out its offer, an
 * offer made to it). The API reads the entries themselves from the journal by these ids.
 *
 * @param interactionId the interaction
 * @param entryIds journal entry ids {@code <epoch>-<seq>}, oldest first
 * @param earlierDropped how many older entry ids were dropped to keep the trace bounded (0 normally)
 */
public record Trace(String interactionId, List<String> entryIds, long earlierDropped) {
    public Trace {
        entryIds = List.copyOf(entryIds);
    }
}
