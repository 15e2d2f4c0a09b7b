package io.firstcontact.desktop.wallboard;

/**
 * One advisor on the wallboard's state board. The page counts the time in the state from {@code stateSince} itself, so
 * nothing is pushed just because a second went by.
 *
 * @param agentId their id
 * @param name how they are called (their staff name where one is known, else the id)
 * @param state one word: {@code READY}, {@code OFFERED}, {@code BUSY}, {@code WRAP_UP}, {@code NOT_READY} or {@code
 *     LOGGED_OUT} (busy before wrap-up before ringing before their presence)
 * @param reason the not-ready reason while not ready, else null
 * @param stateSince when they entered the state (epoch millis), or null when not known (before a restart)
 * @param pending a break or logout asked for during work ({@code NOT_READY (LUNCH)}, {@code LOGGED_OUT}), or null
 * @param desktopConnected whether their desktop session is attached
 * @param routingProfile the queues they take
 * @param work what they hold now ({@code call parking}, {@code 2 chats}), or null
 */
public record AdvisorRow(
        String agentId,
        String name,
        String state,
        String reason,
        Long stateSince,
        String pending,
        boolean desktopConnected,
        String routingProfile,
        String work) {}
