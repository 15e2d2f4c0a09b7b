package io.firstcontact.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.wire.PublicJson;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop session liveness. A desktop that logs in through the API sends keep-alives; one timer per advisor is reset
 * by each (no scan). When it fires, the engine hears {@code SessionLost}: the advisor is ineligible at once, and
 * NOT_READY(DISCONNECTED) after the engine's grace period unless the next keep-alive restores the session.
 */
public final class Sessions {
    private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

    private final Vertx vertx;
    private final RoutingPort gateway;
    private final long timeoutMillis;
    private final ConcurrentMap<String, Long> timers = new ConcurrentHashMap<>();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();

    public Sessions(Vertx vertx, RoutingPort gateway, Duration timeout) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.timeoutMillis = timeout.toMillis();
    }

    /** After a restart: these advisors' sessions were marked lost; their next keep-alive restores them. */
    public void markLost(Collection<String> agents) {
        for (String agent : agents) {
            lost.add(agent);
            arm(agent);
        }
    }

    /**
     * The advisor's desktop restored their session itself (its push connection came back): the keep-alive timer set
     * after a restart must not declare it lost again.
     */
    public void restoredElsewhere(String agent) {
        detached(agent);
    }

    /** The advisors whose desktops are watched now (one timer each). */
    public Set<String> watched() {
        return Set.copyOf(timers.keySet());
    }

    void attached(String agent) {
        lost.remove(agent);
        arm(agent);
    }

    void detached(String agent) {
        lost.remove(agent);
        Long timer = timers.remove(agent);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    CompletableFuture<Api.Reply> keepAlive(Api.Call call, String agent) {
        arm(agent);
        ObjectNode body = PublicJson.MAPPER.createObjectNode();
        body.put("agentId", agent);
        body.put("keepAliveTimeoutSeconds", timeoutMillis / 1000);
        if (!lost.remove(agent)) {
            body.put("sessionAttached", true);
            return CompletableFuture.completedFuture(Api.Reply.ok(body));
        }
        return gateway.submit("api", call.engineKey(), new Command.SessionRestored(agent))
                .thenApply(d -> {
                    body.put("sessionAttached", true);
                    body.put("restored", !d.refused());
                    return Api.Reply.ok(body);
                });
    }

    private void arm(String agent) {
        long id = vertx.setTimer(timeoutMillis, t -> expired(agent, t));
        Long previous = timers.put(agent, id);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void expired(String agent, long timer) {
        if (!timers.remove(agent, timer)) {
            return; // re-armed meanwhile
        }
        lost.add(agent);
        submitLost(agent);
    }

    private void submitLost(String agent) {
        CompletableFuture<io.firstcontact.router.api.Decision> lostSession;
        try {
            lostSession = gateway.submit("sessions", null, new Command.SessionLost(agent));
        } catch (RuntimeException e) { // never thrown onto the event loop: the timer has no one to tell
            LOG.error("could not record the lost session of an advisor", e);
            return;
        }
        lostSession.whenComplete((d, e) -> {
            if (e != null) {
                LOG.warn("could not record the lost session of advisor {}: {}", agent, e.getMessage());
            } else if (!d.refused()) {
                LOG.info("advisor {}: desktop silent for {} s, session lost", agent, timeoutMillis / 1000);
            }
        });
    }
}
