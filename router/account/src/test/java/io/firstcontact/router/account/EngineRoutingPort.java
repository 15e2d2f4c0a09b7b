package io.firstcontact.router.account;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The routing port over a real engine, as the host gives it to the server: commands are shaped by the server's intake
 * hook, sequenced one at a time in submission order (a command submitted by a subscriber waits for the one being
 * applied), and every decision goes to the subscribers. Engine time is the test's: it moves only when the test says.
 */
public final class EngineRoutingPort implements RoutingPort {
    private record Pending(String source, Command command, CompletableFuture<Decision> done) {}

    private final Driver driver;
    private final List<EffectSink> subscribers = new CopyOnWriteArrayList<>();
    private final Queue<Pending> pending = new ArrayDeque<>();
    private UnaryOperator<Command> intake = UnaryOperator.identity();
    private boolean applying;

    public EngineRoutingPort(Driver driver) {
        this.driver = driver;
    }

    /** The engine's small centre ({@code Centres.small()}: billing, chat and email) at a fixed time, no advisor yet. */
    public static EngineRoutingPort smallCentre() {
        EngineRoutingPort port = new EngineRoutingPort(new Driver(RoutingEngine.create(), 1_796_000_000_000L));
        port.driver().configure(Centres.small());
        return port;
    }

    /** What the server's runtime does to every command before it is sequenced. */
    public void intake(UnaryOperator<Command> shape) {
        this.intake = shape;
    }

    /** The engine's time as a clock. */
    public InstantSource clock() {
        return () -> Instant.ofEpochMilli(driver.now());
    }

    public Driver driver() {
        return driver;
    }

    @Override
    public synchronized CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        CompletableFuture<Decision> done = new CompletableFuture<>();
        pending.add(new Pending(source, intake.apply(command), done));
        if (!applying) {
            applying = true;
            try {
                Pending p;
                while ((p = pending.poll()) != null) {
                    Decision d = driver.apply(p.command());
                    EngineInput input = driver.inputs().getLast();
                    EngineInput asSent =
                            new EngineInput(input.epoch(), input.seq(), input.at(), p.source(), null, input.command());
                    for (EffectSink s : subscribers) {
                        s.committed(asSent, d);
                    }
                    p.done().complete(d);
                }
            } finally {
                applying = false;
            }
        }
        return done;
    }

    /** Lets engine time pass, firing deadlines on the way; their decisions go to the subscribers too. */
    public synchronized void advance(long millis) {
        int before = driver.decisions().size();
        driver.advance(millis);
        List<Decision> fired =
                driver.decisions().subList(before, driver.decisions().size());
        List<EngineInput> inputs =
                driver.inputs().subList(before, driver.inputs().size());
        for (int i = 0; i < fired.size(); i++) {
            for (EffectSink s : subscribers) {
                s.committed(inputs.get(i), fired.get(i));
            }
        }
    }

    // ---- the pieces of the tests' stories, submitted like any edge's commands

    /** Logs advisors in READY one after another, a millisecond apart: the first is idle longest. */
    public void readyInOrder(String... agents) {
        for (String a : agents) {
            submit("test", null, new Command.LogIn(a, true, Actor.agent(a)));
            advance(1);
        }
    }

    public void loggedInNotReady(String agent) {
        submit("test", null, new Command.LogIn(agent, false, Actor.agent(agent)));
    }

    public void ready(String agent) {
        submit("test", null, new Command.ChangePresence(agent, PresenceState.READY, null, Actor.agent(agent), false));
    }

    /** A call arrives in the IVR (self-service) from {@code callerNumber}. */
    public void arriveInIvr(String id, String callerNumber) {
        submit(
                "test",
                null,
                new Command.CreateInteraction(
                        id,
                        "voice",
                        Direction.INBOUND,
                        "voice:" + id,
                        null,
                        null,
                        Attributes.of("callerNumber", callerNumber),
                        null));
    }

    /** A call arrives straight into {@code queue}. */
    public void createQueued(String id, String customerRef, String queue) {
        submit(
                "test",
                null,
                new Command.CreateInteraction(
                        id,
                        "voice",
                        Direction.INBOUND,
                        "voice:" + id,
                        null,
                        customerRef,
                        Attributes.NONE,
                        QueueRequest.to(queue)));
    }

    /** The IVR hands over what the caller keyed in (a PCN reference, …) as the interaction's attributes. */
    public void keyedInIvr(String id, Attributes keyed) {
        submit("test", null, new Command.UpdateAttributes(id, keyed));
    }

    /** The IVR is over: the call queues. */
    public void queue(String id, String queue) {
        submit("test", null, new Command.QueueInteraction(id, QueueRequest.to(queue)));
    }

    /** The advisor the interaction's latest offer went to, or null. */
    public synchronized String offeredTo(String interactionId) {
        Effect.OfferToAgent o = driver.lastOfferFor(interactionId);
        return o == null ? null : o.agentId();
    }

    @Override
    public Subscription subscribe(EffectSink listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }
}
