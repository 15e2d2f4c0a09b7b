package io.firstcontact.desktop.push;

import io.firstcontact.desktop.staff.StaffPrincipal;
import io.vertx.core.Context;

/** One open push connection, as a {@link Feed} sees it. Methods may be called from any thread. */
public interface PushConnection {
    /** Who is connected. */
    StaffPrincipal principal();

    /** The connection's own event-loop context: write from here to keep messages in order. */
    Context context();

    /** Sends one text message; a connection that cannot keep up is closed instead (the page resumes). */
    void send(String json);

    /** Closes with a reason the page shows ({@code signed out}). */
    void close(String reason);

    boolean closed();
}
