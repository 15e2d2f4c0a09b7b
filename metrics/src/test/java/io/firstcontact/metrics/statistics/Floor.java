package io.firstcontact.metrics.statistics;

import io.firstcontact.metrics.Fed;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CrossSellOutcome;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.SelfServiceOutcome;
import io.firstcontact.router.engine.Centres;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A contact-centre floor for the statistics' tests: the real engine with the small centre ({@code billing} voice with
 * T 30 s and 30 s wrap-up, {@code chat} with T 60 s and 10 s wrap-up, {@code email}), driven with a steppable engine
 * time that starts at a local time in Europe/London, every entry folded into {@link Statistics} as if just
 * committed, the statistics' timers run when engine time passes them.
 */
final class Floor {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final Fed fed;
    final Statistics stats;
    final ManualScheduler timers = new ManualScheduler();
    final HistoryStore.InMemory history = new HistoryStore.InMemory();

    Floor(LocalDateTime localStart) {
        this(localStart, StatisticsOptions.DEFAULT);
    }

    Floor(LocalDateTime localStart, StatisticsOptions options) {
        fed = new Fed(localStart.atZone(LONDON).toInstant().toEpochMilli());
        stats = new Statistics(options, timers, history, CustomerKeys.UNKEYED);
        fed.to(stats);
        fed.configure(Centres.small());
        stats.goLive(fed.now());
    }

    long now() {
        return fed.now();
    }

    /** Lets engine time pass: engine deadlines and the statistics' timers fire at their instants. */
    Floor advance(Duration d) {
        long until = fed.now() + d.toMillis();
        while (true) {
            List<Long> due = timers.pending().stream().filter(t -> t <= until).toList();
            if (due.isEmpty()) {
                break;
            }
            fed.advance(Math.max(0, due.getFirst() - fed.now()));
            timers.runUntil(fed.now());
        }
        fed.advance(until - fed.now());
        timers.runUntil(fed.now());
        return this;
    }

    Floor advanceSeconds(double seconds) {
        return advance(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    Decision apply(Command c) {
        return fed.apply(c);
    }

    Floor advisor(String id, boolean ready) {
        fed.agent(id);
        fed.login(id, ready);
        return this;
    }

    Floor call(String id) {
        fed.arrive(id, "voice", "billing");
        return this;
    }

    Floor callFrom(String id, String customerRef) {
        fed.apply(new Command.CreateInteraction(
                id,
                "voice",
                Direction.INBOUND,
                "voice:" + id,
                null,
                customerRef,
                Attributes.NONE,
                QueueRequest.to("billing")));
        return this;
    }

    Floor callWith(String id, Attributes attributes) {
        fed.apply(new Command.CreateInteraction(
                id, "voice", Direction.INBOUND, "voice:" + id, null, null, attributes, QueueRequest.to("billing")));
        return this;
    }

    Floor chat(String id) {
        fed.arrive(id, "chat", "chat");
        return this;
    }

    Floor answer(String id) {
        fed.answer(id);
        return this;
    }

    Floor hangUp(String id) {
        fed.hangUp(id);
        return this;
    }

    /** The advisor ends the contact: wrap-up starts. */
    Floor end(String id) {
        fed.end(id);
        return this;
    }

    Floor ready(String agent) {
        fed.ready(agent);
        return this;
    }

    Floor notReady(String agent, String reason) {
        fed.notReady(agent, reason);
        return this;
    }

    Floor logout(String agent) {
        fed.logout(agent);
        return this;
    }

    /** The assignment of the interaction's last offer (assignments are named after their offers). */
    String assignment(String interaction) {
        return fed.driver.lastOfferFor(interaction).offerId();
    }

    Floor crossSell(String interaction, String service, CrossSellOutcome outcome) {
        fed.apply(new Command.RecordCrossSell(assignment(interaction), service, outcome, Actor.SYSTEM));
        return this;
    }

    Floor wrapUpCodes(String interaction, String... codes) {
        fed.apply(new Command.RecordWrapUp(assignment(interaction), List.of(codes), Actor.SYSTEM));
        return this;
    }

    Floor selfServe(String id, String channel, String service, SelfServiceOutcome outcome) {
        fed.apply(new Command.CreateInteraction(
                id, channel, Direction.INBOUND, channel + ":" + id, null, null, Attributes.NONE, null));
        fed.apply(new Command.RecordSelfService(id, service, outcome));
        return this;
    }

    QueueFigures queue(String queue) {
        return stats.queue(queue, now()).orElseThrow();
    }

    Counts billingToday() {
        return queue("billing").today().counts();
    }

    AdvisorFigures advisorFigures(String agent) {
        return stats.advisor(agent, now()).orElseThrow();
    }

    static long at(LocalDateTime local) {
        return local.atZone(LONDON).toInstant().toEpochMilli();
    }
}
