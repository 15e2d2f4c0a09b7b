package io.firstcontact.router.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.engine.RandomInputs;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.engine.internal.AgentState;
import io.firstcontact.router.engine.internal.AssignmentState;
import io.firstcontact.router.engine.internal.EngineCore;
import io.firstcontact.router.engine.internal.InteractionState;
import io.firstcontact.router.engine.internal.OfferState;
import io.firstcontact.router.engine.internal.QueueState;
import io.firstcontact.router.engine.internal.VisitState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over long random sequences of every input type (the router's seeded generator), the view built from the committed
 * decisions agrees with the engine's own state after every input: phases, visits, offers and assignments of every
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
            EngineInput in = pending.isEmpty() ? gen.next(engine.core()) : pending.removeFirst();
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
        for (String id : engine.core().interactions().keySet()) {
            assertThat(replayed.interaction(id)).isEqualTo(view.interaction(id));
            assertThat(replayed.trace(id)).isEqualTo(view.trace(id));
        }
    }

    private static void agree(RoutingEngine engine, LiveView view) {
        EngineCore core = engine.core();
        for (InteractionState i : core.interactions().values()) {
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
                    .hasSameElementsAs(i.assignments().keySet());
            assertThat(v.position()).as("position of %s", i.id()).isEqualTo(engine.position(i.id()));
        }
        assertThat(view.queues())
                .extracting(QueueView::queue)
                .containsExactlyElementsOf(core.config().queueIds());
        for (QueueState q : core.queues().values()) {
            List<VisitState> waiting = new ArrayList<>();
            for (VisitState s : q.liveVisits().values()) {
                if (s.waiting()) {
                    waiting.add(s);
                }
            }
            waiting.sort(
                    Comparator.comparingInt(s -> engine.position(s.interaction().id())));
            List<String> expected =
                    waiting.stream().map(s -> s.interaction().id()).toList();
            List<WaitingEntry> listed =
                    view.waiting(q.id(), null, LiveView.MAX_PAGE).orElseThrow().entries();
            assertThat(listed)
                    .extracting(WaitingEntry::interactionId)
                    .as("queue %s", q.id())
                    .isEqualTo(expected);
            for (int k = 0; k < listed.size(); k++) {
                assertThat(listed.get(k).position()).isEqualTo(k + 1);
                assertThat(listed.get(k).dueAt()).isEqualTo(waiting.get(k).dueAt());
            }
            QueueView qv = view.queue(q.id()).orElseThrow();
            assertThat(qv.open()).as("open %s", q.id()).isEqualTo(q.isOpen());
            assertThat(qv.waiting() + qv.offered())
                    .as("live visits of %s", q.id())
                    .isEqualTo(q.liveVisits().size());
            assertThat(qv.oldestWaitingSince())
                    .isEqualTo(waiting.stream()
                            .map(VisitState::enteredAt)
                            .min(Long::compare)
                            .orElse(null));
        }
        for (AgentState a : core.agents().values()) {
            AgentView v = view.agent(a.id()).orElseThrow();
            assertThat(v.presence()).as("presence of %s", a.id()).isEqualTo(a.presence());
            assertThat(v.reason()).as("reason of %s", a.id()).isEqualTo(a.reason());
            assertThat(v.pendingPresence()).as("pending of %s", a.id()).isEqualTo(a.pendingPresence());
            assertThat(v.sessionAttached()).as("session of %s", a.id()).isEqualTo(a.sessionAttached());
            assertThat(v.offerIds())
                    .as("offers of %s", a.id())
                    .hasSameElementsAs(a.liveOffers().keySet());
            assertThat(v.assignmentIds())
                    .as("assignments of %s", a.id())
                    .hasSameElementsAs(a.assignments().keySet());
        }
        for (OfferState o : core.offers().values()) {
            assertThat(view.offer(o.id()).orElseThrow().status()).isEqualTo(o.status());
        }
        for (AssignmentState as : core.assignments().values()) {
            assertThat(view.assignment(as.id()).orElseThrow().status()).isEqualTo(as.status());
        }
        assertThat(view.configVersion()).isEqualTo(core.config().version());
    }
}
