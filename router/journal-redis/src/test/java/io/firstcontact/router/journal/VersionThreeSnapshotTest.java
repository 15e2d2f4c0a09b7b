package io.firstcontact.router.journal;

import static io.firstcontact.router.journal.OldSnapshots.VERSION_THREE_AT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.engine.RoutingEngine;
import org.junit.jupiter.api.Test;

/**
 * A snapshot written before the engine kept when presences began and calls were parked (schema version 3, kept byte
 * for byte) still restores: those times are unknown, everything else is as it was, and the engine learns the times
 * again as they change.
 */
class VersionThreeSnapshotTest {
    static final JournalCodec CODEC = TestCodecs.keyed();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aVersionThreeSnapshotReadsWithTheTimesUnknownAndNothingElseChanged() throws Exception {
        EngineSnapshot read = CODEC.decodeSnapshot(OldSnapshots.versionThree());

        assertThat(read.schemaVersion()).isEqualTo(EngineSnapshot.SCHEMA_VERSION);
        assertThat(read.agents()).extracting(EngineSnapshot.AgentSnap::id).containsExactly("ann", "bob");
        assertThat(read.agents()).allSatisfy(a -> assertThat(a.presenceSince()).isNull());
        assertThat(read.interactions()).singleElement().satisfies(c1 -> {
            assertThat(c1.phase()).isEqualTo(Phase.PARKED);
            assertThat(c1.parkedSince()).isNull();
        });
        ObjectNode again = (ObjectNode) JSON.readTree(CODEC.encodeSnapshot(read));
        again.put("schemaVersion", 3);
        again.withArray("/agents").forEach(a -> ((ObjectNode) a).remove("presenceSince"));
        again.withArray("/interactions").forEach(i -> ((ObjectNode) i).remove("parkedSince"));
        assertThat(again).isEqualTo(JSON.readTree(OldSnapshots.versionThree()));
    }

    @Test
    void anEngineRestoredFromAVersionThreeSnapshotLearnsTheTimesWhenTheyChange() {
        RoutingEngine engine = RoutingEngine.restore(CODEC.decodeSnapshot(OldSnapshots.versionThree()));
        long later = VERSION_THREE_AT + 5_000;

        engine.apply(new EngineInput(1, 11, later, "api", null, new Command.Resume("c1")));
        engine.apply(new EngineInput(1, 12, later, "api", null, new Command.Park("c1")));
        engine.apply(new EngineInput(
                1,
                13,
                later,
                "api",
                null,
                new Command.ChangePresence("bob", PresenceState.READY, null, Actor.agent("bob"), false)));

        EngineSnapshot now = engine.snapshot();
        assertThat(now.interactions().getFirst().parkedSince()).isEqualTo(later);
        assertThat(now.agents())
                .extracting(EngineSnapshot.AgentSnap::presenceSince)
                .containsExactly(null, later);
    }
}
