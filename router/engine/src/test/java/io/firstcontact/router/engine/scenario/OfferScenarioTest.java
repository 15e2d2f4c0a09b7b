package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.MINUTE;
import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.chat;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.offered;
import static io.firstcontact.router.engine.scenario.Council.presenceOf;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.event.Refusal;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.FailureCause;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.VisitOutcome;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What happens to an offer: rejects, failed devices, late answers, three chats at once, wrap-up. */
class OfferScenarioTest {

    private static Driver billing() {
        return centre().queue(voice("billing"))
                .queue(chat("chat"))
                .profile("all", member("billing"), member("chat"))
                .driver();
    }

    @Test
    void threeChatSlotsFillFromOneLogin() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.arrive("k1", "chat", "chat");
        d.arrive("k2", "chat", "chat");
        d.arrive("k3", "chat", "chat");
        d.arrive("k4", "chat", "chat");

        Decision login = d.login("ann", true);
        assertThat(Driver.offers(login))
                .extracting(Effect.OfferToAgent::agentId)
                .containsOnly("ann");
        assertThat(offered(login)).containsExactly("k1", "k2", "k3");
        assertThat(d.engine().position("k4")).isEqualTo(1);
    }

    @Test
    void threeRejectsInTheWindowPauseTheAdvisorAndAlertASupervisor() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        d.arrive("c2", "voice", "billing");
        d.arrive("c3", "voice", "billing");
        d.arrive("c4", "voice", "billing");

        Decision r1 = d.apply(new Command.RejectOffer(d.lastOfferFor("c1").offerId(), Actor.agent("ann")));
        assertThat(offered(r1)).containsExactly("c2"); // excluded from c1 only; no pause
        d.advance(5_000);
        Decision r2 = d.apply(new Command.RejectOffer(d.lastOfferFor("c2").offerId(), Actor.agent("ann")));
        assertThat(offered(r2)).containsExactly("c3");
        d.advance(5_000);
        Decision r3 = d.apply(new Command.RejectOffer(d.lastOfferFor("c3").offerId(), Actor.agent("ann")));
        assertThat(offered(r3)).isEmpty();
        assertThat(facts(r3, Fact.PresenceChanged.class))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("REJECTS"));
        assertThat(effects(r3, Effect.SupervisorAlert.class)).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("REJECTS");
            assertThat(a.agentId()).isEqualTo("ann");
        });
        assertThat(d.engine().position("c1")).isEqualTo(1);
    }

    @Test
    void rejectsSpreadBeyondTheWindowDoNotPause() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        for (String c : List.of("c1", "c2", "c3")) {
            d.arrive(c, "voice", "billing");
            d.apply(new Command.RejectOffer(d.lastOfferFor(c).offerId(), Actor.agent("ann")));
            d.hangUp(c);
            d.advance(3 * MINUTE);
        }
        d.arrive("c4", "voice", "billing");
        assertThat(presenceOf(d, "ann")).containsExactly("LOGGED_OUT→READY");
        assertThat(d.lastOfferFor("c4").agentId()).isEqualTo("ann");
        assertThat(effects(d.decisions(), Effect.SupervisorAlert.class)).isEmpty();
    }

    @Test
    void unreachablePhonePausesTheAdvisorAndTheCallIsOfferedElsewhereAtOnce() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.login("ann", true);
        d.advance(1_000);
        d.login("bob", true);
        d.arrive("c1", "voice", "billing");
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("ann");

        Decision failed = d.apply(new Command.OfferFailed(d.lastOfferFor("c1").offerId(), FailureCause.UNREACHABLE));
        assertThat(facts(failed, Fact.OfferStatusChanged.class))
                .extracting(Fact.OfferStatusChanged::status)
                .containsExactly(OfferStatus.FAILED);
        assertThat(facts(failed, Fact.PresenceChanged.class))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("DEVICE"));
        assertThat(Driver.offers(failed)).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.agentId()).isEqualTo("bob");
        });
    }

    @Test
    void busyDeviceDoesNotPauseTheAdvisor() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.login("ann", true);
        d.advance(1_000);
        d.login("bob", true);
        d.arrive("c1", "voice", "billing");

        Decision failed = d.apply(new Command.OfferFailed(d.lastOfferFor("c1").offerId(), FailureCause.DEVICE_BUSY));
        assertThat(facts(failed, Fact.PresenceChanged.class)).isEmpty();
        assertThat(Driver.offers(failed))
                .singleElement()
                .satisfies(o -> assertThat(o.agentId()).isEqualTo("bob"));
        // ann is still ready, for other callers.
        assertThat(d.lastOfferFor("c2") == null).isTrue();
        d.arrive("c2", "voice", "billing");
        assertThat(d.lastOfferFor("c2").agentId()).isEqualTo("ann");
    }

    @Test
    void lateAnswerAfterTheRingTimeoutIsRefusedAndChangesNothing() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        String offer = d.lastOfferFor("c1").offerId();
        d.advance(20_000);
        String before = Council.stateApartFromClock(d.engine());

        Decision late = d.accept(offer);
        assertThat(late.refused()).isTrue();
        assertThat(effects(late, Effect.Refused.class))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(Refusal.CONFLICT));
        assertThat(late.facts()).isEmpty();
        assertThat(effects(late, Effect.Connect.class)).isEmpty();
        assertThat(Council.stateApartFromClock(d.engine())).isEqualTo(before);
        assertThat(d.engine().position("c1")).isEqualTo(1);
    }

    @Test
    void wrapUpExtensionIsCappedAtTheQueueMaximum() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        Decision answered = d.accept(d.lastOfferFor("c1").offerId());
        String assignment =
                facts(answered, Fact.AssignmentStarted.class).getFirst().assignmentId();
        d.advance(MINUTE);
        long endedAt = d.now();
        d.end("c1");
        d.arrive("c2", "voice", "billing");

        Decision ext1 = d.apply(new Command.ExtendWrapUp(assignment, 45_000));
        assertThat(facts(ext1, Fact.WrapUpStarted.class))
                .singleElement()
                .satisfies(w -> assertThat(w.until()).isEqualTo(endedAt + 75_000));
        Decision ext2 = d.apply(new Command.ExtendWrapUp(assignment, 60_000));
        assertThat(facts(ext2, Fact.WrapUpStarted.class))
                .singleElement()
                .satisfies(w -> assertThat(w.until()).isEqualTo(endedAt + 90_000)); // maximum 90 s
        Decision ext3 = d.apply(new Command.ExtendWrapUp(assignment, 10_000));
        assertThat(ext3.refused()).isTrue();

        assertThat(offered(d.advance(90_000 - 1))).isEmpty();
        List<Decision> done = d.advance(1);
        assertThat(offered(done)).containsExactly("c2");
    }

    @Test
    void finishingWrapUpEarlyFreesTheAdvisorAtOnce() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        Decision answered = d.accept(d.lastOfferFor("c1").offerId());
        String assignment =
                facts(answered, Fact.AssignmentStarted.class).getFirst().assignmentId();
        d.end("c1");
        d.arrive("c2", "voice", "billing");
        d.advance(5_000);
        assertThat(offered(d.apply(new Command.EndWrapUp(assignment)))).containsExactly("c2");
    }

    @Test
    void callerWhoseOfferRingsOutTwiceIsRaisedATierAndASupervisorIsAlerted() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.agent("bob", "council", "all");
        d.agent("cat", "council", "all");
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        d.arrive("c2", "voice", "billing");
        d.advance(20_000); // ann lets c1 ring out
        d.login("bob", true);
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("bob");
        List<Decision> second = d.advance(20_000); // and so does bob

        assertThat(facts(second, Fact.TierChanged.class)).singleElement().satisfies(t -> {
            assertThat(t.interactionId()).isEqualTo("c1");
            assertThat(t.tier()).isEqualTo(1);
            assertThat(t.reason()).isEqualTo("REPEATED_RONA");
        });
        assertThat(effects(second, Effect.SupervisorAlert.class))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.kind()).isEqualTo("REPEATED_RONA");
                    assertThat(a.interactionId()).isEqualTo("c1");
                });
        assertThat(d.engine().position("c1")).isEqualTo(1);
        assertThat(offered(d.login("cat", true))).containsExactly("c1");
    }

    @Test
    void callerHangingUpWhileRingingFreesTheAdvisorAtOnce() {
        Driver d = billing();
        d.agent("ann", "council", "all");
        d.login("ann", true);
        d.arrive("c1", "voice", "billing");
        d.advance(3_000);
        d.arrive("c2", "voice", "billing");
        d.advance(3_000);

        Decision gone = d.hangUp("c1");
        assertThat(facts(gone, Fact.OfferStatusChanged.class))
                .extracting(Fact.OfferStatusChanged::status)
                .containsExactly(OfferStatus.CANCELLED);
        assertThat(effects(gone, Effect.WithdrawOffer.class)).hasSize(1);
        assertThat(facts(gone, Fact.VisitEnded.class))
                .singleElement()
                .satisfies(v -> assertThat(v.outcome()).isEqualTo(VisitOutcome.ABANDONED_WHILE_ALERTING));
        assertThat(facts(gone, Fact.PresenceChanged.class)).isEmpty();
        assertThat(offered(gone)).containsExactly("c2");
    }
}
