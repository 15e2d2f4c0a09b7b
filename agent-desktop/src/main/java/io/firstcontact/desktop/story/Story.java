package io.firstcontact.desktop.story;

import java.util.List;

/**
 * A contact's decision trace in words: what routing decided for it, entry by entry, and why.
 *
 * @param interactionId the contact
 * @param steps oldest first
 * @param earlierUnknown the server restarted from a snapshot while the contact was live: what happened to it before
 *     that snapshot is not known here (its trace starts there too)
 * @param stepsDropped older steps dropped to keep the story bounded (0 normally)
 */
public record Story(String interactionId, List<Step> steps, boolean earlierUnknown, long stepsDropped) {
    public Story {
        steps = List.copyOf(steps);
    }
}
