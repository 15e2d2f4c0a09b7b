package io.firstcontact.desktop.desk;

/** Hears one advisor's desk change. Called on the engine thread: hand the state off, never block. */
@FunctionalInterface
public interface DeskListener {
    void changed(DeskState state);
}
