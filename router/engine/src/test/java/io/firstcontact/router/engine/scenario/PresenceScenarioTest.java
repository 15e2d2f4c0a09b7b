package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.MINUTE;
import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.chat;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.offered;
import static io.firstcontact.router.engine.scenario.Council.presenceOf;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Breaks, logouts and lost desktops: nobody is offered work they asked not to get. */
class PresenceScenarioTest {

    private static Driver billingAndChat() {
        return centre().queue(voice("billing"))
                .queue(chat("chat"))
                .profile("all", member("billing"), member("chat"))
                .driver();
    }

    @Test
    void advisorAskingForABreakMidCallGetsNoNewOfferAndTheBreakStartsWhenWrapUpEnds() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        Decision arrival = d.arrive("c1", "voice", "billing");
        d.accept(Driver.offers(arrival).getFirst().offerId());

        Decision asked = d.notReady("ann", "BREAK");
        assertThat(facts(asked, Fact.PresencePending.class)).singleElement().satisfies(p -> {
            assertThat(p.requested()).isEqualTo(PresenceState.NOT_READY);
            assertThat(p.reason()).isEqualTo("BREAK");
        });
        assertThat(facts(asked, Fact.PresenceChanged.class)).isEmpty();

        d.advance(MINUTE);
        assertThat(offered(d.arrive("c2", "voice", "billing"))).isEmpty();
        assertThat(offered(d.arrive("k1", "chat", "chat"))).isEmpty();

        Decision hungUp = d.end("c1");
        assertThat(facts(hungUp, Fact.WrapUpStarted.class)).hasSize(1);
        assertThat(facts(hungUp, Fact.PresenceChanged.class)).isEmpty();
        assertThat(offered(hungUp)).isEmpty();

        assertThat(d.advance(30_000 - 1)).isEmpty();
        List<Decision> wrapEnd = d.advance(1);
        assertThat(wrapEnd).singleElement().satisfies(w -> {
            assertThat(facts(w, Fact.AssignmentEnded.class)).hasSize(1);
            assertThat(offered(w)).isEmpty();
        });
        assertThat(presenceOf(d, "ann")).containsExactly("LOGGED_OUT→READY", "READY→NOT_READY(BREAK)");
        // The break is recorded as ann's own request, not the system's.
        assertThat(facts(wrapEnd, Fact.PresenceChanged.class))
                .singleElement()
                .satisfies(p -> assertThat(p.actor()).isEqualTo(Actor.agent("ann")));
        assertThat(d.engine().position("c2")).isEqualTo(1);

