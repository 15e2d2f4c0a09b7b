package io.firstcontact.channels.voice.ami;

import java.io.IOException;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's manager connection, keeping hold of each socket it opens (its first and every reconnection's) so that
 * a stuck one can be cut: Asterisk-Java closes its socket only when it reads the end of it or logs off.
 */
final class WatchedConnection extends ManagerConnectionImpl {
    private volatile Wire wire;

    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        SocketConnectionFacade socket = super.createSocket();
        wire = new Wire(socket);
        return socket;
    }

    /** The socket of the current (or the last) connection; null before the first. */
    Wire wire() {
        return wire;
    }
}
