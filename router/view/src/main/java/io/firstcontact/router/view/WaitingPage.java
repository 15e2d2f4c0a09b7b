package io.firstcontact.router.view;

import java.util.List;

/**
 * One page of a queue's waiting interactions in queue order.
 *
 * @param queue the queue
 * @param entries at most the limit asked for
 * @param nextCursor pass it back for the next page; null when this page reaches the end of the queue. It names a
 *     place in the queue order, not an interaction, so a page never repeats or skips what stayed in line meanwhile
 */
public record WaitingPage(String queue, List<WaitingEntry> entries, String nextCursor) {
    public WaitingPage {
        entries = List.copyOf(entries);
    }
}
