package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.LiveView;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An advisor's routing session follows their desktop's push connections (ROUTING.md §2, session liveness): the first
 * connection restores a session routing had marked lost (after a blip or a restart), and when the last one closes a
 * timer for the grace period starts, at whose end routing hears {@code SessionLost} unless a connection came back.
 * One timer per advisor, set for its exact instant; nothing is polled.
 */
final class DeskLiveness {
    private static final Logger LOG = LoggerFactory.getLogger(DeskLiveness.class);

    private final Vertx vertx;
    private final RoutingPort routing;
    private final Executor engineThread;
    private final LiveView view;
    private final long graceMillis;
    private final Consumer<String> restored;
    private final ConcurrentMap<String, Integer> connections = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> timers = new ConcurrentHashMap<>();

    /** @param restored hears each advisor whose session a desk restored (the server's own keep-alive timers stop) */
    DeskLiveness(
            Vertx vertx,
            RoutingPort routing,
            Executor engineThread,
            LiveView view,
            Duration grace,
            Consumer<String> restored) {
        this.vertx = vertx;
        this.routing = routing;
        this.engineThread = engineThread;
        this.view = view;
        this.graceMillis = grace.toMillis();
        this.restored = restored;
    }

    void connected(String agentId) {
        Long timer = timers.remove(agentId);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
        if (connections.merge(agentId, 1, Integer::sum) == 1) {
            engineThread.execute(() -> {
                AgentView a = view.agent(agentId).orElse(null);
                if (a != null && !a.sessionAttached() && a.presence() != PresenceState.LOGGED_OUT) {
                    restored.accept(agentId);
                    submit(new Command.SessionRestored(agentId), "restored");
                }
            });
        }
    }

    void disconnected(String agentId) {
        Integer left = connections.computeIfPresent(agentId, (a, n) -> n == 1 ? null : n - 1);
        if (left != null) {
            return;
        }
        long id = vertx.setTimer(graceMillis, t -> {
            if (!timers.remove(agentId, t) || connections.containsKey(agentId)) {
                return;
            }
            engineThread.execute(() -> {
                AgentView a = view.agent(agentId).orElse(null);
                if (a != null && a.sessionAttached() && a.presence() != PresenceState.LOGGED_OUT) {
                    submit(new Command.SessionLost(agentId), "lost");
                }
            });
        });
        Long previous = timers.put(agentId, id);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void submit(Command c, String what) {
        routing.submit("desktop", null, c).whenComplete((d, e) -> {
            if (e != null) {
                LOG.warn("advisor {}: desktop session {} could not be recorded: {}", agentIdOf(c), what, e.toString());
            } else if (!d.refused()) {
                LOG.info("advisor {}: desktop session {}", agentIdOf(c), what);
            }
        });
    }

    private static String agentIdOf(Command c) {
        return switch (c) {
            case Command.SessionLost s -> s.agentId();
            case Command.SessionRestored s -> s.agentId();
            default -> "?";
        };
    }
}
