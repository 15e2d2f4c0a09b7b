package io.firstcontact.router.journal;

import static io.firstcontact.router.journal.TestCodecs.masked;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every input, decision and entry of long random runs, and the final snapshot, come back equal from the journal form,
 * and writing what was read gives the same bytes (but for sealed personal values, sealed under a new nonce each time).
 */
class JournalRoundTripTest {
    /** Every attribute personal: all of them are sealed. */
    static final JournalCodec CODEC = TestCodecs.keyed();

    static final int STEPS = 3_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13})
    void randomRunsRoundTripExactly(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine engine = RoutingEngine.create();
        List<EngineInput> pending = new ArrayList<>(gen.start());
        for (int step = 0; step < STEPS; step++) {
            EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
            Decision d = engine.apply(in);
            String at = "seed " + seed + " step " + step;

            byte[] inBytes = CODEC.encodeInput(in);
            EngineInput inBack = CODEC.decodeInput(inBytes);
            assertThat(inBack).as(at).isEqualTo(in);
            assertThat(masked(CODEC.encodeInput(inBack))).as(at).isEqualTo(masked(inBytes));

            byte[] dBytes = CODEC.encodeDecision(d);
            Decision dBack = CODEC.decodeDecision(dBytes);
            assertThat(dBack).as(at).isEqualTo(d);
            assertThat(masked(CODEC.encodeDecision(dBack))).as(at).isEqualTo(masked(dBytes));

            JournalEntry entry = JournalEntry.of(in, d);
            byte[] eBytes = CODEC.encodeEntry(entry);
            assertThat(new String(eBytes, UTF_8)).as(at).doesNotContain("\"value\":"); // no attribute in clear
            JournalEntry eBack = CODEC.decodeEntry(eBytes);
            assertThat(eBack).as(at).isEqualTo(entry);
            assertThat(masked(CODEC.encodeEntry(eBack))).as(at).isEqualTo(masked(eBytes));
        }
        EngineSnapshot snapshot = engine.snapshot();
        byte[] sBytes = CODEC.encodeSnapshot(snapshot);
        EngineSnapshot sBack = CODEC.decodeSnapshot(sBytes);
        assertThat(sBack).isEqualTo(snapshot);
        assertThat(masked(CODEC.encodeSnapshot(sBack))).isEqualTo(masked(sBytes));
        // The decoded snapshot restores an engine in exactly the live state.
        assertThat(RoutingEngine.restore(sBack).stateHash()).isEqualTo(engine.stateHash());
    }
}
