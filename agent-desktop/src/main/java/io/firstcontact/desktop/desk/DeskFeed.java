package io.firstcontact.desktop.desk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.desktop.push.Feed;
import io.firstcontact.desktop.push.PushConnection;
import io.firstcontact.router.wire.PublicJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The desk's push feed: on connect, the advisor's whole desk (or, when the page already holds the latest entry, only
 * word that it is up to date), then the whole desk again after every entry that changes it, then each interaction's
 * screen pop (account, cross-sell prompts, script) as soon as it is known. The desk is attached on the engine thread in
 * the same step as its state is read, so no entry falls between the two; a desk that changes faster than its
 * connection writes sends only the latest state (each state is whole).
 *
 * <p>Messages: {@code {"type":"desk","state":{…}}}, {@code {"type":"current","entryId":…}}, {@code
 * {"type":"history","contacts":[…]}} (on connect and when a contact ends) and {@code {"type":"screenPop",…}} (see
 * {@link ScreenPops}).
 */
final class DeskFeed implements Feed {
    private final Desks desks;
    private final Executor engineThread;
    private final DeskLiveness liveness;
    private final ScreenPops pops;
    private final DeskObserver observer;
    private final Executor render;

    /**
     * @param render one thread on which every connection's messages are rendered and sent, in order: off the engine's
     *     event loop, which the public listener (and so every push connection) shares with routing
     */
    DeskFeed(
            Desks desks,
            Executor engineThread,
            DeskLiveness liveness,
            ScreenPops pops,
            DeskObserver observer,
            Executor render) {
        this.desks = desks;
        this.engineThread = engineThread;
        this.liveness = liveness;
        this.pops = pops;
        this.observer = observer;
        this.render = render;
    }

    @Override
    public AutoCloseable open(PushConnection connection, String resumeAfter) {
        String agentId = connection.principal().agentId();
        Listener listener = new Listener(connection);
        liveness.connected(agentId);
        engineThread.execute(() -> {
            if (connection.closed()) {
                return;
            }
            DeskState now = desks.attach(agentId, listener);
            List<DeskState.Contact> contacts = desks.history(agentId);
            boolean current = resumeAfter != null && resumeAfter.equals(now.entryId());
            render.execute(() -> {
                if (current) {
                    ObjectNode m = PublicJson.MAPPER.createObjectNode();
                    m.put("type", "current");
                    m.put("entryId", now.entryId());
                    connection.send(m.toString());
                    pops.send(now, connection, listener.popped, System.nanoTime());
                } else {
                    listener.sendContacts(contacts);
                    listener.first(now);
                }
            });
        });
        return () -> {
            engineThread.execute(() -> desks.detach(agentId, listener));
            liveness.disconnected(agentId);
        };
    }

    private final class Listener implements DeskListener {
        private final PushConnection connection;
        private final AtomicReference<DeskState> pending = new AtomicReference<>();
        /** When the oldest entry not yet written was committed (System.nanoTime), or 0 for the state read at attach. */
        private volatile long committedAt;
        /** Interactions whose screen pop this connection was sent; touched on the render thread only. */
        private final Set<String> popped = new HashSet<>();

        Listener(PushConnection connection) {
            this.connection = connection;
        }

        @Override
        public void changed(DeskState state) {
            long now = System.nanoTime();
            if (pending.getAndSet(state) == null) {
                committedAt = now;
                render.execute(this::flush);
            }
        }

        @Override
        public void contacts(List<DeskState.Contact> history) {
            render.execute(() -> sendContacts(history));
        }

        void sendContacts(List<DeskState.Contact> history) {
            ObjectNode m = PublicJson.MAPPER.createObjectNode();
            m.put("type", "history");
            ArrayNode contacts = m.putArray("contacts");
            history.forEach(c -> contacts.add(PublicJson.view(c)));
            connection.send(m.toString());
        }

        /**
         * The state read at attach time. Runs on the render thread before any flush the listener scheduled since, so a
         * state already pending is newer: then that one is sent instead.
         */
        void first(DeskState state) {
            if (pending.compareAndSet(null, state)) {
                committedAt = 0;
                flush();
            }
        }

        private void flush() {
            DeskState s = pending.getAndSet(null);
            if (s == null || connection.closed()) {
                return;
            }
            long committed = committedAt;
            ObjectNode m = PublicJson.MAPPER.createObjectNode();
            m.put("type", "desk");
            m.set("state", PublicJson.view(s));
            connection.send(m.toString());
            if (committed != 0) {
                observer.pushed(System.nanoTime() - committed);
            }
            pops.send(s, connection, popped, committed);
        }
    }
}
