package io.firstcontact.router.engine.scenario;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * A council contact centre put together per scenario: the channels, utilisation profile and not-ready reasons of
 * {@link Centres}, with the queues, routing profiles and policy each scenario needs.
 */
final class Council {
    static final String VOICE = "voice";
    static final String CHAT = "chat";
    static final String EMAIL = "email";

    static final long MINUTE = 60_000;
    static final long HOUR = 60 * MINUTE;

    private final List<QueueConfig> queues = new ArrayList<>();
    private final List<RoutingProfile> profiles = new ArrayList<>();
    private RoutingPolicy policy = RoutingPolicy.DEFAULT;

    static Council centre() {
        return new Council();
    }

    /** A voice queue: SL 30 s, wrap-up 30 s (extendable to 90 s), no requirements. */
    static QueueConfig voice(String id) {
        return QueueConfig.simple(id, VOICE, 30_000, List.of(), 30_000);
    }

    /** A voice queue with requirements. */
    static QueueConfig voice(String id, Requirement... requirements) {
        return QueueConfig.simple(id, VOICE, 30_000, List.of(requirements), 30_000);
    }

    /** A chat queue: SL 60 s, wrap-up 10 s. */
    static QueueConfig chat(String id) {
        return QueueConfig.simple(id, CHAT, 60_000, List.of(), 10_000);
    }

    /** An email queue: SL 24 h, no wrap-up. */
    static QueueConfig email(String id) {
        return QueueConfig.simple(id, EMAIL, 24 * HOUR, List.of(), 0);
    }

    static QueueMembership member(String queue) {
        return new QueueMembership(queue, 1, 0);
    }

    static QueueMembership member(String queue, int tier, long delayMillis) {
        return new QueueMembership(queue, tier, delayMillis);
    }

    Council queue(QueueConfig q) {
        queues.add(q);
        return this;
    }

    Council profile(String id, QueueMembership... memberships) {
        profiles.add(new RoutingProfile(id, List.of(memberships)));
        return this;
    }

    Council policy(RoutingPolicy p) {
        policy = p;
        return this;
    }

    RoutingConfig config() {
        return new RoutingConfig(
                1,
                List.of(Centres.VOICE, Centres.CHAT, Centres.EMAIL),
                List.of("billing", "parking", "welsh", "housing"),
                queues,
                List.of(Centres.COUNCIL),
                profiles,
                Centres.REASONS,
                List.of(),
                policy);
    }

    /** A voice queue "billing" taken by the profile "billing", and Ann, an advisor of it who has not logged in yet. */
    static Driver billingWithAnn() {
        Driver d = centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .driver();
        d.agent("ann", "council", "billing");
        return d;
    }

    /** A voice queue "billing" and a chat queue "chat", and a profile "all" taking both; no advisor yet. */
    static Driver billingAndChat() {
        return centre().queue(voice("billing"))
                .queue(chat("chat"))
                .profile("all", member("billing"), member("chat"))
                .driver();
    }

    /** A driver with this centre configured. */
    Driver driver() {
        Driver d = new Driver();
        Decision applied = d.configure(config());
        if (applied.refused()) {
            throw new IllegalStateException("configuration refused: " + applied.effects());
        }
        return d;
    }

    // ---- reading decisions

    static <T extends Fact> List<T> facts(Decision d, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Fact f : d.facts()) {
            if (type.isInstance(f)) {
                out.add(type.cast(f));
            }
        }
        return out;
    }

    static <T extends Effect> List<T> effects(Decision d, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Effect e : d.effects()) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    static <T extends Fact> List<T> facts(List<Decision> ds, Class<T> type) {
        List<T> out = new ArrayList<>();
        ds.forEach(d -> out.addAll(facts(d, type)));
        return out;
    }

    static <T extends Effect> List<T> effects(List<Decision> ds, Class<T> type) {
        List<T> out = new ArrayList<>();
        ds.forEach(d -> out.addAll(effects(d, type)));
        return out;
    }

    /** The interactions offered by a decision, in order. */
    static List<String> offered(Decision d) {
        return Driver.offers(d).stream().map(Effect.OfferToAgent::interactionId).toList();
    }

    /** The interactions offered by several decisions, in order. */
    static List<String> offered(List<Decision> ds) {
        List<String> out = new ArrayList<>();
        ds.forEach(d -> out.addAll(offered(d)));
        return out;
    }

    /** The presence changes of one advisor across a driver's decisions, as "FROM→TO(reason)". */
    static List<String> presenceOf(Driver d, String agent) {
        return d.facts(Fact.PresenceChanged.class).stream()
                .filter(p -> p.agentId().equals(agent))
                .map(p -> p.from() + "→" + p.to() + (p.reason() == null ? "" : "(" + p.reason() + ")"))
                .toList();
    }

    /** The engine's state apart from the input counter and clock (which every input advances). */
    static String stateApartFromClock(RoutingEngine engine) {
        EngineSnapshot s = engine.snapshot();
        return List.of(
                        s.deadlineCounter(),
                        s.visitCounter(),
                        s.queues(),
                        s.agents(),
                        s.interactions(),
                        s.recentIdempotencyKeys(),
                        s.recentOffers())
                .toString();
    }

    private Council() {}
}
