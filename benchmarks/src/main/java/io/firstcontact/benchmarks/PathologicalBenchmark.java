package io.firstcontact.benchmarks;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Inputs whose cost is bounded in bulk rather than per input (single shots, each on a state reached by feeding
 * events).
 *
 * <ul>
 *   <li>{@code configChange}: one ConfigureRouting (a new version changing the relaxation step of every queue) with
 *       the shape's interactions waiting and advisors busy;
 *   <li>{@code deadlineStorm}: 1,000 offers made in the same engine millisecond to 1,000 advisors, none answered,
 *       10,000 more calls waiting; one DeadlinesDue at their expiry times out all 1,000 (RONA);
 *   <li>{@code loginBurst}: 500 advisors log in READY within one engine second (one input every 2 ms) on the
 *       shape's steady state; the shot is all 500 inputs, each new advisor is offered a waiting call.
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PathologicalBenchmark {
    static final int STORM_OFFERS = 1_000;
    static final int STORM_BACKGROUND = 10_000;
    static final int BURST = 500;

    /** A configuration change on the steady state. */
    @State(Scope.Thread)
    public static class ConfigChange {
        @Param({Shape.LARGE})
        public String shape;

        /**
         * {@code relaxation}: a new relaxation step on every queue (only waiting interactions move); {@code strategy}:
         * a new strategy on every queue (every advisor is re-indexed too).
         */
        @Param({"relaxation", "strategy"})
        public String change;

        Workload workload;
        Feeder feeder;
        long version = 1;
        EngineInput next;
        Decision last;

        @Setup(Level.Trial)
        public void steadyState() {
            workload = new Workload(Shape.named(shape), 42);
            feeder = workload.steadyState(RoutingEngine.create()).feeder();
        }

        @Setup(Level.Iteration)
        public void prepare() {
            version++;
            long relaxAfter = version % 2 == 0 ? 60_000 : 90_000;
            RoutingStrategy strategy = version % 2 == 0 ? RoutingStrategy.MOST_SKILLED : RoutingStrategy.LONGEST_IDLE;
            next = feeder.stamp(new Command.ConfigureRouting(
                    change.equals("strategy")
                            ? workload.config(version, 0, strategy)
                            : workload.config(version, relaxAfter)));
        }

        @TearDown(Level.Iteration)
        public void check() {
            Workload.check(last, "configuration change");
            if (!(last.facts().getFirst() instanceof Fact.ConfigurationApplied)) {
                throw new IllegalStateException("configuration not applied: " + last.facts());
            }
        }
    }

    /** 1,000 offers due in the same millisecond. */
    @State(Scope.Thread)
    public static class DeadlineStorm {
        RoutingEngine engine;
        EngineInput next;
        Decision last;

        @Setup(Level.Iteration)
        public void prepare() {
            Workload w = new Workload(Shape.named(Shape.SMALL).withAgentsAndWaiting(STORM_OFFERS, 0), 42);
            engine = RoutingEngine.create();
            Feeder f = w.loggedIn(engine);
            f.stepMillis(0);
            long expiry = 0;
            boolean[] offered = new boolean[STORM_OFFERS];
            int cursor = 0;
            for (int k = 0; k < STORM_OFFERS; k++) {
                while (offered[cursor]) {
                    cursor++;
                }
                int[] qs = w.queuesOf(cursor);
                Decision d = f.apply(w.arrival(qs[w.random().nextInt(qs.length)]));
                Effect.OfferToAgent o = Workload.onlyOffer(d, "arrival with free advisors");
                offered[w.agentIndex(o.agentId())] = true;
                expiry = o.expiresAt();
            }
            for (int k = 0; k < STORM_BACKGROUND; k++) {
                Workload.noOffer(f.apply(w.arrival(w.randomStaffedQueue())));
            }
            if (engine.nextDeadline() != expiry) {
                throw new IllegalStateException("the offers do not expire together");
            }
            f.moveTo(expiry);
            next = f.stampNow(new Command.DeadlinesDue());
        }

        @TearDown(Level.Iteration)
        public void check() {
            long timedOut = last.facts().stream()
                    .filter(x -> x instanceof Fact.OfferStatusChanged s && s.status() == OfferStatus.TIMED_OUT)
                    .count();
            if (timedOut != STORM_OFFERS) {
                throw new IllegalStateException(timedOut + " offers timed out, not " + STORM_OFFERS);
            }
        }
    }

    /** 500 log-ins within one engine second. */
    @State(Scope.Thread)
    public static class LoginBurst {
        @Param({Shape.LARGE})
        public String shape;

        Workload workload;
        Feeder feeder;
        int round;
        final List<Command> logins = new ArrayList<>();
        int offers;

        @Setup(Level.Trial)
        public void steadyState() {
            workload = new Workload(Shape.named(shape), 42);
            feeder = workload.steadyState(RoutingEngine.create()).feeder();
        }

        @Setup(Level.Iteration)
        public void prepare() {
            round++;
            logins.clear();
            offers = 0;
            for (int k = 0; k < BURST; k++) {
                String id = "x" + round + "-" + k;
                Workload.check(feeder.apply(workload.defineAs(id, k)), "define");
                logins.add(new Command.LogIn(id, true, Actor.agent(id)));
                Workload.noOffer(feeder.apply(workload.arrival(workload.queuesOf(k)[0])));
            }
            feeder.stepMillis(2);
        }

        @TearDown(Level.Iteration)
        public void check() {
            feeder.stepMillis(1);
            if (offers < BURST / 2) {
                throw new IllegalStateException("only " + offers + " of " + BURST + " log-ins were offered work");
            }
        }
    }

    @Benchmark
    public Decision configChange(ConfigChange s) {
        Decision d = s.feeder.engine().apply(s.next);
        s.last = d;
        return d;
    }

    @Benchmark
    public Decision deadlineStorm(DeadlineStorm s) {
        Decision d = s.engine.apply(s.next);
        s.last = d;
        return d;
    }

    @Benchmark
    public int loginBurst(LoginBurst s) {
        int offers = 0;
        for (Command c : s.logins) {
            Decision d = s.feeder.apply(c);
            for (Effect e : d.effects()) {
                if (e instanceof Effect.OfferToAgent) {
                    offers++;
                }
            }
        }
        s.offers = offers;
        return offers;
    }
}
