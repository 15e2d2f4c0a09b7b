package io.firstcontact.router.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTest {

    /** A live engine's journal, with a snapshot taken part way. */
    private static List<Journal.Entry> journal(RoutingEngine live, int steps, int snapshotAt, EngineSnapshot[] out) {
        RandomInputs gen = new RandomInputs(11);
        List<EngineInput> pending = new ArrayList<>(gen.start());
        List<Journal.Entry> entries = new ArrayList<>();
        for (int s = 0; s < steps; s++) {
            EngineInput in = pending.isEmpty() ? gen.next(live) : pending.removeFirst();
            entries.add(new Journal.Entry(in, live.apply(in)));
            if (s == snapshotAt) {
                out[0] = live.snapshot();
            }
        }
        return entries;
    }

    @Test
    void snapshotPlusCommittedEntriesRebuildsTheLiveState() {
        RoutingEngine live = RoutingEngine.create();
        EngineSnapshot[] snapshot = new EngineSnapshot[1];
        List<Journal.Entry> entries = journal(live, 2_000, 1_200, snapshot);
        Recovery fromSnapshot = Recovery.from(snapshot[0]);
        entries.forEach(fromSnapshot::apply);
        assertThat(fromSnapshot.applied()).isEqualTo(2_000 - 1_201);
        assertThat(fromSnapshot.engine().stateHash()).isEqualTo(live.stateHash());
        Recovery fromNothing = Recovery.from(null);
        entries.forEach(fromNothing::apply);
        assertThat(fromNothing.engine().stateHash()).isEqualTo(live.stateHash());
    }

    @Test
    void anEntryTheEngineWouldDecideDifferentlyStopsRecovery() {
        RoutingEngine live = RoutingEngine.create();
        List<Journal.Entry> entries = journal(live, 300, 0, new EngineSnapshot[1]);
        Journal.Entry last = entries.getLast();
        Decision forged = new Decision(last.decision().seq(), List.of(), List.of(), Decision.NO_DEADLINE);
        Recovery r = Recovery.from(null);
        entries.subList(0, entries.size() - 1).forEach(r::apply);
        assertThatThrownBy(() -> r.apply(new Journal.Entry(last.input(), forged)))
                .isInstanceOf(Recovery.DivergenceException.class)
                .hasMessageContaining(last.id());
    }
}
