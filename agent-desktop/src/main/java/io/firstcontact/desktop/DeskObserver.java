package io.firstcontact.desktop;

/**
 * What the desktop measures, for the metrics binder: how long after its journal entry was committed a desk change was
 * written to the advisor's connection, and how long after the offer's commit its screen pop (the account) was.
 * Called on the connections' event loops; implementations record, never block.
 */
public interface DeskObserver {
    DeskObserver NONE = new DeskObserver() {};

    /** A desk change was written to a connection, {@code nanos} after its entry was committed. */
    default void pushed(long nanos) {}

    /** A wallboard patch was written to every wallboard, {@code nanos} after the oldest change it carries. */
    default void boardPushed(long nanos) {}

    /** A screen pop was written to a connection, {@code nanos} after the offer's entry was committed. */
    default void screenPopped(long nanos) {}
}
