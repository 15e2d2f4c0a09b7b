package io.firstcontact.benchmarks;

import io.firstcontact.benchmarks.load.Centre;
import io.firstcontact.desktop.story.ContactStories;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the supervisor's decision traces in words cost the engine thread per offer: one {@link
 * ContactStories#committed} of an arrival's entry that offers the call, over a queue taken by {@value #POOL} advisors
 * (the load centre's front teams with three queues: every front advisor takes every front queue) — a third on calls,
 * a third not ready, a sixth free, a sixth logged out. The read model has applied the entry, as on the server; the
 * stories explain the offer against it each time (the contact's steps stay bounded by {@link
 * ContactStories#MAX_STEPS}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionTraceBenchmark {
    /** Advisors who take the offered call's queue. */
    static final int POOL = 1_200;

    private static final long START = 1_700_000_000_000L;

    private RoutingEngine engine;
    private LiveView view;
    private ContactStories stories;
    private long seq;
    private long at = START;
    private EngineInput offerInput;
    private Decision offerDecision;

    @Setup
    public void setUp() {
        Centre centre = new Centre(4, POOL, 10, 42);
        engine = RoutingEngine.create();
        view = new LiveView(ViewOptions.DEFAULT, engine::position);
        stories = new ContactStories(view, id -> "Advisor " + id.substring(1) + " (" + id + ")", 1_000);
        feed(new Command.ConfigureRouting(centre.config()));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < centre.agents(); i++) {
            String id = Centre.agentId(i);
            List<SkillLevel> skills = new ArrayList<>();
            if (centre.isBacklogAgent(i)) {
                skills.add(new SkillLevel("s" + Centre.BACKLOG, 1 + random.nextInt(10)));
                feed(new Command.DefineAgent(id, skills, "voice-only", "team-" + Centre.BACKLOG));
                continue;
            }
            for (int q = 0; q < centre.frontQueues(); q++) {
                skills.add(new SkillLevel("s" + Centre.frontQueue(q), 1 + random.nextInt(10)));
            }
            feed(new Command.DefineAgent(
                    id, skills, "voice-only", "team-" + Centre.frontQueue(i % centre.frontQueues())));
        }
        // Everyone but the last sixth logs in ready; then a third take calls, and a third go on a break.
        for (int i = 0; i < POOL * 5 / 6; i++) {
            feed(new Command.LogIn(Centre.agentId(i), true, Actor.agent(Centre.agentId(i))));
        }
        for (int c = 0; c < POOL / 3; c++) {
            Decision d = feed(arrival("busy-" + c));
            feed(new Command.AcceptOffer(
                    offerOf(d).offerId(), Actor.agent(offerOf(d).agentId())));
        }
        for (int i = POOL / 3; i < POOL * 2 / 3; i++) {
            String id = Centre.agentId(i);
            feed(new Command.ChangePresence(id, PresenceState.NOT_READY, "BREAK", Actor.agent(id), false));
        }
        offerInput = input(arrival("measured"));
        offerDecision = engine.apply(offerInput);
        view.committed(offerInput, offerDecision);
        offerOf(offerDecision);
    }

    @Benchmark
    public void explainAnOffer() {
        stories.committed(offerInput, offerDecision);
    }

    private Command arrival(String id) {
        return new Command.CreateInteraction(
                id,
                Centre.CHANNEL,
                Direction.INBOUND,
                "bench:" + id,
                null,
                null,
                Attributes.of("ivrChoice", Centre.frontQueue(0)),
                QueueRequest.to(Centre.frontQueue(0)));
    }

    private static Fact.OfferCreated offerOf(Decision d) {
        return d.facts().stream()
                .filter(Fact.OfferCreated.class::isInstance)
                .map(Fact.OfferCreated.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no offer in " + d.facts()));
    }

    private EngineInput input(Command command) {
        at += 1_000;
        return new EngineInput(1, ++seq, at, "bench", null, command);
    }

    private Decision feed(Command command) {
        EngineInput input = input(command);
        Decision d = engine.apply(input);
        if (d.refused()) {
            throw new IllegalStateException(command + " refused: " + d);
        }
        view.committed(input, d);
        stories.committed(input, d);
        return d;
    }
}
