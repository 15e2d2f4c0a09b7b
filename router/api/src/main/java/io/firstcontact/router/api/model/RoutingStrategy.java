package io.firstcontact.router.api.model;

/** How a queue ranks the advisors eligible for its interaction, after targets and agent tier. */
public enum RoutingStrategy {
    /** The advisor available on the channel for the longest time first ({@code availableSince} ascending). */
    LONGEST_IDLE,
    /** The advisor with the lowest active/capacity on the channel first, then the longest idle. */
    LEAST_OCCUPIED,
    /** The highest proficiency in the interaction's first requirement first, then the longest idle. */
    MOST_SKILLED
}
