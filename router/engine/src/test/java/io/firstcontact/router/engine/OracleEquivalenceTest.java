package io.firstcontact.router.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.engine.internal.Invariants;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indexed engine must decide exactly what the naive oracle decides, input after input, over long random
 * sequences of every input type; every invariant holds after every input; replaying a snapshot plus the rest of the
 * log gives the live state hash; and the same sequence twice gives byte-identical decisions.
 *
 * <p>A fixed list of seeds always runs, plus one fresh seed per run; a failure names its seed. Replay one with
 * {@code -Dengine.seed=N}; hunt with many fresh ones with {@code -Dengine.seeds=500}.
 */
class OracleEquivalenceTest {
    static final int STEPS = 5_000;
    static final long[] FIXED = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597};

    static Stream<Long> seeds() {
        String given = System.getProperty("engine.seed");
        if (given != null) {
            return Stream.of(Long.parseLong(given));
        }
        String many = System.getProperty("engine.seeds");
        if (many != null) {
            SplittableRandom r = new SplittableRandom();
            return LongStream.generate(r::nextLong).limit(Long.parseLong(many)).boxed();
        }
        long fresh = new SplittableRandom().nextLong();
        return Stream.concat(LongStream.of(FIXED).boxed(), Stream.of(fresh));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void indexedEngineDecidesExactlyWhatTheNaiveOracleDecides(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine indexed = RoutingEngine.create();
        RoutingEngine naive = Oracle.create();
        Invariants invariants = new Invariants();
        List<EngineInput> log = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        int snapshotAt = STEPS / 3 + new SplittableRandom(seed).nextInt(STEPS / 3);
        EngineSnapshot snapshot = null;
        List<EngineInput> pending = new ArrayList<>(gen.start());
        for (int step = 0; step < STEPS; step++) {
            EngineInput in = pending.isEmpty() ? gen.next(indexed) : pending.removeFirst();
            log.add(in);
            Decision a;
            try {
                a = indexed.apply(in);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " step " + step + " " + in + " threw", e);
            }
            Decision b = naive.apply(in);
            if (!a.equals(b)) {
                throw new AssertionError("seed " + seed + " step " + step + " diverged on " + in + "\nindexed: " + a
                        + "\nnaive:   " + b);
            }
            try {
                invariants.check(indexed.core(), a);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " step " + step + " after " + in + ": " + e.getMessage(), e);
            }
            checkWork(seed, step, in, indexed.lastWork());
            decisions.add(a);
            if (step == snapshotAt) {
                snapshot = indexed.snapshot();
            }
        }
        assertThat(snapshot).isNotNull();
        // Replay: snapshot + the rest of the log gives the live state, and the same decisions.
        RoutingEngine replayed = RoutingEngine.restore(snapshot);
        for (int step = snapshotAt + 1; step < log.size(); step++) {
            Decision d = replayed.apply(log.get(step));
            if (!d.equals(decisions.get(step))) {
                throw new AssertionError("seed " + seed + " replay diverged at step " + step + "\nlive:     "
                        + decisions.get(step) + "\nreplayed: " + d);
            }
        }
        assertThat(replayed.stateHash()).as("seed %d replayed state", seed).isEqualTo(indexed.stateHash());
        assertThat(naive.stateHash()).as("seed %d naive state", seed).isEqualTo(indexed.stateHash());
        // Determinism: the same log again gives byte-identical decisions.
        RoutingEngine again = RoutingEngine.create();
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int step = 0; step < log.size(); step++) {
            first.append(decisions.get(step)).append('\n');
            second.append(again.apply(log.get(step))).append('\n');
        }
        assertThat(second.toString()).as("seed %d determinism", seed).isEqualTo(first.toString());
    }

    /**
     * Work per input is bounded by what it touches: every interaction or advisor examined comes from a bucket
     * touched, a skipped exclusion, a target, or an offer made — never from a scan of queues × agents.
     */
    private static void checkWork(long seed, int step, EngineInput in, InputWork w) {
        long examined = w.examined();
        long bound = 2 * (w.bucketsTouched() + w.exclusionsSkipped() + w.offersMade()) + 16 + 16L * w.offersMade();
        if (!(in.command() instanceof io.firstcontact.router.api.command.Command.ConfigureRouting)
                && !(in.command() instanceof io.firstcontact.router.api.command.Command.DefineAgent)
                && examined > bound) {
            throw new AssertionError("seed " + seed + " step " + step + " examined " + examined + " > " + bound
                    + " for " + in + " (" + w + ")");
        }
    }
}
