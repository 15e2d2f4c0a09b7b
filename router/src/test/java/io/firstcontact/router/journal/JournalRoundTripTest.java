package io.firstcontact.router.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.engine.Decision;
import io.firstcontact.router.engine.EngineInput;
import io.firstcontact.router.engine.EngineSnapshot;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input, decision and entry of long random runs, and the final snapshot, come back equal from the journal form,
 * and writing what was read gives the same bytes.
 */
class JournalRoundTripTest {
    static final JournalCodec CODEC = new JournalCodec();
    static final int STEPS = 3_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13})
    void randomRunsRoundTripExactly(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine engine = RoutingEngine.create();
        List<EngineInput> pending = new ArrayList<>(gen.start());
        for (int step = 0; step < STEPS; step++) {
            EngineInput in = pending.isEmpty() ? gen.next(engine.core()) : pending.removeFirst();
            Decision d = engine.apply(in);
            String at = "seed " + seed + " step " + step;

            byte[] inBytes = CODEC.encodeInput(in);
            EngineInput inBack = CODEC.decodeInput(inBytes);
            assertThat(inBack).as(at).isEqualTo(in);
            assertThat(CODEC.encodeInput(inBack)).as(at).isEqualTo(inBytes);

            byte[] dBytes = CODEC.encodeDecision(d);
            Decision dBack = CODEC.decodeDecision(dBytes);
            assertThat(dBack).as(at).isEqualTo(d);
            assertThat(CODEC.encodeDecision(dBack)).as(at).isEqualTo(dBytes);

            JournalEntry entry = JournalEntry.of(in, d);
            byte[] eBytes = CODEC.encodeEntry(entry);
            JournalEntry eBack = CODEC.decodeEntry(eBytes);
            assertThat(eBack).as(at).isEqualTo(entry);
            assertThat(CODEC.encodeEntry(eBack)).as(at).isEqualTo(eBytes);
        }
        EngineSnapshot snapshot = engine.snapshot();
        byte[] sBytes = CODEC.encodeSnapshot(snapshot);
        EngineSnapshot sBack = CODEC.decodeSnapshot(sBytes);
        assertThat(sBack).isEqualTo(snapshot);
        assertThat(CODEC.encodeSnapshot(sBack)).isEqualTo(sBytes);
        // The decoded snapshot restores an engine in exactly the live state.
        assertThat(RoutingEngine.restore(sBack).stateHash()).isEqualTo(engine.stateHash());
    }
}
