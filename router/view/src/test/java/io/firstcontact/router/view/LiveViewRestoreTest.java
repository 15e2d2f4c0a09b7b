package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.journal.JournalCodec;
import io.firstcontact.router.journal.TestCodecs;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recovery after the journal before a snapshot is trimmed: over the router's seeded random inputs, views restored from
 * snapshots taken at random steps (each through the Redis codec, as recovery reads it) and fed the entries after them
 * answer every query as the view fed from the very start — after every entry — except the history-only figures {@link
 * LiveView#restore} documents: today's counts before the snapshot, measured expected waits (whether there is one is
 * compared), traces before the snapshot, and what had ended before it. When presences began and calls were put on
 * hold are restored, and compared.
 */
class LiveViewRestoreTest {
    static final int STEPS = 2_000;
    static final int SNAPSHOTS = 3;
    /** Local midnight falls early in the random runs (they start at 22:13:20Z), so the counts start afresh. */
    static final ViewOptions OPTIONS = ViewOptions.DEFAULT.withZone(ZoneOffset.ofHoursMinutes(1, 40));

    private final JournalCodec codec = TestCodecs.keyed(); // every attribute sealed, as with no definitions

    /** A view restored from a snapshot, with the engine recovery restores from the same snapshot. */
    private static final class Restored {
        final int step;
        final EngineSnapshot snapshot;
        final String snapshotId;
        final RoutingEngine engine;
        final LiveView view;

        Restored(int step, EngineSnapshot snapshot) {
            this.step = step;
            this.snapshot = snapshot;
            this.snapshotId = snapshot.epoch() + "-" + snapshot.lastSeq();
            this.engine = RoutingEngine.restore(snapshot);
            this.view = new LiveView(OPTIONS, engine::position);
            view.restore(snapshot);
        }

        Set<String> liveInteractions() {
            Set<String> ids = new HashSet<>();
            snapshot.interactions().forEach(i -> ids.add(i.id()));
            return ids;
        }

        Set<String> liveOffers() {
            Set<String> ids = new HashSet<>();
            snapshot.interactions().stream()
                    .filter(i -> i.offer() != null)
                    .forEach(i -> ids.add(i.offer().id()));
            return ids;
        }

        Set<String> openAssignments() {
            Set<String> ids = new HashSet<>();
            snapshot.agents().forEach(a -> a.assignments().forEach(x -> ids.add(x.id())));
            return ids;
        }
    }

    /** Takes a snapshot at the first step from {@code from} at which the engine's state passes {@code when}. */
    private static final class Trigger {
        final int from;
        final Predicate<EngineSnapshot> when;
        boolean fired;

        Trigger(int from, Predicate<EngineSnapshot> when) {
            this.from = from;
            this.when = when;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void aViewRestoredFromASnapshotAnswersAsTheViewFedFromTheStart(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine engine = RoutingEngine.create();
        LiveView full = new LiveView(OPTIONS, engine::position);
        List<EngineInput> pending = new ArrayList<>(gen.start());
        // Snapshots at random steps, and at the first step after a random one with an offer live or a wrap-up open
        // (rarer at a random step).
        SplittableRandom pick = new SplittableRandom(seed);
        List<Trigger> triggers = new ArrayList<>();
        for (int k = 0; k < SNAPSHOTS; k++) {
            triggers.add(new Trigger(pick.nextInt(pending.size(), STEPS), state -> true));
        }
        triggers.add(new Trigger(
                pick.nextInt(pending.size(), STEPS / 2),
                state -> state.interactions().stream().anyMatch(i -> i.offer() != null)));
        triggers.add(new Trigger(
                pick.nextInt(pending.size(), STEPS / 2),
                state -> state.agents().stream()
                        .flatMap(a -> a.assignments().stream())
                        .anyMatch(a -> a.status() == AssignmentStatus.WRAP_UP)));
        List<Restored> restored = new ArrayList<>();
        List<EngineInput> inputs = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            for (Trigger t : triggers) {
                if (!t.fired && step >= t.from && t.when.test(engine.snapshot())) {
                    t.fired = true;
                    restored.add(new Restored(step, roundTrip(engine.snapshot())));
                }
            }
            EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
            Decision d = engine.apply(in);
            full.committed(in, d);
            inputs.add(in);
            decisions.add(d);
            for (Restored r : restored) {
                Decision replayed = r.engine.apply(in);
                assertThat(replayed).isEqualTo(d); // recovery's engine decides what was journaled
                r.view.committed(in, replayed);
                try {
                    sameLiveState(full, r);
                } catch (AssertionError e) {
                    throw new AssertionError(
                            "seed " + seed + ", snapshot before step " + r.step + ", step " + step + " after " + in
                                    + "\n" + d,
                            e);
                }
            }
        }
        assertThat(restored).hasSizeGreaterThanOrEqualTo(SNAPSHOTS);
        for (Restored r : restored) {
            try {
                sameEverything(full, r, inputs, decisions);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ", snapshot before step " + r.step, e);
            }
        }
    }

