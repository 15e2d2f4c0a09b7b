package io.firstcontact.metrics;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.engine.Driver;
import java.util.ArrayList;
import java.util.List;

/**
 * A real engine driven like the host drives it (the router's test {@link Driver}: sequenced inputs, a steppable
 * engine time, deadlines fired at their instants), every entry handed to the sinks in order as if just committed.
 */
public final class Fed {
    public final Driver driver;
    private final List<EffectSink> sinks = new ArrayList<>();
    private int fed;

    public Fed(long startAt) {
        this.driver = new Driver(io.firstcontact.router.engine.RoutingEngine.create(), startAt);
    }

    public Fed to(EffectSink sink) {
        sinks.add(sink);
        return this;
    }

    public long now() {
        return driver.now();
    }

    public Decision apply(Command c) {
        return sync(driver.apply(c));
    }

    /** Lets engine time pass, firing (and feeding) every deadline due on the way. */
    public List<Decision> advance(long millis) {
        List<Decision> fired = driver.advance(millis);
        sync(null);
        return fired;
    }

    // ---- the driver's shorthands, fed

    public Decision configure(RoutingConfig config) {
        return sync(driver.configure(config));
    }

    /** An advisor with the council's utilisation profile, taking every queue of {@code Centres.small()}. */
    public Decision agent(String id) {
        return sync(driver.agent(id, "council", "all", new SkillLevel("billing", 5)));
    }

    public Decision login(String agent, boolean ready) {
        return sync(driver.login(agent, ready));
    }

    public Decision notReady(String agent, String reason) {
        return sync(driver.notReady(agent, reason));
    }

    public Decision ready(String agent) {
        return sync(driver.ready(agent));
    }

    public Decision logout(String agent) {
        return sync(driver.logout(agent));
    }

    public Decision arrive(String id, String channel, String queue) {
        return sync(driver.arrive(id, channel, queue));
    }

    /** Accepts the last offer made to the interaction. */
    public Decision answer(String interaction) {
        return sync(driver.accept(driver.lastOfferFor(interaction).offerId()));
    }

    public Decision hangUp(String interaction) {
        return sync(driver.hangUp(interaction));
    }

    public Decision end(String interaction) {
        return sync(driver.end(interaction));
    }

    /** Hands every sink the entries it has not seen yet, in order. */
    public Decision sync(Decision d) {
        while (fed < driver.inputs().size()) {
            for (EffectSink s : sinks) {
                s.committed(driver.inputs().get(fed), driver.decisions().get(fed));
            }
            fed++;
        }
        return d;
    }
}
