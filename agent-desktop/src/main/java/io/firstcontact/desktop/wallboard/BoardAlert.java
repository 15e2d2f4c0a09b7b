package io.firstcontact.desktop.wallboard;

/**
 * Something on the floor that needs a supervisor, as the wallboard shows it.
 *
 * @param key one per condition and subject ({@code LONGEST_WAIT_OVER_THRESHOLD:parking}); a condition that ends is
 *     removed by it
 * @param kind what kind of condition
 * @param text what it says, for a person ({@code Longest wait in parking over 30 s})
 * @param queue the queue it is about, or null
 * @param agentId the advisor it is about, or null
 * @param raisedAt when it began to hold (epoch millis)
 * @param lasting whether it holds until cleared (a condition), rather than being a moment to note (a repeated RONA)
 */
public record BoardAlert(
        String key, String kind, String text, String queue, String agentId, long raisedAt, boolean lasting) {}
