package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.OldSnapshots;
import io.firstcontact.router.journal.TestCodecs;
import org.junit.jupiter.api.Test;

/**
 * After a restart, a wallboard still shows how long each advisor has been in their state and how long each caller has
 * been on hold: the snapshot the view is restored from keeps when presences began and calls were put on hold.
 */
class RestoredTimesTest {
    private static final long MINUTE = 60_000;
    private final JournalCodec codec = TestCodecs.keyed();

    /** A view restored from the engine's snapshot as recovery reads it back from Redis. */
    private LiveView restored(RoutingEngine engine) {
        EngineSnapshot snapshot = codec.decodeSnapshot(codec.encodeSnapshot(engine.snapshot()));
        LiveView view = new LiveView(ViewOptions.DEFAULT, RoutingEngine.restore(snapshot)::position);
        view.restore(snapshot);
        return view;
    }

    @Test
    void aCallHeldBeforeTheSnapshotShowsSinceWhenItWasHeldAfterTheRestore() {
        Feed f = Feed.callAnswered();
        f.advance(MINUTE);
        long held = f.now();
        f.apply(new Command.Park("v1"));
        f.advance(4 * MINUTE);

        LiveView view = restored(f.engine());

        assertThat(view.heldSince("v1")).hasValue(held);
    }

    @Test
    void anAdvisorsPresenceChangedBeforeTheSnapshotShowsSinceWhenAfterTheRestore() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        long defined = f.now();
        f.agent("a1", "all");
        f.agent("a2", "all");
        f.advance(MINUTE);
        f.login("a1", true);
        f.advance(MINUTE);
        long lunch = f.now();
        f.notReady("a1", "LUNCH");
        f.advance(42 * MINUTE);

        LiveView view = restored(f.engine());

        assertThat(view.agent("a1").orElseThrow().presenceSince()).isEqualTo(lunch);
        assertThat(view.agent("a2").orElseThrow().presenceSince())
                .as("never logged in")
                .isEqualTo(defined);
        assertThat(view.agents()).isEqualTo(f.view.agents());
    }

    @Test
    void aSnapshotWrittenBeforeTheTimesWereKeptRestoresThemAsUnknownUntilTheyChange() {
        EngineSnapshot old = codec.decodeSnapshot(OldSnapshots.versionThree());
        RoutingEngine engine = RoutingEngine.restore(old);
        LiveView view = new LiveView(ViewOptions.DEFAULT, engine::position);
        view.restore(old);

        assertThat(view.agent("ann").orElseThrow().presenceSince()).isNull();
        assertThat(view.agent("bob").orElseThrow().presenceSince()).isNull();
        assertThat(view.heldSince("c1")).isEmpty();

        long later = OldSnapshots.VERSION_THREE_AT + MINUTE;
        EngineInput back = new EngineInput(
                1,
                old.lastSeq() + 1,
                later,
                "api",
                null,
                new Command.ChangePresence("bob", PresenceState.READY, null, Actor.agent("bob"), false));
        view.committed(back, engine.apply(back));
        assertThat(view.agent("bob").orElseThrow().presenceSince()).isEqualTo(later);
    }
}
