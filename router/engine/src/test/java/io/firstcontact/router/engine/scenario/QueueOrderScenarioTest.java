package io.firstcontact.router.engine.scenario;

import static io.firstcontact.router.engine.scenario.Council.HOUR;
import static io.firstcontact.router.engine.scenario.Council.MINUTE;
import static io.firstcontact.router.engine.scenario.Council.centre;
import static io.firstcontact.router.engine.scenario.Council.chat;
import static io.firstcontact.router.engine.scenario.Council.effects;
import static io.firstcontact.router.engine.scenario.Council.email;
import static io.firstcontact.router.engine.scenario.Council.facts;
import static io.firstcontact.router.engine.scenario.Council.member;
import static io.firstcontact.router.engine.scenario.Council.offered;
import static io.firstcontact.router.engine.scenario.Council.voice;
import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.Requirement;
import io.firstcontact.router.api.model.RoutingStrategy;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.Driver;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is answered first: place in line, service deadlines across channels, tiers, positions and strategies. */
class QueueOrderScenarioTest {

    private static Driver billing() {
        return centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .driver();
    }

    @Test
    void callerKeepsPlaceAfterRona() {
        Driver d = billing();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "billing");
        d.login("ann", true);
        d.login("bob", false);

        Decision arrival = d.arrive("c1", "voice", "billing");
        assertThat(Driver.offers(arrival)).singleElement().satisfies(o -> {
            assertThat(o.agentId()).isEqualTo("ann");
            assertThat(o.expiresAt()).isEqualTo(d.now() + 20_000);
        });
        d.advance(1_000);
        d.arrive("c2", "voice", "billing");
        d.advance(1_000);
        d.arrive("c3", "voice", "billing");

