package io.firstcontact.router.view;

import static io.firstcontact.router.view.ViewCentre.BILLING;
import static io.firstcontact.router.view.ViewCentre.CHAT;
import static io.firstcontact.router.view.ViewCentre.SALES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.AssignmentStatus;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.NotReadyReasons;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Phase;
import io.firstcontact.router.api.model.PresenceState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    @Test
    void waitingCountAndLongestWaitFollowArrivalsOffersAndAbandons() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        long t0 = f.now();
        f.arrive("i1", BILLING);
        f.advance(5_000);
        f.arrive("i2", BILLING);
        f.advance(5_000);
        f.arrive("i3", BILLING);

        QueueView q = f.view.queue(BILLING).orElseThrow();
        assertThat(q.waiting()).isEqualTo(3);
        assertThat(q.offered()).isZero();
        assertThat(q.oldestWaitingSince()).isEqualTo(t0);
        assertThat(q.staffed()).isZero();
        assertThat(q.open()).isTrue();
        assertThat(f.view.interaction("i1").orElseThrow().phase()).isEqualTo(Phase.QUEUED);

        f.login("a1", true); // the head of the queue is offered at once
        q = f.view.queue(BILLING).orElseThrow();
        assertThat(q.waiting()).isEqualTo(2);
        assertThat(q.offered()).isEqualTo(1);
        assertThat(q.oldestWaitingSince()).isEqualTo(t0 + 5_000);
        assertThat(q.staffed()).isEqualTo(1);
        InteractionView i1 = f.view.interaction("i1").orElseThrow();
        assertThat(i1.phase()).isEqualTo(Phase.OFFERED);
        assertThat(i1.offerId()).isEqualTo(f.offerFor("i1"));
        assertThat(i1.agentId()).isEqualTo("a1");
        assertThat(i1.position()).isZero();

        f.hangUp("i2");
        q = f.view.queue(BILLING).orElseThrow();
        assertThat(q.waiting()).isEqualTo(1);
        assertThat(q.abandonedToday()).isEqualTo(1);
        assertThat(q.oldestWaitingSince()).isEqualTo(t0 + 10_000);
        InteractionView i2 = f.view.interaction("i2").orElseThrow();
        assertThat(i2.phase()).isEqualTo(Phase.ENDED);
        assertThat(i2.endReason()).isEqualTo(EndReason.CUSTOMER_LEFT);
        assertThat(i2.endedAt()).isEqualTo(f.now());

        String offer = f.offerFor("i1");
        f.accept(offer);
        q = f.view.queue(BILLING).orElseThrow();
        assertThat(q.answeredToday()).isEqualTo(1);
        assertThat(q.offered()).isZero();
        assertThat(q.waiting()).isEqualTo(1);
        i1 = f.view.interaction("i1").orElseThrow();
        assertThat(i1.phase()).isEqualTo(Phase.CONNECTED);
        assertThat(i1.agentId()).isEqualTo("a1");
        assertThat(i1.visitId()).isNull();
        assertThat(i1.queue()).isEqualTo(BILLING);
        assertThat(i1.assignmentIds()).hasSize(1);
        AssignmentView as = f.view.assignment(i1.assignmentIds().getFirst()).orElseThrow();
        assertThat(as.status()).isEqualTo(AssignmentStatus.ACTIVE);
        assertThat(as.queue()).isEqualTo(BILLING);
        assertThat(as.offerId()).isEqualTo(offer);
        assertThat(as.agentId()).isEqualTo("a1");

        f.end("i1"); // no wrap-up in billing: the advisor takes i3 at once
        assertThat(f.view.assignment(as.assignmentId()).orElseThrow().status()).isEqualTo(AssignmentStatus.DONE);
        assertThat(f.view.queue(BILLING).orElseThrow().waiting()).isZero();
        assertThat(f.view.queue(BILLING).orElseThrow().oldestWaitingSince()).isNull();
        assertThat(f.view.interaction("i3").orElseThrow().phase()).isEqualTo(Phase.OFFERED);
    }

    @Test
    void theGaugesQueueLoadAgreesWithTheFullQueueView() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        assertThat(f.view.queueLoad("nowhere")).isNull();
        assertLoadAgrees(f);
        f.arrive("i1", BILLING);
        f.advance(5_000);
        f.arrive("i2", BILLING);
        assertLoadAgrees(f);
        f.login("a1", true);
        assertLoadAgrees(f);
        f.hangUp("i2");
        assertLoadAgrees(f);
    }

    private static void assertLoadAgrees(Feed f) {
        QueueView q = f.view.queue(BILLING).orElseThrow();
        assertThat(f.view.queueLoad(BILLING)).isEqualTo(new LiveView.QueueLoad(q.waiting(), q.oldestWaitingSince()));
    }

    @Test
    void queueIsListedInTheOrderTheEngineCountsPositions() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        long t0 = f.now();
        f.arrive("i1", BILLING);
        f.advance(1_000);
        f.arrive("i2", QueueRequest.to(BILLING).withTier(2));
        f.advance(1_000);
        f.arrive("i3", QueueRequest.to(BILLING).withAgeBonus(40_000));
        f.advance(1_000);
        f.arrive("i4", BILLING);
        f.advance(1_000);
        f.arrive("i5", QueueRequest.to(BILLING).withTier(2));

        assertOrderMatchesEngine(f, BILLING, List.of("i2", "i5", "i3", "i1", "i4"));

        // A tier change is a fact; a new age bonus moves the deadline without one.
        f.apply(new Command.UpdateRouting("i4", 1, 0, List.of()));
        f.apply(new Command.UpdateRouting("i1", 0, 60_000, List.of()));

        assertOrderMatchesEngine(f, BILLING, List.of("i2", "i5", "i4", "i1", "i3"));
        WaitingEntry i1 =
                f.view.waiting(BILLING, null, 10).orElseThrow().entries().get(3);
        assertThat(i1.dueAt()).isEqualTo(t0 + 30_000 - 60_000);
        assertThat(i1.enteredAt()).isEqualTo(t0);
        assertThat(f.view.interaction("i1").orElseThrow().position()).isEqualTo(4);
    }

    static void assertOrderMatchesEngine(Feed f, String queue, List<String> expected) {
        List<WaitingEntry> entries =
                f.view.waiting(queue, null, LiveView.MAX_PAGE).orElseThrow().entries();
        assertThat(entries).extracting(WaitingEntry::interactionId).containsExactlyElementsOf(expected);
        for (int k = 0; k < entries.size(); k++) {
            WaitingEntry e = entries.get(k);
            assertThat(f.engine().position(e.interactionId()))
                    .as("engine position of %s", e.interactionId())
                    .isEqualTo(k + 1);
            assertThat(e.position()).isEqualTo(k + 1);
        }
    }

    @Test
    void cursorPagesCoverEveryWaitingInteractionOnceInOrder() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        for (int k = 0; k < 23; k++) {
            f.arrive("i" + k, QueueRequest.to(SALES).withTier(k % 3));
            f.advance(500);
        }
        List<String> all = f.view.waiting(SALES, null, LiveView.MAX_PAGE).orElseThrow().entries().stream()
                .map(WaitingEntry::interactionId)
                .toList();
        assertThat(all).hasSize(23).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            WaitingPage page = f.view.waiting(SALES, cursor, 5).orElseThrow();
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(5);
            page.entries().forEach(e -> paged.add(e.interactionId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(5);
        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void aCursorIsAPlaceInLineSoPagesNeitherRepeatNorSkipWhenTheQueueMoves() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        for (int k = 0; k < 6; k++) {
            f.arrive("i" + k, SALES);
            f.advance(1_000);
        }
        WaitingPage first = f.view.waiting(SALES, null, 3).orElseThrow();
        assertThat(first.entries()).extracting(WaitingEntry::interactionId).containsExactly("i0", "i1", "i2");

        f.hangUp("i1"); // already seen
        f.hangUp("i3"); // not seen yet
        f.arrive("i6", SALES);

        WaitingPage second = f.view.waiting(SALES, first.nextCursor(), 3).orElseThrow();
        assertThat(second.entries()).extracting(WaitingEntry::interactionId).containsExactly("i4", "i5", "i6");
        assertThat(second.entries()).extracting(WaitingEntry::position).containsExactly(3, 4, 5);
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void waitingRefusesABadCursorOrLimitAndIgnoresUnknownQueues() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        assertThat(f.view.waiting("nowhere", null, 5)).isEmpty();
        assertThat(f.view.waiting(SALES, null, 5).orElseThrow().entries()).isEmpty();
        assertThat(f.view.waiting(SALES, null, 5).orElseThrow().nextCursor()).isNull();
        assertThatThrownBy(() -> f.view.waiting(SALES, "x:1", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.view.waiting(SALES, "a:b:c", 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.view.waiting(SALES, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.view.waiting(SALES, null, LiveView.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offersAreFollowedToTheirTerminalStatus() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.agent("a2", "all");
        f.login("a1", true);
        f.arrive("i1", BILLING);
        String o1 = f.offerFor("i1");

        OfferView offer = f.view.offer(o1).orElseThrow();
        assertThat(offer.status()).isEqualTo(OfferStatus.RESERVED);
        assertThat(offer.live()).isTrue();
        assertThat(offer.interactionId()).isEqualTo("i1");
        assertThat(offer.agentId()).isEqualTo("a1");
        assertThat(offer.queue()).isEqualTo(BILLING);
        assertThat(offer.channel()).isEqualTo("voice");
        assertThat(offer.createdAt()).isEqualTo(f.now());
        assertThat(offer.expiresAt()).isEqualTo(f.now() + 20_000);
        assertThat(offer.endedAt()).isNull();

        f.deliver(o1);
        assertThat(f.view.offer(o1).orElseThrow().status()).isEqualTo(OfferStatus.ALERTING);

        f.advance(3_000);
        f.reject(o1);
        offer = f.view.offer(o1).orElseThrow();
        assertThat(offer.status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(offer.live()).isFalse();
        assertThat(offer.endedAt()).isEqualTo(f.now());
        assertThat(f.view.interaction("i1").orElseThrow().phase()).isEqualTo(Phase.QUEUED);
        assertThat(f.view.queue(BILLING).orElseThrow().waiting()).isEqualTo(1);

        f.login("a2", true); // a1 is excluded from this visit: a2 gets it
        String o2 = f.offerFor("i1");
        assertThat(o2).isNotEqualTo(o1);
        f.deliver(o2);
        f.advance(20_000); // rings out: RONA
        offer = f.view.offer(o2).orElseThrow();
        assertThat(offer.status()).isEqualTo(OfferStatus.TIMED_OUT);
        assertThat(offer.cause()).isEqualTo(NotReadyReasons.RONA);
        assertThat(offer.endedAt()).isEqualTo(offer.expiresAt());
        AgentView a2 = f.view.agent("a2").orElseThrow();
        assertThat(a2.presence()).isEqualTo(PresenceState.NOT_READY);
        assertThat(a2.reason()).isEqualTo(NotReadyReasons.RONA);
        assertThat(a2.offerIds()).isEmpty();

        f.accept(o2); // too late: the engine refuses, the view still says TIMED_OUT (the API's 409)
        assertThat(f.engine().position("i1")).isEqualTo(1);
        assertThat(f.view.offer(o2).orElseThrow().status()).isEqualTo(OfferStatus.TIMED_OUT);
        assertThat(f.view.offer("o-unknown")).isEmpty();
    }

    @Test
    void anAdvisorShowsTheirOpenOffersAssignmentsAndPendingPresence() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "chatOnly");
        AgentView a = f.view.agent("a1").orElseThrow();
        assertThat(a.presence()).isEqualTo(PresenceState.LOGGED_OUT);
        assertThat(a.sessionAttached()).isFalse();
        assertThat(a.routingProfile()).isEqualTo("chatOnly");
        assertThat(a.utilisationProfile()).isEqualTo("council");

        f.advance(1_000);
        long loggedIn = f.now();
        f.login("a1", true);
        f.arrive("c1", CHAT);
        f.arrive("c2", CHAT);
        f.arrive("c3", CHAT);
        f.arrive("c4", CHAT); // a fourth waits: three at once
        String o1 = f.offerFor("c1");
        a = f.view.agent("a1").orElseThrow();
        assertThat(a.presence()).isEqualTo(PresenceState.READY);
        assertThat(a.presenceSince()).isEqualTo(loggedIn);
        assertThat(a.sessionAttached()).isTrue();
        assertThat(a.offerIds()).containsExactly(o1, f.offerFor("c2"), f.offerFor("c3"));
        assertThat(a.assignmentIds()).isEmpty();
        assertThat(f.view.queue(CHAT).orElseThrow().waiting()).isEqualTo(1);

        f.accept(o1);
        a = f.view.agent("a1").orElseThrow();
        assertThat(a.offerIds()).containsExactly(f.offerFor("c2"), f.offerFor("c3"));
        assertThat(a.assignmentIds()).containsExactly(o1);

        f.notReady("a1", "BREAK"); // work is open: pending
        a = f.view.agent("a1").orElseThrow();
        assertThat(a.presence()).isEqualTo(PresenceState.READY);
        assertThat(a.pendingPresence()).isEqualTo(PresenceState.NOT_READY);
        assertThat(a.pendingReason()).isEqualTo("BREAK");

        f.ready("a1"); // withdrawn (PresencePendingWithdrawn)
        a = f.view.agent("a1").orElseThrow();
        assertThat(a.pendingPresence()).isNull();
        assertThat(a.presenceSince()).isEqualTo(loggedIn);

        f.apply(new Command.SessionLost("a1"));
        assertThat(f.view.agent("a1").orElseThrow().sessionAttached()).isFalse();
        assertThat(f.view.agents()).extracting(AgentView::agentId).containsExactly("a1");
    }

    @Test
    void wrapUpIsShownOnTheAssignmentUntilItEnds() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "chatOnly");
        f.login("a1", true);
        f.arrive("c1", CHAT);
        String o1 = f.offerFor("c1");
        f.accept(o1);
        f.end("c1");
        AssignmentView as = f.view.assignment(o1).orElseThrow();
        assertThat(as.status()).isEqualTo(AssignmentStatus.WRAP_UP);
        assertThat(as.wrapUpUntil()).isEqualTo(f.now() + 10_000);
        assertThat(f.view.interaction("c1").orElseThrow().phase()).isEqualTo(Phase.ENDED);
        assertThat(f.view.agent("a1").orElseThrow().assignmentIds()).containsExactly(o1);

        f.advance(10_000);
        as = f.view.assignment(o1).orElseThrow();
        assertThat(as.status()).isEqualTo(AssignmentStatus.DONE);
        assertThat(as.endedAt()).isEqualTo(f.now());
        assertThat(f.view.agent("a1").orElseThrow().assignmentIds()).isEmpty();
    }

    @Test
    void answeredAndAbandonedCountsStartAgainAtLocalMidnight() {
        Feed f = new Feed(); // engine time starts at 22:13:20 London time
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.login("a1", true);
        f.arrive("i1", BILLING);
        f.accept(f.offerFor("i1"));
        f.arrive("i2", BILLING);
        f.hangUp("i2");
        QueueView q = f.view.queue(BILLING).orElseThrow();
        assertThat(q.answeredToday()).isEqualTo(1);
        assertThat(q.abandonedToday()).isEqualTo(1);
        long midnight = 1_700_006_400_000L; // 2023-11-15T00:00 in London (GMT)
        assertThat(q.dayStartedAt()).isEqualTo(midnight - 86_400_000L);

        f.advance(2 * 3_600_000L);
        f.arrive("i3", BILLING); // the first entry of the new day
        q = f.view.queue(BILLING).orElseThrow();
        assertThat(q.answeredToday()).isZero();
        assertThat(q.abandonedToday()).isZero();
        assertThat(q.dayStartedAt()).isEqualTo(midnight);
    }

    @Test
    void queuesFollowTheConfigurationAndTheCalendar() {
        Feed f = new Feed();
        assertThat(f.view.configVersion()).isZero();
        assertThat(f.view.queues()).isEmpty();
        f.configure(ViewCentre.config(1, false));
        assertThat(f.view.configVersion()).isEqualTo(1);
        assertThat(f.view.configuration()).contains(ViewCentre.config(1, false));
        assertThat(f.view.queues()).extracting(QueueView::queue).containsExactly(BILLING, SALES, CHAT);
        assertThat(f.view.queue(BILLING).orElseThrow().open()).isFalse();

        f.apply(new Command.OpenQueue(BILLING));
        assertThat(f.view.queue(BILLING).orElseThrow().open()).isTrue();
        f.configure(ViewCentre.config(2, false)); // a queue kept keeps its open state, as in the engine
        assertThat(f.view.configVersion()).isEqualTo(2);
        assertThat(f.view.queue(BILLING).orElseThrow().open()).isTrue();
        f.apply(new Command.CloseQueue(BILLING));
        assertThat(f.view.queue(BILLING).orElseThrow().open()).isFalse();
        assertThat(f.view.lastEntryId()).isEqualTo(f.lastEntry());
        assertThat(f.view.asOf()).isEqualTo(f.now());
    }

    @Test
    void anAdvisorsPhoneShowsFromLoginToLogout() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.apply(new Command.LogIn("a1", true, io.firstcontact.router.api.model.Actor.agent("a1"), "PJSIP/1001"));
        assertThat(f.view.agent("a1").orElseThrow().phone()).isEqualTo("PJSIP/1001");

        f.apply(new Command.ChangePresence(
                "a1", PresenceState.LOGGED_OUT, null, io.firstcontact.router.api.model.Actor.agent("a1"), false));
        assertThat(f.view.agent("a1").orElseThrow().phone()).isNull();
    }

    @Test
    void aCallOnHoldShowsSinceWhenUntilItIsResumed() {
        Feed f = Feed.callAnswered();
        assertThat(f.view.heldSince("v1")).isEmpty();

        f.advance(1_000);
        f.apply(new Command.Park("v1"));
        long held = f.now();
        f.advance(5_000);

        assertThat(f.view.interaction("v1").orElseThrow().phase()).isEqualTo(Phase.PARKED);
        assertThat(f.view.heldSince("v1")).hasValue(held);
        f.apply(new Command.Resume("v1"));
        assertThat(f.view.heldSince("v1")).isEmpty();
    }

    @Test
    void aConsultShowsItsOfferWhileRingingThenTheColleaguesLegUntilTheTransferIsCompleted() {
        Feed f = new Feed();
        f.configure(ViewCentre.config());
        f.agent("a1", "all");
        f.agent("a2", "all");
        f.login("a1", true);
        f.arrive("v1", BILLING);
        String call = f.offerFor("v1");
        f.accept(call);
        f.login("a2", true);

        f.apply(new Command.StartConsult("v1", "a2"));
        OfferView ringing = f.view.consultOffer("v1").orElseThrow();
        assertThat(ringing.agentId()).isEqualTo("a2");
        f.accept(ringing.offerId());

        assertThat(f.view.consultOffer("v1")).isEmpty();
        assertThat(f.view.assignment(ringing.offerId()).orElseThrow().consult()).isTrue();
        assertThat(f.view.assignment(call).orElseThrow().consult()).isFalse();
        f.apply(new Command.EndConsult("v1", "a2", io.firstcontact.router.api.model.ConsultOutcome.COMPLETED));
        assertThat(f.view.assignment(ringing.offerId()).orElseThrow().consult()).isFalse();
        assertThat(f.view.assignment(call).orElseThrow().status()).isNotEqualTo(AssignmentStatus.ACTIVE);
    }
}