    @Test
    void aSnapshotOfTheEmptyEngineRestoresAViewThatAnswersExactlyAsOneFedFromTheStart() {
        RandomInputs gen = new RandomInputs(55);
        RoutingEngine engine = RoutingEngine.create();
        LiveView full = new LiveView(OPTIONS, engine::position);
        Restored r = new Restored(0, roundTrip(engine.snapshot()));
        assertThat(r.view.configuration()).isEmpty();
        assertThat(r.view.configVersion()).isZero();
        assertThat(r.view.lastEntryId()).isNull();
        List<EngineInput> pending = new ArrayList<>(gen.start());
        for (int step = 0; step < 500; step++) {
            EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
            Decision d = engine.apply(in);
            full.committed(in, d);
            r.view.committed(in, r.engine.apply(in));
        }
        // Nothing happened before the snapshot, so nothing is history: counts, expected waits and traces included.
        assertThat(r.view.queues()).isEqualTo(full.queues());
        assertThat(r.view.agents()).isEqualTo(full.agents());
        assertThat(r.view.liveInteractions()).isEqualTo(full.liveInteractions());
        assertThat(r.view.liveOffers()).isEqualTo(full.liveOffers());
        for (QueueView q : full.queues()) {
            assertThat(r.view.waiting(q.queue(), null, LiveView.MAX_PAGE))
                    .isEqualTo(full.waiting(q.queue(), null, LiveView.MAX_PAGE));
        }
        for (InteractionView i : full.liveInteractions()) {
            assertThat(r.view.trace(i.interactionId())).isEqualTo(full.trace(i.interactionId()));
        }
    }

    @Test
    void aViewIsRestoredOnlyBeforeItIsFed() {
        Feed feed = new Feed();
        feed.configure(ViewCentre.config());
        EngineSnapshot snapshot = feed.engine().snapshot();
        assertThatThrownBy(() -> feed.view.restore(snapshot)).isInstanceOf(IllegalStateException.class);
        LiveView once = new LiveView(ViewOptions.DEFAULT, feed.engine()::position);
        once.restore(snapshot);
        assertThatThrownBy(() -> once.restore(snapshot)).isInstanceOf(IllegalStateException.class);
    }

    /** What recovery gets back from Redis. */
    private EngineSnapshot roundTrip(EngineSnapshot snapshot) {
        EngineSnapshot decoded = codec.decodeSnapshot(codec.encodeSnapshot(snapshot));
        assertThat(decoded).isEqualTo(snapshot);
        return decoded;
    }

    // ------------------------------------------------------------------ after every entry

