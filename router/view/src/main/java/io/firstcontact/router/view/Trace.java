package io.firstcontact.router.view;

import java.util.List;

/**
 * The committed journal entries that touched an interaction, in journal order: its own commands, commands on its
 * offers and assignments, and every entry whose facts or effects name it (a deadline that timed out its offer, an
 * offer made to it). The API reads the entries themselves from the journal by these ids.
 *
 * @param interactionId the interaction
 * @param entryIds journal entry ids {@code <epoch>-<seq>}, oldest first
 * @param earlierDropped how many older entry ids were dropped to keep the trace bounded (0 normally)
 * @param startsAfter null normally; for an interaction that was live when the view was restored from a snapshot
 *     ({@link LiveView#restore}), the entry id {@code <epoch>-<seq>} of that snapshot: the entries up to it that
 *     touched the interaction are unknown, neither listed nor counted in {@code earlierDropped}
 */
public record Trace(String interactionId, List<String> entryIds, long earlierDropped, String startsAfter) {
    public Trace {
        entryIds = List.copyOf(entryIds);
    }
}
