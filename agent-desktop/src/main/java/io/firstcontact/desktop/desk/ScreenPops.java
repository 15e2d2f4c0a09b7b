package io.firstcontact.desktop.desk;

import io.firstcontact.desktop.push.PushConnection;
import java.util.Set;

/** Sends each interaction's screen pop to a desk connection once (placeholder until the account port lands). */
class ScreenPops {
    void send(DeskState state, PushConnection connection, Set<String> sent) {}
}
