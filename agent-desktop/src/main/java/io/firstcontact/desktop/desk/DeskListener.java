package io.firstcontact.desktop.desk;

import java.util.List;

/** Hears one advisor's desk change. Called on the engine thread: hand the state off, never block. */
@FunctionalInterface
public interface DeskListener {
    void changed(DeskState state);

    /** The advisor's recent contacts changed (one ended), newest first. */
    default void contacts(List<DeskState.Contact> history) {}
}
