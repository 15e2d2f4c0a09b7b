package io.firstcontact.desktop.wallboard;

import java.util.Collection;

/** Where the wallboard's tiles and rows come from. Engine thread only. */
interface BoardFigures {

    /** The configured queues, in configuration order. */
    Collection<String> queues();

    /** The defined advisors. */
    Collection<String> advisors();

    /** A queue now and today, or null for a queue no longer configured. */
    QueueTile tile(String queue, long now);

    /** An advisor now, or null for one not defined. */
    AdvisorRow row(String agentId, long now);

    /** The advisors working on an interaction now (its open assignments'): a call held changes their rows. */
    Collection<String> holders(String interactionId);
}
