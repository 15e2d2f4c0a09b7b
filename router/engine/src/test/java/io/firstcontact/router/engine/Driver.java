package io.firstcontact.router.engine;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.internal.RoutingIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives an engine the way the host does: stamps inputs with a sequence and a steppable engine time, fires
 * deadlines exactly when they fall due, and keeps every decision for assertions. Tests never sleep.
 */
public final class Driver {
    private final RoutingEngine engine;
    private long seq;
    private long now;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<EngineInput> inputs = new ArrayList<>();

    public Driver(RoutingEngine engine, long startAt) {
        this.engine = engine;
        this.now = startAt;
    }

    public Driver() {
        this(RoutingEngine.create(), 1_700_000_000_000L);
    }

    public static Driver with(RoutingIndex index) {
        return new Driver(RoutingEngine.create(index), 1_700_000_000_000L);
    }

    public RoutingEngine engine() {
        return engine;
    }

    public long now() {
        return now;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public List<EngineInput> inputs() {
        return inputs;
    }

    public Decision last() {
        return decisions.getLast();
    }

    /** Apply a command now. */
    public Decision apply(Command c) {
        return apply(c, null);
    }

    public Decision apply(Command c, String idempotencyKey) {
        EngineInput in = new EngineInput(1, ++seq, now, "test", idempotencyKey, c);
        inputs.add(in);
        Decision d = engine.apply(in);
        decisions.add(d);
        return d;
    }

    /** Let engine time pass, firing every deadline at its exact instant on the way. */
    public List<Decision> advance(long millis) {
        long until = now + millis;
        List<Decision> fired = new ArrayList<>();
        while (engine.nextDeadline() <= until) {
            now = Math.max(now, engine.nextDeadline());
            fired.add(apply(new Command.DeadlinesDue()));
        }
        now = until;
        return fired;
    }

    // ---- shorthands

    public Decision configure(RoutingConfig config) {
        return apply(new Command.ConfigureRouting(config));
    }

    public Decision agent(String id, String utilisation, String routing, SkillLevel... skills) {
        return apply(new Command.DefineAgent(id, List.of(skills), utilisation, routing));
    }

    public Decision login(String agent, boolean ready) {
        return apply(new Command.LogIn(agent, ready, Actor.agent(agent)));
    }

    public Decision ready(String agent) {
        return apply(new Command.ChangePresence(agent, PresenceState.READY, null, Actor.agent(agent), false));
    }

    public Decision notReady(String agent, String reason) {
        return apply(new Command.ChangePresence(agent, PresenceState.NOT_READY, reason, Actor.agent(agent), false));
    }

    public Decision logout(String agent) {
        return apply(new Command.ChangePresence(agent, PresenceState.LOGGED_OUT, null, Actor.agent(agent), false));
    }

    public Decision arrive(String id, String channel, QueueRequest queue) {
        return apply(new Command.CreateInteraction(
                id, channel, Direction.INBOUND, channel + ":" + id, null, null, Attributes.NONE, queue));
    }

    public Decision arrive(String id, String channel, String queue) {
        return arrive(id, channel, QueueRequest.to(queue));
    }

    public Decision accept(String offerId) {
        return apply(new Command.AcceptOffer(offerId, Actor.SYSTEM));
    }

    public Decision end(String interaction) {
        return apply(new Command.EndInteraction(interaction, EndReason.COMPLETED));
    }

    public Decision hangUp(String interaction) {
        return apply(new Command.EndInteraction(interaction, EndReason.CUSTOMER_LEFT));
    }

    /** Every offer made so far, in order. */
    public List<Effect.OfferToAgent> offers() {
        List<Effect.OfferToAgent> all = new ArrayList<>();
        for (Decision d : decisions) {
            for (Effect e : d.effects()) {
                if (e instanceof Effect.OfferToAgent o) {
                    all.add(o);
                }
            }
        }
        return all;
    }

    /** The offers made by one decision. */
    public static List<Effect.OfferToAgent> offers(Decision d) {
        List<Effect.OfferToAgent> out = new ArrayList<>();
        for (Effect e : d.effects()) {
            if (e instanceof Effect.OfferToAgent o) {
                out.add(o);
            }
        }
        return out;
    }

    /** The facts of a type across all decisions. */
    public <T extends Fact> List<T> facts(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Decision d : decisions) {
            for (Fact f : d.facts()) {
                if (type.isInstance(f)) {
                    out.add(type.cast(f));
                }
            }
        }
        return out;
    }

    /** The last offer made to an interaction. */
    public Effect.OfferToAgent lastOfferFor(String interaction) {
        Effect.OfferToAgent found = null;
        for (Effect.OfferToAgent o : offers()) {
            if (o.interactionId().equals(interaction)) {
                found = o;
            }
        }
        return found;
    }
}
