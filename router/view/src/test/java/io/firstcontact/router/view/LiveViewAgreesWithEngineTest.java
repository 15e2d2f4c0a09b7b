package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PlaceInLine;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over long random sequences of every input type (the router's seeded generator), the view built from the committed
 * decisions agrees with the engine's own state (its snapshot) after every input: phases, visits, offers and assignments of every
 * live interaction; every queue's waiting interactions in the engine's position order; advisors' presence, pending
 * presence, session, offers and assignments. A second view fed the same journal (recovery) answers the same.
 */
class LiveViewAgreesWithEngineTest {
    static final int STEPS = 2_000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void theViewAgreesWithTheEngineAfterEveryInput(long seed) {
        RandomInputs gen = new RandomInputs(seed);
        RoutingEngine engine = RoutingEngine.create();
        LiveView view = new LiveView(ViewOptions.DEFAULT, engine::position);
        List<EngineInput> log = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<EngineInput> pending = new ArrayList<>(gen.start());
        for (int step = 0; step < STEPS; step++) {
            EngineInput in = pending.isEmpty() ? gen.next(engine) : pending.removeFirst();
            Decision d = engine.apply(in);
            view.committed(in, d);
            log.add(in);
            decisions.add(d);
            try {
                for (var fact : d.facts()) {
                    if (fact instanceof Fact.InteractionEnded ended) {
                        assertThat(view.interaction(ended.interactionId())
                                        .orElseThrow()
                                        .phase())
                                .isEqualTo(Phase.ENDED);
                    }
                }
                agree(engine, view);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + " step " + step + " after " + in + "\n" + d, e);
            }
        }

        LiveView replayed = new LiveView(ViewOptions.DEFAULT, engine::position);
        for (int k = 0; k < log.size(); k++) {
            replayed.committed(log.get(k), decisions.get(k));
        }
        assertThat(replayed.queues()).isEqualTo(view.queues());
        assertThat(replayed.agents()).isEqualTo(view.agents());
        for (EngineSnapshot.InteractionSnap live : engine.snapshot().interactions()) {
            String id = live.id();
            assertThat(replayed.interaction(id)).isEqualTo(view.interaction(id));
            assertThat(replayed.trace(id)).isEqualTo(view.trace(id));
        }
    }

    /** The view against the engine's whole state as its snapshot shows it, and the engine's positions. */
    private static void agree(RoutingEngine engine, LiveView view) {
        EngineSnapshot state = engine.snapshot();
        Map<String, List<String>> assignmentsOf = new TreeMap<>();
        Map<String, List<String>> offersOf = new TreeMap<>();
        for (EngineSnapshot.AgentSnap a : state.agents()) {
            for (EngineSnapshot.AssignmentSnap as : a.assignments()) {
                assignmentsOf
                        .computeIfAbsent(as.interactionId(), k -> new ArrayList<>())
                        .add(as.id());
                assertThat(view.assignment(as.id()).orElseThrow().status()).isEqualTo(as.status());
            }
        }
        for (EngineSnapshot.InteractionSnap i : state.interactions()) {
            InteractionView v = view.interaction(i.id()).orElseThrow(() -> new AssertionError("missing " + i.id()));
            assertThat(v.phase()).as("phase of %s", i.id()).isEqualTo(i.phase());
            assertThat(v.tier()).as("tier of %s", i.id()).isEqualTo(i.tier());
            assertThat(v.visitId())
                    .as("visit of %s", i.id())
                    .isEqualTo(i.visit() == null ? null : i.visit().id());
            assertThat(v.offerId())
                    .as("offer of %s", i.id())
                    .isEqualTo(i.offer() == null ? null : i.offer().id());
            assertThat(v.assignmentIds())
                    .as("assignments of %s", i.id())
                    .hasSameElementsAs(assignmentsOf.getOrDefault(i.id(), List.of()));
            assertThat(v.position()).as("position of %s", i.id()).isEqualTo(engine.position(i.id()));
            for (EngineSnapshot.OfferSnap o : Stream.of(i.offer(), i.consultOffer())
                    .filter(Objects::nonNull)
                    .toList()) {
                offersOf.computeIfAbsent(o.agentId(), k -> new ArrayList<>()).add(o.id());
                assertThat(view.offer(o.id()).orElseThrow().status()).isEqualTo(o.status());
            }
        }
        assertThat(view.queues())
                .extracting(QueueView::queue)
                .containsExactlyElementsOf(state.config().queueIds());
        for (EngineSnapshot.QueueSnap q : state.queues()) {
            List<EngineSnapshot.InteractionSnap> live = state.interactions().stream()
                    .filter(i -> i.visit() != null && i.visit().queue().equals(q.id()))
                    .toList();
            List<EngineSnapshot.InteractionSnap> waiting = new ArrayList<>(
                    live.stream().filter(i -> i.phase() == Phase.QUEUED).toList());
            waiting.sort(Comparator.comparingInt(i -> engine.position(i.id())));
            List<WaitingEntry> listed =
                    view.waiting(q.id(), null, LiveView.MAX_PAGE).orElseThrow().entries();
            assertThat(listed)
                    .extracting(WaitingEntry::interactionId)
                    .as("queue %s", q.id())
                    .isEqualTo(waiting.stream()
                            .map(EngineSnapshot.InteractionSnap::id)
                            .toList());
            for (int k = 0; k < listed.size(); k++) {
                EngineSnapshot.InteractionSnap i = waiting.get(k);
                assertThat(listed.get(k).position()).isEqualTo(k + 1);
                assertThat(listed.get(k).dueAt())
                        .isEqualTo(PlaceInLine.dueAt(
                                i.visit().keyStart(), i.visit().keySlMillis(), i.ageBonusMillis()));
            }
            QueueView qv = view.queue(q.id()).orElseThrow();
            assertThat(qv.open()).as("open %s", q.id()).isEqualTo(q.open());
            assertThat(qv.waiting() + qv.offered())
                    .as("live visits of %s", q.id())
                    .isEqualTo(live.size());
            assertThat(qv.oldestWaitingSince())
                    .isEqualTo(waiting.stream()
                            .map(i -> i.visit().enteredAt())
                            .min(Long::compare)
                            .orElse(null));
        }
        for (EngineSnapshot.AgentSnap a : state.agents()) {
            AgentView v = view.agent(a.id()).orElseThrow();
            assertThat(v.presence()).as("presence of %s", a.id()).isEqualTo(a.presence());
            assertThat(v.reason()).as("reason of %s", a.id()).isEqualTo(a.reason());
            assertThat(v.pendingPresence()).as("pending of %s", a.id()).isEqualTo(a.pendingPresence());
            assertThat(v.sessionAttached()).as("session of %s", a.id()).isEqualTo(a.sessionAttached());
            assertThat(v.device()).as("phone state of %s", a.id()).isEqualTo(a.device());
            assertThat(v.phone()).as("phone of %s", a.id()).isEqualTo(a.phone());
            assertThat(v.offerIds())
                    .as("offers of %s", a.id())
                    .hasSameElementsAs(offersOf.getOrDefault(a.id(), List.of()));
            assertThat(v.assignmentIds())
                    .as("assignments of %s", a.id())
                    .hasSameElementsAs(a.assignments().stream()
                            .map(EngineSnapshot.AssignmentSnap::id)
                            .toList());
        }
        assertThat(view.configVersion()).isEqualTo(state.config().version());
    }
}