        assertThat(offered(d.ready("ann"))).containsExactly("c2");
    }

    @Test
    void advisorTakingBackABreakMidCallStaysReadyAndSaysSo() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.accept(Driver.offers(d.arrive("c1", "voice", "billing")).getFirst().offerId());
        d.notReady("ann", "BREAK");

        Decision changedMind = d.ready("ann");
        assertThat(facts(changedMind, Fact.PresencePendingWithdrawn.class))
                .containsExactly(new Fact.PresencePendingWithdrawn("ann", PresenceState.NOT_READY, Actor.agent("ann")));
        assertThat(facts(changedMind, Fact.PresenceChanged.class)).isEmpty(); // she was READY all along

        assertThat(facts(d.ready("ann"), Fact.PresencePendingWithdrawn.class)).isEmpty(); // nothing left to withdraw
        d.arrive("c2", "voice", "billing");
        d.end("c1");
        List<Decision> wrapEnd = d.advance(30_000);
        assertThat(wrapEnd)
                .singleElement()
                .satisfies(w -> assertThat(offered(w)).containsExactly("c2"));
        assertThat(presenceOf(d, "ann")).containsExactly("LOGGED_OUT→READY");
    }

    @Test
    void logoutDuringACallWaitsForTheCallAndItsWrapUp() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.accept(Driver.offers(d.arrive("c1", "voice", "billing")).getFirst().offerId());

        Decision logout = d.logout("ann");
        assertThat(facts(logout, Fact.PresencePending.class))
                .singleElement()
                .satisfies(p -> assertThat(p.requested()).isEqualTo(PresenceState.LOGGED_OUT));
        assertThat(facts(logout, Fact.AssignmentEnded.class)).isEmpty();
        assertThat(offered(d.arrive("c2", "voice", "billing"))).isEmpty();

        d.end("c1");
        d.advance(30_000);
        assertThat(presenceOf(d, "ann")).containsExactly("LOGGED_OUT→READY", "READY→LOGGED_OUT");
        assertThat(d.offers()).hasSize(1);
    }

    @Test
    void logoutWithOpenChatsPutsThemBackInLineWithTheirPlace() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.login("ann", true);
        for (String k : List.of("k1", "k2", "k3")) {
            d.accept(Driver.offers(d.arrive(k, "chat", "chat")).getFirst().offerId());
            d.advance(1_000);
        }
        d.arrive("k4", "chat", "chat"); // ann is full: k4 waits
        assertThat(d.engine().position("k4")).isEqualTo(1);
        List<Fact.VisitStarted> firstVisits = d.facts(Fact.VisitStarted.class);

        Decision logout = d.logout("ann");
        List<Fact.VisitStarted> requeued = facts(logout, Fact.VisitStarted.class);
        assertThat(requeued).extracting(Fact.VisitStarted::interactionId).containsExactlyInAnyOrder("k1", "k2", "k3");
        for (Fact.VisitStarted v : requeued) {
            Fact.VisitStarted original = firstVisits.stream()
                    .filter(f -> f.interactionId().equals(v.interactionId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(v.inherited()).isTrue();
            assertThat(v.order()).isEqualTo(original.order());
            assertThat(v.dueAt()).isEqualTo(original.dueAt());
        }
        assertThat(presenceOf(d, "ann")).containsExactly("LOGGED_OUT→READY", "READY→LOGGED_OUT");
        assertThat(d.engine().position("k4")).isEqualTo(4);

        Decision bobIn = d.login("bob", true);
        assertThat(offered(bobIn)).containsExactly("k1", "k2", "k3");
    }

    @Test
    void lostDesktopMakesTheAdvisorNotReadyOnlyAfterTheGracePeriod() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);

        Decision lost = d.apply(new Command.SessionLost("ann"));
        assertThat(facts(lost, Fact.SessionChanged.class)).hasSize(1);
        // No offers to an empty chair while the session is gone …
        assertThat(offered(d.arrive("c1", "voice", "billing"))).isEmpty();
        // … and no presence change inside the grace period.
        assertThat(d.advance(30_000 - 1)).isEmpty();
        List<Decision> grace = d.advance(1);
        assertThat(grace)
                .singleElement()
                .satisfies(g -> assertThat(facts(g, Fact.PresenceChanged.class))
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.to()).isEqualTo(PresenceState.NOT_READY);
                            assertThat(p.reason()).isEqualTo("DISCONNECTED");
                        }));
    }

    @Test
    void desktopBackWithinTheGracePeriodChangesNothing() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.arrive("c0", "voice", "billing");
        d.accept(d.lastOfferFor("c0").offerId());
        d.apply(new Command.SessionLost("ann"));
        d.advance(10_000);
        Decision back = d.apply(new Command.SessionRestored("ann"));
        assertThat(facts(back, Fact.SessionChanged.class))
                .singleElement()
                .satisfies(s -> assertThat(s.attached()).isTrue());
        d.end("c0");
        assertThat(facts(d.advance(5 * MINUTE), Fact.PresenceChanged.class)).isEmpty();
        assertThat(presenceOf(d, "ann")).containsExactly("LOGGED_OUT→READY");

        assertThat(offered(d.arrive("c1", "voice", "billing"))).containsExactly("c1");
    }

    @Test
    void advisorLoggingInAtAPhoneHasItUntilTheyLogOut() {
        Driver d = billingAndChat();
        d.agent("ann", "council", "all");
        Decision in = d.apply(new Command.LogIn("ann", true, Actor.agent("ann"), "PJSIP/1001"));
        assertThat(facts(in, Fact.DeviceAssigned.class)).containsExactly(new Fact.DeviceAssigned("ann", "PJSIP/1001"));
        assertThat(d.engine().snapshot().agents().getFirst().phone()).isEqualTo("PJSIP/1001");

        d.logout("ann");
        assertThat(d.engine().snapshot().agents().getFirst().phone()).isNull();
        Decision again = d.login("ann", true);
        assertThat(facts(again, Fact.DeviceAssigned.class)).isEmpty();
        assertThat(d.engine().snapshot().agents().getFirst().phone()).isNull();
    }

    @Test
    void snapshotSaysWhenEachAdvisorsPresenceBeganNotWhenItWasAskedFor() {
        Driver d = billingAndChat();
        long defined = d.now();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.advance(MINUTE);
        d.login("ann", true);
        d.accept(Driver.offers(d.arrive("c1", "voice", "billing")).getFirst().offerId());
        d.advance(MINUTE);
        d.notReady("ann", "LUNCH"); // pending while the call is open
        d.advance(MINUTE);
        long wrapStarted = d.now();
        d.end("c1");
        d.advance(30_000); // the wrap-up ends, and the lunch begins

        EngineSnapshot snapshot = d.engine().snapshot();
        assertThat(presenceSince(snapshot, "bob"))
                .as("never logged in: since defined")
                .isEqualTo(defined);
        assertThat(presenceSince(snapshot, "ann")).isEqualTo(wrapStarted + 30_000);
        assertThat(RoutingEngine.restore(snapshot).snapshot()).isEqualTo(snapshot);
    }

    private static Long presenceSince(EngineSnapshot snapshot, String agent) {
        return snapshot.agents().stream()
                .filter(a -> a.id().equals(agent))
                .findFirst()
                .orElseThrow()
                .presenceSince();
    }
}
