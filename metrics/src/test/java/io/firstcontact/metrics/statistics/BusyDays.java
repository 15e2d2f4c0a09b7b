package io.firstcontact.metrics.statistics;

import io.firstcontact.metrics.Fed;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attribute;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.ConsultOutcome;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.DialOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.engine.Centres;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random traffic on the real engine, across midnight: calls and chats from a small pool of customers, answers,
 * hang-ups while waiting and while ringing, unanswered offers, breaks, wrap-up codes, cross-sell, self-service and
 * online activity, holds, consults, dropped connections and callbacks. Commands that do not fit the engine's state are refused and change nothing, as in production.
 */
final class BusyDays {
    private static final String FLOOR_WALKER = "walker";
    private static final String NUMBER = "+441632960999";

    private BusyDays() {}

    static Fed run(long seed, int steps) {
        SplittableRandom r = new SplittableRandom(seed);
        Fed fed = new Fed(LocalDateTime.of(2026, 10, 24, 22, 0)
                .atZone(ZoneId.of("Europe/London"))
                .toInstant()
                .toEpochMilli());
        RoutingConfig small = Centres.small();
        List<RoutingProfile> profiles = new ArrayList<>(small.routingProfiles());
        profiles.add(new RoutingProfile("floor", List.of(new QueueMembership("email", 1, 0))));
        fed.configure(new RoutingConfig(
                small.version(),
                small.channels(),
                small.skills(),
                small.queues(),
                small.utilisationProfiles(),
                profiles,
                small.notReadyReasons(),
                small.attributes(),
                small.policy()));
        // The floor walker takes no calls (no email comes): free to be consulted.
        fed.apply(new Command.DefineAgent(FLOOR_WALKER, List.of(), "council", "floor"));
        fed.login(FLOOR_WALKER, true);
        List<String> agents = List.of("a1", "a2", "a3", "a4");
        for (String a : agents) {
            fed.agent(a);
            fed.login(a, r.nextBoolean());
        }
        List<String> interactions = new ArrayList<>();
        List<String> callbacks = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            for (String ringing : live(fed, Fact.OfferCreated.class)) {
                if (r.nextInt(10) < 7) { // most offers are answered before time moves on; the rest ring out
                    fed.apply(new Command.AcceptOffer(ringing, Actor.SYSTEM));
                }
            }
            int pick = r.nextInt(100);
            if (pick < 20) {
                String id = "i" + i;
                boolean chat = r.nextInt(4) == 0;
                String ref = r.nextInt(3) == 0 ? null : "cust-" + r.nextInt(12);
                Attributes attrs = ref == null && r.nextBoolean()
                        ? Attributes.of("callerNumber", "+4416329600" + r.nextInt(10))
                        : Attributes.NONE;
                fed.apply(new Command.CreateInteraction(
                        id,
                        chat ? "chat" : "voice",
                        Direction.INBOUND,
                        (chat ? "chat:" : "voice:") + id,
                        null,
                        ref,
                        attrs,
                        r.nextInt(10) == 0 ? null : QueueRequest.to(chat ? "chat" : "billing")));
                interactions.add(id);
            } else if (pick < 40) {
                fed.advance(r.nextLong(1, 90_000));
            } else if (pick < 52) {
                List<String> ringing = live(fed, Fact.OfferCreated.class);
                if (!ringing.isEmpty()) {
                    fed.apply(new Command.AcceptOffer(ringing.get(r.nextInt(ringing.size())), Actor.SYSTEM));
                }
            } else if (pick < 60 && !interactions.isEmpty()) {
                String id = interactions.get(r.nextInt(interactions.size()));
                fed.apply(new Command.EndInteraction(
                        id, r.nextBoolean() ? EndReason.CUSTOMER_LEFT : EndReason.COMPLETED));
            } else if (pick < 66) {
                String a = agents.get(r.nextInt(agents.size()));
                switch (r.nextInt(5)) {
                    case 0 -> fed.notReady(a, r.nextBoolean() ? "BREAK" : "LUNCH");
                    case 1 -> fed.logout(a);
                    case 2 -> fed.login(a, true);
                    default -> fed.ready(a); // twice as likely: advisors come back from breaks and RONAs
                }
            } else if (pick < 74) {
                List<String> open = live(fed, Fact.AssignmentStarted.class);
                if (!open.isEmpty()) {
                    String as = open.get(r.nextInt(open.size()));
                    if (r.nextBoolean()) {
                        CrossSellOutcome[] all = CrossSellOutcome.values();
                        fed.apply(new Command.RecordCrossSell(
                                as,
                                r.nextBoolean() ? "pay-online" : "bin-alerts",
                                all[r.nextInt(all.length)],
                                Actor.SYSTEM));
                    } else {
                        fed.apply(new Command.RecordWrapUp(
                                as, List.of(r.nextBoolean() ? "missed-bin" : "council-tax"), Actor.SYSTEM));
                    }
                }
            } else if (pick < 80 && !interactions.isEmpty()) {
                String id = interactions.get(r.nextInt(interactions.size()));
                SelfServiceOutcome[] all = SelfServiceOutcome.values();
                fed.apply(new Command.RecordSelfService(id, "pay-pcn", all[r.nextInt(all.length)]));
            } else if (pick < 82 && !interactions.isEmpty()) { // a caller found by the account context
                fed.apply(new Command.IdentifyCustomer(
                        interactions.get(r.nextInt(interactions.size())), "cust-" + r.nextInt(12)));
            } else if (pick < 84) {
                fed.apply(new Command.ReportOnlineActivity(
                        "cust-" + r.nextInt(12), r.nextBoolean() ? "paid-online" : "registered"));
            } else if (pick < 87) {
                List<String> talking = connected(fed);
                if (!talking.isEmpty()) {
                    String id = talking.get(r.nextInt(talking.size()));
                    fed.apply(r.nextInt(3) > 0 ? new Command.Park(id) : new Command.Resume(id));
                }
            } else if (pick < 90) {
                fed.advance(r.nextLong(1, 20 * 60_000));
            } else if (pick < 93 && !interactions.isEmpty()) {
                String id = interactions.get(r.nextInt(interactions.size()));
                fed.apply(new Command.QueueInteraction(id, QueueRequest.to("billing")));
            } else if (pick < 95 && !interactions.isEmpty()) {
                String id = interactions.get(r.nextInt(interactions.size()));
                fed.apply(r.nextBoolean() ? new Command.CustomerDisconnected(id) : new Command.CustomerReconnected(id));
            } else if (pick < 97 && !interactions.isEmpty()) {
                if (callbacks.isEmpty() || r.nextInt(3) == 0) {
                    String id = interactions.get(r.nextInt(interactions.size()));
                    Decision d = fed.apply(new Command.RequestCallback(id, new Attribute("callbackNumber", NUMBER)));
                    if (!d.refused()) {
                        callbacks.add(id);
                    }
                } else {
                    DialOutcome[] all = DialOutcome.values();
                    String id = callbacks.get(r.nextInt(callbacks.size()));
                    fed.apply(new Command.CallbackDialOutcome(id, all[r.nextInt(all.length)]));
                }
            } else {
                List<String> talking = connected(fed);
                if (!talking.isEmpty()) {
                    String id = talking.get(r.nextInt(talking.size()));
                    String colleague = r.nextInt(4) > 0 ? FLOOR_WALKER : agents.get(r.nextInt(agents.size()));
                    if (r.nextInt(3) > 0) {
                        fed.apply(new Command.StartConsult(id, colleague));
                    } else {
                        ConsultOutcome o = r.nextBoolean() ? ConsultOutcome.COMPLETED : ConsultOutcome.CANCELLED;
                        fed.apply(new Command.EndConsult(id, colleague, o));
                    }
                }
            }
        }
        return fed;
    }

    /** The interactions an advisor is talking with (an assignment active, not wrapping up), from the facts so far. */
    private static List<String> connected(Fed fed) {
        java.util.LinkedHashMap<String, String> active = new java.util.LinkedHashMap<>(); // assignment → interaction
        for (var d : fed.driver.decisions()) {
            for (Fact f : d.facts()) {
                switch (f) {
                    case Fact.AssignmentStarted a -> active.put(a.assignmentId(), a.interactionId());
                    case Fact.WrapUpStarted w -> active.remove(w.assignmentId());
                    case Fact.AssignmentEnded a -> active.remove(a.assignmentId());
                    default -> {}
                }
            }
        }
        return new ArrayList<>(new java.util.LinkedHashSet<>(active.values()));
    }

    /** The offers still ringing, or the assignments still open, from the facts so far. */
    private static List<String> live(Fed fed, Class<? extends Fact> started) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (var d : fed.driver.decisions()) {
            for (Fact f : d.facts()) {
                switch (f) {
                    case Fact.OfferCreated o when started == Fact.OfferCreated.class -> ids.add(o.offerId());
                    case Fact.OfferStatusChanged o when !o.status().live() -> ids.remove(o.offerId());
                    case Fact.AssignmentStarted a
                    when started == Fact.AssignmentStarted.class -> ids.add(a.assignmentId());
                    case Fact.AssignmentEnded a -> ids.remove(a.assignmentId());
                    default -> {}
                }
            }
        }
        return new ArrayList<>(ids);
    }
}
