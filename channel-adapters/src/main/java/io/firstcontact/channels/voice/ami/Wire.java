package io.firstcontact.channels.voice.ami;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to Asterisk as Asterisk-Java opened it (each reconnection opens a new one): the actions that went
 * unanswered on it in a row, and how it is cut. Cutting closes the socket under Asterisk-Java: a write blocked on it
 * fails at once, its reader sees the end, and its own reconnection takes the link up again.
 */
final class Wire {
    private static final Logger LOG = LoggerFactory.getLogger(Wire.class);

    private final SocketConnectionFacade socket;
    private final AtomicInteger missed = new AtomicInteger();
    private final AtomicBoolean cut = new AtomicBoolean();

    Wire(SocketConnectionFacade socket) {
        this.socket = socket;
    }

    /** An answer came (late ones too): Asterisk still answers on this wire. */
    void answered() {
        if (missed.get() != 0) {
            missed.set(0);
        }
    }

    /** An action went unanswered in time; answers how many have in a row. */
    int missed() {
        return missed.incrementAndGet();
    }

    /** Marks the wire cut, once: answers false when it was already. */
    boolean markCut() {
        return cut.compareAndSet(false, true);
    }

    /**
     * Closes the socket. The close runs on a thread of its own: the caller is a timer that must never wait, and
     * Asterisk-Java's close also takes its reader's lock, which a read holds until the socket's close wakes it.
     */
    void cut() {
        Thread.ofVirtual().name("ami-cut").start(this::close);
    }

    private void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("AMI: closing a stuck socket: {}", e.getMessage());
        }
    }
}
