package io.firstcontact.server.ops;

import io.firstcontact.server.config.ServerConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's two listeners, checked before anything is started or written: a port that is taken (or a host this
 * machine does not have) stops the start at once, with the setting that moves it, instead of after Redis, recovery
 * and the first journal entries.
 *
 * <p>Each port is bound and released as Vert.x will bind it (address reuse on, so a port in TIME_WAIT is free); both
 * are held at once, so the API and the management listener cannot be given the same port either.
 */
public final class ListenerPorts {
    private ListenerPorts() {}

    /** A listener that cannot listen; the message names the port and the setting that moves it. */
    public static final class UnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    private record Listener(String what, ServerConfig.Listener at, String field, String variable) {}

    /** Throws {@link UnavailableException} unless both listeners can listen now. */
    public static void requireAvailable(ServerConfig config) {
        List<Listener> listeners = List.of(
                new Listener("the API", config.http(), "http", "FC_HTTP"),
                new Listener("metrics and health", config.management(), "management", "FC_MANAGEMENT"));
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (Listener l : listeners) {
                held.add(bind(l));
            }
        } finally {
            held.forEach(ListenerPorts::close);
        }
    }

    private static ServerSocket bind(Listener l) {
        String host = l.at().host();
        int port = l.at().port();
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
            return socket;
        } catch (IOException e) {
            close(socket);
            if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
                throw new UnavailableException("port " + port + " on " + host + " (" + l.what()
                        + ") is already in use; stop what holds it, or give another port in " + l.field()
                        + ".port (or " + l.variable() + "_PORT)");
            }
            throw new UnavailableException("cannot listen on " + host + ":" + port + " (" + l.what() + "): "
                    + e.getMessage() + "; check " + l.field() + ".host and " + l.field() + ".port (or "
                    + l.variable() + "_HOST and " + l.variable() + "_PORT)");
        }
    }

    private static void close(ServerSocket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // a probe that nothing accepts on: the port is released with the socket either way
            }
        }
    }
}
