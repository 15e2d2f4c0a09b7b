package io.firstcontact.router.view;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.List;

/**
 * A real engine driven like the host drives it (the router's test {@link Driver}: sequenced inputs, a steppable
 * engine time, deadlines fired at their instants), every committed entry handed to a {@link LiveView} in order.
 */
final class Feed {
    final Driver driver;
    final LiveView view;
    private int fed;

    Feed(ViewOptions options) {
        driver = new Driver();
        RoutingEngine engine = driver.engine();
        view = new LiveView(options, engine::position);
    }

    Feed() {
        this(ViewOptions.DEFAULT);
    }

    /** The view centre, advisor "a1" ready, and billing call "v1" answered by her. */
    static Feed callAnswered() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.login("a1", true);
        f.arrive("v1", ViewCentre.BILLING);
        f.accept(f.offerFor("v1"));
        return f;
    }

    RoutingEngine engine() {
        return driver.engine();
    }

    long now() {
        return driver.now();
    }

    /** The id of the last committed entry. */
    String lastEntry() {
        return driver.inputs().getLast().entryId();
    }

    /** Hands the view every entry it has not seen yet, in order. */
    private Decision sync(Decision d) {
        while (fed < driver.inputs().size()) {
            view.committed(driver.inputs().get(fed), driver.decisions().get(fed));
            fed++;
        }
        return d;
    }

    Decision apply(Command c) {
        return sync(driver.apply(c));
    }

    /** Lets engine time pass, firing (and feeding) every deadline due on the way. */
    List<Decision> advance(long millis) {
        List<Decision> fired = driver.advance(millis);
        sync(null);
        return fired;
    }

    Decision configure(RoutingConfig config) {
        return sync(driver.configure(config));
    }

    Decision agent(String id, String routingProfile, SkillLevel... skills) {
        return sync(driver.agent(id, "council", routingProfile, skills));
    }

    Decision login(String agent, boolean ready) {
        return sync(driver.login(agent, ready));
    }

    Decision ready(String agent) {
        return sync(driver.ready(agent));
    }

    Decision notReady(String agent, String reason) {
        return sync(driver.notReady(agent, reason));
    }

    Decision logout(String agent) {
        return sync(driver.logout(agent));
    }

    Decision arrive(String id, String queue) {
        String channel = driver.engine().config().queue(queue).channel();
        return sync(driver.arrive(id, channel, queue));
    }

    Decision arrive(String id, QueueRequest request) {
        String channel = driver.engine().config().queue(request.queue()).channel();
        return sync(driver.arrive(id, channel, request));
    }

    Decision deliver(String offerId) {
        return apply(new Command.OfferDelivered(offerId));
    }

    Decision accept(String offerId) {
        return sync(driver.accept(offerId));
    }

    Decision reject(String offerId) {
        return apply(new Command.RejectOffer(offerId, Actor.SYSTEM));
    }

    Decision end(String interaction) {
        return sync(driver.end(interaction));
    }

    Decision hangUp(String interaction) {
        return sync(driver.hangUp(interaction));
    }

    /** The last offer made to an interaction. */
    String offerFor(String interaction) {
        Effect.OfferToAgent o = driver.lastOfferFor(interaction);
        if (o == null) {
            throw new AssertionError("no offer was made to " + interaction);
        }
        return o.offerId();
    }
}
