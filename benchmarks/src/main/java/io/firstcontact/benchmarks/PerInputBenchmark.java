package io.firstcontact.benchmarks;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.engine.RoutingEngine;
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
 * Latency of one engine input of one type on the steady state ({@link SteadyCycle}). Each invocation times exactly
 * one {@code engine.apply}; the rest of the turn is applied in the per-invocation set-up, so each measured input is
 * the natural next step of a steady cycle.
 *
 * <ul>
 *   <li>{@code arrival}: a new call arrives, nobody is free, it waits;
 *   <li>{@code ready}: NOT_READY → READY of a free advisor, who is offered the best waiting call;
 *   <li>{@code accept}: the advisor accepts the offer;
 *   <li>{@code end}: a call ends, wrap-up starts;
 *   <li>{@code wrapUpEnd}: the advisor ends wrap-up early and is offered the best waiting call;
 *   <li>{@code deadline}: the wrap-up timer fires (one DeadlinesDue ending one wrap-up), and the advisor is offered
 *       the best waiting call.
 * </ul>
 *
 * JMH's GC profiler charges the set-up's allocation to the measured input here; {@link AllocationReport} gives the
 * allocation of each input alone, and {@link CycleThroughputBenchmark} the mean over a whole turn.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerInputBenchmark {

    @Param({Engines.INDEXED})
    public String engine;

    @Param({Shape.SMALL, Shape.LARGE, Shape.STRESS})
    public String shape;

    @Param({"arrival", "ready", "accept", "end", "wrapUpEnd", "deadline"})
    public String input;

    private SteadyCycle cycle;
    private RoutingEngine routing;
    private SteadyCycle.Step measured;
    private EngineInput next;
    private Decision last;

    @Setup(Level.Trial)
    public void steadyState() {
        SteadyCycle.Flavour flavour;
        switch (input) {
            case "arrival" -> {
                flavour = SteadyCycle.Flavour.PLAIN;
                measured = SteadyCycle.Step.ARRIVAL;
            }
            case "ready" -> {
                flavour = SteadyCycle.Flavour.READY;
                measured = SteadyCycle.Step.READY;
            }
            case "accept" -> {
                flavour = SteadyCycle.Flavour.PLAIN;
                measured = SteadyCycle.Step.ACCEPT;
            }
            case "end" -> {
                flavour = SteadyCycle.Flavour.PLAIN;
                measured = SteadyCycle.Step.END;
            }
            case "wrapUpEnd" -> {
                flavour = SteadyCycle.Flavour.PLAIN;
                measured = SteadyCycle.Step.WRAP_END;
            }
            case "deadline" -> {
                flavour = SteadyCycle.Flavour.TIMER;
                measured = SteadyCycle.Step.DEADLINE;
            }
            default -> throw new IllegalArgumentException("unknown input " + input);
        }
        routing = Engines.create(engine);
        cycle = new Workload(Shape.named(shape), 42).steadyState(routing).flavour(flavour);
    }

    @Setup(Level.Invocation)
    public void prepare() {
        cycle.advanceTo(measured);
        next = cycle.prepare();
    }

    @Benchmark
    public Decision apply() {
        Decision d = routing.apply(next);
        last = d;
        return d;
    }

    @TearDown(Level.Invocation)
    public void absorb() {
        cycle.absorb(last);
    }
}
