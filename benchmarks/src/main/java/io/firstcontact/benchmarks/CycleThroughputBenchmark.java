package io.firstcontact.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inputs per second on one thread over the whole steady cycle (wrap-up ended + offer accepted + call ended + new
 * arrival per turn; the score counts inputs, not turns). Building, stamping and checking each input is included,
 * as a host's sequencer thread would pay for it; the GC profiler's {@code gc.alloc.rate.norm} is bytes per input
 * including that.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CycleThroughputBenchmark {
    private static final int INPUTS_PER_TURN = 4;

    @Param({Engines.INDEXED})
    public String engine;

    @Param({Shape.SMALL, Shape.LARGE, Shape.STRESS})
    public String shape;

    private SteadyCycle cycle;

    @Setup(Level.Trial)
    public void steadyState() {
        cycle = new Workload(Shape.named(shape), 42).steadyState(Engines.create(engine));
    }

    @Benchmark
    @OperationsPerInvocation(INPUTS_PER_TURN)
    public void turn() {
        cycle.turn();
    }
}
