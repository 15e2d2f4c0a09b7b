package io.firstcontact.desktop.desk;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Callbacks advisors promise. A promise is an interaction from the moment it is made — direction CALLBACK, source
 * {@code desktop:callback:<id>}, its due time, queue, number and promiser in its attributes (the number is personal, so
 * sealed in the journal) — waiting in self-service until it is due. A timer set for that exact instant queues it then,
 * for the promising advisor only (for {@value #OWNER_WINDOW_MINUTES} minutes, then anyone in the queue) or for the
 * queue. Being journaled, promises survive a restart: {@link #rearm} sets their timers again from the read model.
 * When the offer is accepted the voice adapter places the call to the number in {@value #NUMBER}.
 */
final class PromisedCallbacks {
    private static final Logger LOG = LoggerFactory.getLogger(PromisedCallbacks.class);

    static final String SOURCE_PREFIX = "desktop:callback:";
    /** The number to call (E.164); personal. */
    static final String NUMBER = "callbackNumber";

    static final String DUE = "callbackDue";
    static final String QUEUE = "callbackQueue";
    static final String PROMISED_BY = "callbackPromisedBy";
    static final String FOR = "callbackFor";
    static final String NOTE = "callbackNote";
    static final long OWNER_WINDOW_MINUTES = 15;

    private final Vertx vertx;
    private final RoutingPort routing;
    private final InstantSource clock;

    PromisedCallbacks(Vertx vertx, RoutingPort routing, InstantSource clock) {
        this.vertx = vertx;
        this.routing = routing;
        this.clock = clock;
    }

    /** Sets the timer that queues a promised callback when it is due. */
    void arm(String interactionId, Instant due, String queue, String promisedBy, boolean forThem) {
        long delay = Math.max(1, due.toEpochMilli() - clock.millis());
        vertx.setTimer(delay, t -> {
            List<Target> targets = forThem
                    ? List.of(
                            new Target(promisedBy, due.toEpochMilli() + OWNER_WINDOW_MINUTES * 60_000, TargetMode.ONLY))
                    : List.of();
            routing.submit(
                            DeskRoutes.SOURCE,
                            "callback-due:" + interactionId,
                            new Command.QueueInteraction(
                                    interactionId, QueueRequest.to(queue).withTargets(targets)))
                    .whenComplete((d, e) -> {
                        if (e != null || d.refused()) {
                            LOG.warn(
                                    "promised callback {} could not be queued when due: {}",
                                    interactionId,
                                    e != null ? e.toString() : d.effects());
                        } else {
                            LOG.info("promised callback {} is due: queued in {}", interactionId, queue);
                        }
                    });
        });
    }

    /** After a restart: the timers of the promises still waiting, from the read model. Engine thread. */
    void rearm(LiveView view, Desks desks) {
        int n = 0;
        for (InteractionView i : view.liveInteractions()) {
            if (!i.sourceRef().startsWith(SOURCE_PREFIX) || i.phase() != Phase.SELF_SERVICE) {
                continue;
            }
            InteractionContext c = desks.context(i.interactionId());
            String due = c == null ? null : attribute(c, DUE);
            if (due == null) {
                continue;
            }
            arm(
                    i.interactionId(),
                    Instant.parse(due),
                    attribute(c, QUEUE),
                    attribute(c, PROMISED_BY),
                    "advisor".equals(attribute(c, FOR)));
            n++;
        }
        if (n > 0) {
            LOG.info("{} promised callbacks waiting for their time", n);
        }
    }

    private static String attribute(InteractionContext c, String name) {
        return c.attributes().stream()
                .filter(a -> a.name().equals(name))
                .map(a -> a.value())
                .findFirst()
                .orElse(null);
    }
}