    private static void sameLiveState(LiveView full, Restored r) {
        LiveView view = r.view;
        assertThat(view.lastEntryId()).isEqualTo(full.lastEntryId());
        assertThat(view.asOf()).isEqualTo(full.asOf());
        assertThat(view.configVersion()).isEqualTo(full.configVersion());
        assertThat(view.configuration()).isEqualTo(full.configuration());
        List<QueueView> queues = view.queues();
        List<QueueView> expectedQueues = full.queues();
        assertThat(queues)
                .extracting(LiveViewRestoreTest::withoutHistory)
                .isEqualTo(expectedQueues.stream()
                        .map(LiveViewRestoreTest::withoutHistory)
                        .toList());
        for (int k = 0; k < queues.size(); k++) {
            QueueView q = queues.get(k);
            QueueView e = expectedQueues.get(k);
            assertThat(q.countsSince()).isEqualTo(Math.max(e.dayStartedAt(), r.snapshot.lastAt()));
            if (q.countsSince() == e.dayStartedAt()) { // a new day since the snapshot: nothing is missing
                assertThat(q.answeredToday()).isEqualTo(e.answeredToday());
                assertThat(q.abandonedToday()).isEqualTo(e.abandonedToday());
            } else {
                assertThat(q.answeredToday()).isBetween(0, e.answeredToday());
                assertThat(q.abandonedToday()).isBetween(0, e.abandonedToday());
            }
            assertThat(page(view, q.queue(), LiveView.MAX_PAGE)).isEqualTo(page(full, q.queue(), LiveView.MAX_PAGE));
            assertThat(view.queue(q.queue()).map(LiveViewRestoreTest::withoutHistory))
                    .isEqualTo(full.queue(q.queue()).map(LiveViewRestoreTest::withoutHistory));
        }
        assertThat(view.liveInteractions().stream()
                        .map(LiveViewRestoreTest::withoutHistory)
                        .toList())
                .isEqualTo(full.liveInteractions().stream()
                        .map(LiveViewRestoreTest::withoutHistory)
                        .toList());
        for (InteractionView i : full.liveInteractions()) {
            assertThat(view.heldSince(i.interactionId()))
                    .as("held since, %s", i.interactionId())
                    .isEqualTo(full.heldSince(i.interactionId()));
        }
        assertThat(view.liveOffers()).isEqualTo(full.liveOffers());
        sameAgents(full, r);
    }

    private static void sameAgents(LiveView full, Restored r) {
        List<AgentView> agents = r.view.agents();
        List<AgentView> expected = full.agents();
        assertThat(agents)
                .extracting(AgentView::agentId)
                .isEqualTo(expected.stream().map(AgentView::agentId).toList());
        for (int k = 0; k < agents.size(); k++) {
            AgentView a = agents.get(k);
            AgentView e = expected.get(k);
            assertThat(a).isEqualTo(e);
            assertThat(r.view.agent(a.agentId())).contains(a);
            for (String id : e.assignmentIds()) {
                assertThat(r.view.assignment(id)).as("assignment %s", id).isEqualTo(full.assignment(id));
            }
        }
    }

    /** Every page of the queue, walked with the cursors, without the measured part of the expected waits. */
    private static List<WaitingEntry> page(LiveView view, String queue, int limit) {
        List<WaitingEntry> all = new ArrayList<>();
        String cursor = null;
        do {
            WaitingPage p = view.waiting(queue, cursor, limit).orElseThrow();
            p.entries().forEach(w -> all.add(withoutHistory(w)));
            cursor = p.nextCursor();
        } while (cursor != null);
        return all;
    }

    // ------------------------------------------------------------------ at the end

    private static void sameEverything(LiveView full, Restored r, List<EngineInput> inputs, List<Decision> decisions) {
        sameLiveState(full, r);
        for (QueueView q : full.queues()) {
            assertThat(page(r.view, q.queue(), 3)).isEqualTo(page(full, q.queue(), 3));
        }
        // Everything the run made, and whether it was live at the snapshot or made after it.
        Set<String> interactions = new LinkedHashSet<>();
        Set<String> offers = new LinkedHashSet<>();
        Set<String> assignments = new LinkedHashSet<>();
        Set<String> interactionsAfter = new HashSet<>(r.liveInteractions());
        Set<String> offersAfter = new HashSet<>(r.liveOffers());
        Set<String> assignmentsAfter = new HashSet<>(r.openAssignments());
        for (int k = 0; k < decisions.size(); k++) {
            boolean after = k >= r.step;
            for (Fact f : decisions.get(k).facts()) {
                switch (f) {
                    case Fact.InteractionCreated c -> add(interactions, interactionsAfter, c.interactionId(), after);
                    case Fact.OfferCreated c -> add(offers, offersAfter, c.offerId(), after);
                    case Fact.AssignmentStarted c -> add(assignments, assignmentsAfter, c.assignmentId(), after);
                    default -> {}
                }
            }
        }
        int known = 0;
        for (String id : interactions) {
            if (interactionsAfter.contains(id)) {
                assertThat(r.view.interaction(id).map(LiveViewRestoreTest::withoutHistory))
                        .as("interaction %s", id)
                        .isEqualTo(full.interaction(id).map(LiveViewRestoreTest::withoutHistory));
                sameTrace(full, r, id, inputs, decisions);
                known++;
            } else {
                assertThat(r.view.interaction(id))
                        .as("interaction %s ended before", id)
                        .isEmpty();
                assertThat(r.view.trace(id)).isEmpty();
            }
        }
        known += sameOrEnded(offers, offersAfter, full::offer, r.view::offer);
        known += sameOrEnded(assignments, assignmentsAfter, full::assignment, r.view::assignment);
        assertThat(known).as("restored records compared").isPositive();
    }