        List<Decision> rona = d.advance(18_000);
        assertThat(rona).hasSize(1);
        Decision timedOut = rona.getFirst();
        assertThat(facts(timedOut, Fact.OfferStatusChanged.class))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.interactionId()).isEqualTo("c1");
                    assertThat(s.status()).isEqualTo(OfferStatus.TIMED_OUT);
                });
        assertThat(effects(timedOut, Effect.WithdrawOffer.class))
                .singleElement()
                .satisfies(w -> assertThat(w.agentId()).isEqualTo("ann"));
        assertThat(facts(timedOut, Fact.PresenceChanged.class))
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("RONA"));
        assertThat(offered(timedOut)).isEmpty();

        // Still at the head of the line, in the same visit.
        assertThat(d.engine().position("c1")).isEqualTo(1);
        assertThat(d.engine().position("c2")).isEqualTo(2);
        assertThat(d.engine().position("c3")).isEqualTo(3);
        assertThat(d.facts(Fact.VisitStarted.class))
                .filteredOn(v -> v.interactionId().equals("c1"))
                .hasSize(1);

        Decision bobReady = d.ready("bob");
        assertThat(Driver.offers(bobReady)).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.agentId()).isEqualTo("bob");
        });
        assertThat(offered(d.ready("ann"))).containsExactly("c2");
    }

    @Test
    void emailThatWaitedHoursLosesToAFreshCallWithAnEarlierDeadline() {
        Driver d = blended();
        d.arrive("e1", "email", "email");
        d.advance(3 * HOUR);
        d.arrive("c1", "voice", "billing");

        Decision login = d.login("ann", true);
        assertThat(offered(login)).containsExactly("c1");
        assertThat(d.engine().position("e1")).isEqualTo(1);
    }

    @Test
    void emailWhoseDeadlineIsEarlierWinsOverAFreshCall() {
        Driver d = blended();
        d.arrive("e1", "email", "email");
        d.advance(24 * HOUR - 10_000);
        d.arrive("c1", "voice", "billing");

        Decision login = d.login("ann", true);
        assertThat(offered(login)).containsExactly("e1");
        assertThat(effects(login, Effect.Connect.class))
                .singleElement()
                .satisfies(c -> assertThat(c.interactionId()).isEqualTo("e1"));
        assertThat(d.engine().position("c1")).isEqualTo(1);
    }

    private static Driver blended() {
        Driver d = centre().queue(voice("billing"))
                .queue(email("email"))
                .profile("blend", member("billing"), member("email"))
                .driver();
        d.agent("ann", "council", "blend");
        return d;
    }

    @Test
    void emergencyTierJumpsAheadOfEarlierCallers() {
        Driver d = billing();
        d.agent("ann", "council", "billing");
        d.arrive("c1", "voice", "billing");
        d.advance(5_000);
        d.arrive("c2", "voice", "billing");
        d.advance(5_000);
        d.arrive("c3", "voice", QueueRequest.to("billing").withTier(9));

        assertThat(d.engine().position("c3")).isEqualTo(1);
        assertThat(d.engine().position("c1")).isEqualTo(2);
        assertThat(d.engine().position("c2")).isEqualTo(3);
        assertThat(offered(d.login("ann", true))).containsExactly("c3");
    }

    @Test
    void anAgeBonusGivenWhileWaitingMovesTheCallerUpAndSaysSo() {
        Driver d = billing();
        d.agent("ann", "council", "billing");
        d.arrive("c1", "voice", "billing");
        d.advance(5_000);
        d.arrive("c2", "voice", "billing");
        assertThat(d.engine().position("c2")).isEqualTo(2);

        Decision bonus = d.apply(new Command.UpdateRouting("c2", 0, 10_000, List.of()));
        assertThat(facts(bonus, Fact.AgeBonusChanged.class)).containsExactly(new Fact.AgeBonusChanged("c2", 10_000));
        assertThat(facts(bonus, Fact.TierChanged.class)).isEmpty();
        assertThat(d.engine().position("c2")).isEqualTo(1);

        Decision same = d.apply(new Command.UpdateRouting("c2", 0, 10_000, List.of()));
        assertThat(facts(same, Fact.AgeBonusChanged.class)).isEmpty(); // nothing changed, nothing said

        assertThat(offered(d.login("ann", true))).containsExactly("c2");
    }

    @Test
    void positionCountsOnlyBetterPlacesInTheSameQueue() {
        Driver d = centre().queue(voice("billing"))
                .queue(chat("chat"))
                .profile("all", member("billing"), member("chat"))
                .driver();
        d.agent("ann", "council", "all");
        d.arrive("c1", "voice", "billing");
        d.advance(1_000);
        d.arrive("k1", "chat", "chat");
        d.advance(1_000);
        d.arrive("c2", "voice", "billing");
        d.arrive("c3", "voice", "billing");

        assertThat(d.engine().position("c1")).isEqualTo(1);
        assertThat(d.engine().position("k1")).isEqualTo(1);
        assertThat(d.engine().position("c2")).isEqualTo(2);
        assertThat(d.engine().position("c3")).isEqualTo(3);
        assertThat(d.engine().position("nobody")).isZero();

        Decision login = d.login("ann", true);
        String offer = Driver.offers(login).getFirst().offerId();
        assertThat(offered(login)).containsExactly("c1");
        d.accept(offer);
        assertThat(d.engine().position("c1")).isZero();
        assertThat(d.engine().position("c2")).isEqualTo(1);
        assertThat(d.engine().position("c3")).isEqualTo(2);
        assertThat(d.engine().position("k1")).isEqualTo(1);
    }

    @Test
    void backupAdvisorTakesTheQueueOnlyAfterTheirDelay() {
        Driver d = centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .profile("backup", member("billing", 2, MINUTE))
                .driver();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "backup");
        d.login("ann", false);
        d.login("bob", true);

        assertThat(offered(d.arrive("c1", "voice", "billing"))).isEmpty();
        assertThat(offered(d.advance(MINUTE - 1))).isEmpty();
        List<Decision> atDelay = d.advance(1);
        assertThat(Driver.offers(atDelay.getFirst())).singleElement().satisfies(o -> {
            assertThat(o.interactionId()).isEqualTo("c1");
            assertThat(o.agentId()).isEqualTo("bob");
        });
    }

    @Test
    void primaryAdvisorIsPreferredOverALongerIdleSecondaryAdvisor() {
        Driver d = centre().queue(voice("billing"))
                .profile("billing", member("billing"))
                .profile("secondary", member("billing", 2, 0))
                .driver();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "secondary");
        d.login("bob", true);
        d.advance(10 * MINUTE);
        d.login("ann", true);

        d.arrive("c1", "voice", "billing");
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("ann");
        d.arrive("c2", "voice", "billing");
        assertThat(d.lastOfferFor("c2").agentId()).isEqualTo("bob");
    }

    @Test
    void longestIdleAdvisorTakesTheNextCall() {
        Driver d = billing();
        d.agent("ann", "council", "billing");
        d.agent("bob", "council", "billing");
        d.login("ann", true);
        d.advance(MINUTE);
        d.login("bob", true);

        Decision first = d.arrive("c1", "voice", "billing");
        assertThat(d.lastOfferFor("c1").agentId()).isEqualTo("ann");
        d.accept(Driver.offers(first).getFirst().offerId());
        d.advance(2 * MINUTE);
        d.end("c1");
        d.advance(30_000); // ann's wrap-up ends: she is idle again, but for less time than bob

        d.arrive("c2", "voice", "billing");
        assertThat(d.lastOfferFor("c2").agentId()).isEqualTo("bob");
    }

    @Test
    void leastOccupiedAdvisorTakesTheNextChat() {
        Driver d = centre().queue(chat("chat")).profile("chat", member("chat")).driver();
        d.agent("ann", "council", "chat");
        d.agent("bob", "council", "chat");
        d.login("ann", true);
        d.advance(1_000);
        d.login("bob", true);

        for (String k : List.of("k1", "k2", "k3", "k4")) {
            Decision arrival = d.arrive(k, "chat", "chat");
            d.accept(Driver.offers(arrival).getFirst().offerId());
        }
        assertThat(d.offers().stream().map(Effect.OfferToAgent::agentId)).containsExactly("ann", "bob", "ann", "bob");
    }

    @Test
    void mostSkilledAdvisorTakesTheCallWhenTheQueueAsksForIt() {
        Driver d = centre().queue(
                        voice("planning", Requirement.soft("housing", 1)).withStrategy(RoutingStrategy.MOST_SKILLED))
                .profile("planning", member("planning"))
                .driver();
        d.agent("ann", "council", "planning", new SkillLevel("housing", 3));
        d.agent("bob", "council", "planning", new SkillLevel("housing", 8));
        d.agent("cat", "council", "planning", new SkillLevel("housing", 8));
        d.login("ann", true);
        d.advance(1_000);
        d.login("bob", true);
        d.advance(1_000);
        d.login("cat", true);

        d.arrive("c1", "voice", "planning");
        d.arrive("c2", "voice", "planning");
        d.arrive("c3", "voice", "planning");
        assertThat(d.offers().stream().map(Effect.OfferToAgent::agentId)).containsExactly("bob", "cat", "ann");
    }
}
