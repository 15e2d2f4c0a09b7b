package io.firstcontact.channels.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.conversation.Author;
import io.firstcontact.router.api.conversation.Conversations;
import io.firstcontact.router.api.conversation.Entry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * A resident's page connected to its chat: frames are sent in the order asked (from any thread), the conversation's
 * entries follow as they are added, and a page that stops answering pings is closed (it reconnects and resumes).
 */
final class ResidentSocket implements Conversations.Listener {
    /** A page queueing more unsent data than this is too slow: it is closed and resumes when it reconnects. */
    static final int MAX_QUEUED_BYTES = 256 * 1024;

    final ServerWebSocket ws;
    final String clientAddress;
    /** The chat it is attached to (after its hello), touched on the chat's context. */
    ChatSession session;

    long ping = -1;
    private volatile int missedPings;
    private volatile boolean closed;

    ResidentSocket(ServerWebSocket ws, String clientAddress) {
        this.ws = ws;
        this.clientAddress = clientAddress;
        ws.setWriteQueueMaxSize(MAX_QUEUED_BYTES);
        ws.pongHandler(b -> missedPings = 0);
    }

    void send(ObjectNode frame) {
        if (closed) {
            return;
        }
        if (ws.writeQueueFull()) {
            close(1008, "too slow");
            return;
        }
        ws.writeTextMessage(frame.toString());
    }

    /** Pings, or closes the socket when the last two pings went unanswered. */
    void ping() {
        if (closed) {
            return;
        }
        if (++missedPings > 2) {
            close(1001, "no answer to pings");
            return;
        }
        ws.writePing(Buffer.buffer("fc"));
    }

    void close(int code, String reason) {
        if (!closed) {
            closed = true;
            ws.close((short) code, reason);
        }
    }

    void markClosed() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public void added(Entry entry) {
        send(Frames.entry(entry));
    }

    @Override
    public void typing(Author author, boolean typing) {
        if (author.role().staff()) {
            send(Frames.typing(author, typing));
        }
    }
}