    private static void add(Set<String> all, Set<String> after, String id, boolean isAfter) {
        all.add(id);
        if (isAfter) {
            after.add(id);
        }
    }

    private static <T> int sameOrEnded(
            Set<String> ids,
            Set<String> after,
            Function<String, Optional<T>> full,
            Function<String, Optional<T>> view) {
        int known = 0;
        for (String id : ids) {
            if (after.contains(id)) {
                assertThat(view.apply(id)).as("%s", id).isPresent().isEqualTo(full.apply(id));
                known++;
            } else {
                assertThat(view.apply(id))
                        .as("%s ended before the snapshot", id)
                        .isEmpty();
            }
        }
        return known;
    }

    /**
     * An interaction live at the snapshot has the entries after it: those of the full trace, but for an entry that
     * names it only through an offer or assignment that had ended before the snapshot. One made after has them all.
     */
    private static void sameTrace(
            LiveView full, Restored r, String id, List<EngineInput> inputs, List<Decision> decisions) {
        Trace expected = full.trace(id).orElseThrow();
        Trace trace = r.view.trace(id).orElseThrow();
        if (!r.liveInteractions().contains(id)) {
            assertThat(trace).isEqualTo(expected);
            return;
        }
        assertThat(trace.startsAfter()).isEqualTo(r.snapshotId);
        assertThat(expected.startsAfter()).isNull();
        assertThat(trace.earlierDropped()).isZero();
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < inputs.size(); k++) {
            index.put(inputs.get(k).entryId(), k);
        }
        List<String> afterSnapshot =
                expected.entryIds().stream().filter(e -> index.get(e) >= r.step).toList();
        assertThat(afterSnapshot).containsAll(trace.entryIds());
        assertThat(afterSnapshot.stream().filter(trace.entryIds()::contains).toList())
                .isEqualTo(trace.entryIds());
        for (String missing : afterSnapshot) {
            if (trace.entryIds().contains(missing)) {
                continue;
            }
            int k = index.get(missing);
            Set<String> named = new HashSet<>();
            Mentions.Sink sink = (kind, mentioned) -> {
                if (kind == Mentions.Kind.INTERACTION) {
                    named.add(mentioned);
                }
            };
            Mentions.of(inputs.get(k).command(), sink);
            decisions.get(k).facts().forEach(f -> Mentions.of(f, sink));
            decisions.get(k).effects().forEach(e -> Mentions.of(e, sink));
            assertThat(named).as("entry %s names %s itself", missing, id).doesNotContain(id);
        }
    }

    // ------------------------------------------------------------------ history left out

    private static QueueView withoutHistory(QueueView q) {
        return new QueueView(
                q.queue(),
                q.channel(),
                q.open(),
                q.waiting(),
                q.offered(),
                q.oldestWaitingSince(),
                q.staffed(),
                0,
                0,
                q.dayStartedAt(),
                0,
                whetherEstimated(q.expectedWaitMillis()));
    }

    private static WaitingEntry withoutHistory(WaitingEntry w) {
        return new WaitingEntry(
                w.interactionId(),
                w.visitId(),
                w.position(),
                w.tier(),
                w.enteredAt(),
                w.dueAt(),
                whetherEstimated(w.expectedWaitMillis()));
    }

    private static InteractionView withoutHistory(InteractionView i) {
        return new InteractionView(
                i.interactionId(),
                i.channel(),
                i.direction(),
                i.sourceRef(),
                i.conversationId(),
                i.customerRef(),
                i.phase(),
                i.createdAt(),
                i.queue(),
                i.visitId(),
                i.enteredAt(),
                i.tier(),
                i.position(),
                whetherEstimated(i.expectedWaitMillis()),
                i.offerId(),
                i.agentId(),
                i.assignmentIds(),
                i.endedAt(),
                i.endReason());
    }

    /** An expected wait rests on measurements before the snapshot; whether there is one does not. */
    private static Long whetherEstimated(Long millis) {
        return millis == null ? null : -1L;
    }
}
