package io.firstcontact.server.demo;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.port.RoutingPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the demo's simulated customers and advisors share: commands out through the gateway, timers in the real
 * centre's time (divided by the speed), and reports of trouble once per kind. Lives on the timers' context.
 */
final class Sim {
    static final String SOURCE = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);

    private final RoutingPort gateway;
    private final DemoTimers timers;
    private final double speed;
    private final Map<Long, DemoTimers.Cancellable> pending = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private long nextTimer;
    private volatile boolean stopped;

    Sim(RoutingPort gateway, DemoTimers timers, double speed) {
        this.gateway = gateway;
        this.timers = timers;
        this.speed = speed;
    }

    /** Real time now (the timers' clock). */
    long now() {
        return timers.now();
    }

    /** A duration of the real centre in the timers' time. */
    long realMillis(long centreMillis) {
        return Math.max(0, Math.round(centreMillis / speed));
    }

    /** A duration the engine reported, in the real centre's time. */
    long centreMillis(long engineMillis) {
        return Math.round(engineMillis * speed);
    }

    boolean stopped() {
        return stopped;
    }

    /** Sends a command; a failure or refusal is reported on the context and the simulation carries on. */
    void send(Command command) {
        if (stopped) {
            return;
        }
        CompletableFuture<Decision> decided;
        try {
            decided = gateway.submit(SOURCE, null, command);
        } catch (RuntimeException e) {
            failed(command, e);
            return;
        }
        decided.whenComplete((decision, error) -> {
            if (error != null) {
                timers.execute(() -> failed(command, error));
            } else if (decision.refused()) {
                timers.execute(() ->
                        refused(command, (Effect.Refused) decision.effects().getFirst()));
            }
        });
    }

    /** Runs {@code task} after a duration of the real centre's time. */
    void after(long centreMillis, Runnable task) {
        at(timers.now() + realMillis(centreMillis), task);
    }

    /** Runs {@code task} at a time of the timers' clock (at once if it has passed): open-loop arrivals. */
    void at(long realAt, Runnable task) {
        if (stopped) {
            return;
        }
        long id = ++nextTimer;
        DemoTimers.Cancellable handle = timers.after(Math.max(0, realAt - timers.now()), () -> {
            pending.remove(id);
            guarded(task);
        });
        pending.put(id, handle);
    }

    /** Runs work handed over from another thread, unless the demo has stopped. */
    void handOver(Runnable task) {
        timers.execute(() -> guarded(task));
    }

    /** From any thread: nothing is sent from now on. Answers whether this call stopped it. */
    synchronized boolean markStopped() {
        if (stopped) {
            return false;
        }
        stopped = true;
        return true;
    }

    /** On the context, after {@link #markStopped()}: cancels every timer. */
    void cancelTimers() {
        for (DemoTimers.Cancellable c : new ArrayList<>(pending.values())) {
            c.cancel();
        }
        pending.clear();
    }

    /** Runs {@code task} on the timers' context. */
    void onContext(Runnable task) {
        timers.execute(task);
    }

    /** Timers still to run, for tests. */
    int pendingTimers() {
        return pending.size();
    }

    private void guarded(Runnable task) {
        if (stopped) {
            return;
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            if (reported.add("step:" + e.getClass().getName())) {
                LOG.warn("Demo traffic: a simulated step failed; the demo carries on (reported once per kind)", e);
            }
        }
    }

    private void failed(Command command, Throwable error) {
        if (stopped) {
            return;
        }
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (reported.add("failed:" + cause.getClass().getName())) {
            LOG.warn(
                    "Demo traffic: routing did not take a {} ({}: {}); the demo carries on (expected while routing"
                            + " recovers or after this node lost the lead) and reports this once",
                    command.type(),
                    cause.getClass().getSimpleName(),
                    cause.getMessage());
        }
    }

    private void refused(Command command, Effect.Refused refusal) {
        if (stopped) {
            return;
        }
        // CONFLICT and NOT_FOUND are races a live centre has too (an answer as the offer times out, a hang-up as
        // the call is answered); anything else means the demo and its configuration disagree.
        boolean race = refusal.reason() == Refusal.CONFLICT || refusal.reason() == Refusal.NOT_FOUND;
        if (reported.add("refused:" + command.type() + ":" + refusal.reason())) {
            if (race) {
                LOG.debug("Demo traffic: {} refused ({}), a race the demo expects", command.type(), refusal.reason());
            } else {
                LOG.warn(
                        "Demo traffic: routing refused a {} ({}: {}); the demo carries on and reports this once",
                        command.type(),
                        refusal.reason(),
                        refusal.message());
            }
        }
    }
}
