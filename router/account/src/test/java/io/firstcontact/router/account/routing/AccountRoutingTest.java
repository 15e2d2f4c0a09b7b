package io.firstcontact.router.account.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.account.EngineRoutingPort;
import io.firstcontact.router.account.Residents;
import io.firstcontact.router.account.arrival.KeyAttributes;
import io.firstcontact.router.account.arrival.Resolution;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.RecentContact;
import io.firstcontact.router.api.account.ServiceRequest;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.model.Target;
import io.firstcontact.router.api.model.TargetMode;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.Driver;
import io.firstcontact.router.engine.RoutingEngine;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing on the citizen's account against the real engine: advisors a0–a3 on the small centre's "billing" queue,
 * a0 idle longest (so ordinary routing offers it first), and callers whose accounts name one of the others.
 */
class AccountRoutingTest {
    private static final long T0 = 1_796_000_000_000L; // 2026-11-30
    private static final String NUMBER = "+442079460001";

    private EngineRoutingPort port;
    private AccountRouting routing;

    @BeforeEach
    void centre() {
        port = new EngineRoutingPort(new Driver(RoutingEngine.create(), T0));
        Driver d = port.driver();
        d.configure(Centres.small());
        for (String a : List.of("a0", "a1", "a2", "a3")) {
            d.agent(a, "council", "all", new SkillLevel("billing", 5));
        }
        start(AccountRoutingOptions.DEFAULT);
    }

    private void start(AccountRoutingOptions options) {
        routing = new AccountRouting(options, KeyAttributes.DEFAULT, port.clock(), Runnable::run);
        routing.attach(port, List.of("a0", "a1", "a2", "a3"));
        port.intake(routing::withPreference);
        port.subscribe(routing);
    }

    @Test
    void theOwnerOfTheCallersOpenCaseIsOfferedTheCallFirst() {
        offeredAfterTheIvr(accountWithCaseOwnedBy("a1"));

        assertThat(port.offeredTo("call-1")).isEqualTo("a1");
    }

    @Test
    void withoutAPreferenceTheAdvisorIdleLongestIsOffered() {
        offeredAfterTheIvr(accountWithContacts());

        assertThat(port.offeredTo("call-1")).isEqualTo("a0");
    }

    @Test
    void theAdvisorWhoLastHelpedTheCustomerWithinTheLookBackIsPreferred() {
        offeredAfterTheIvr(accountWithContacts(contact("a2", Duration.ofDays(6)), contact("a1", Duration.ofDays(2))));

        assertThat(port.offeredTo("call-1")).isEqualTo("a1");
    }

    @Test
    void aContactOlderThanTheLookBackPrefersNobody() {
        offeredAfterTheIvr(accountWithContacts(contact("a1", Duration.ofDays(8))));

        assertThat(port.offeredTo("call-1")).isEqualTo("a0");
    }

    @Test
    void aCaseOwnedBySomeoneWhoTakesNoCallsFallsBackToTheLastAdvisor() {
        offeredAfterTheIvr(
                accountWithCaseOwnedBy("caseworker-7").withRecentContacts(List.of(contact("a2", Duration.ofDays(1)))));

        assertThat(port.offeredTo("call-1")).isEqualTo("a2");
    }

    @Test
    void theAdvisorRoutingLastGaveTheCustomerToIsPreferredWithoutTheBackOffice() {
        port.readyInOrder("a1");
        port.createQueued("call-1", "C-100001", "billing");
        assertThat(port.offeredTo("call-1")).isEqualTo("a1");
        port.submit(
                "test",
                null,
                new Command.AcceptOffer(port.driver().lastOfferFor("call-1").offerId(), Actor.SYSTEM));
        port.submit("test", null, new Command.EndInteraction("call-1", EndReason.COMPLETED));
        port.submit("test", null, new Command.EndWrapUp(assignmentOf("call-1")));
        port.readyInOrder("a0", "a2");

        port.createQueued("call-2", "C-100001", "billing");

        assertThat(port.offeredTo("call-2")).isEqualTo("a1");
    }

    @Test
    void aPreferredAdvisorWhoComesFreeWithinTheWindowTakesTheirCustomerBeforeOthersWhoWaitedLonger() {
        callYWaitsBehindCallXWithA1NotReady();
        resolved("call-y", accountWithCaseOwnedBy("a1"));
        port.queue("call-y", "billing");
        port.advance(10_000);

        port.ready("a1");

        assertThat(port.offeredTo("call-y")).isEqualTo("a1");
        assertThat(port.offeredTo("call-x")).isNull();
    }

    @Test
    void whenTheWindowEndsTheCallRoutesNormally() {
        callYWaitsBehindCallXWithA1NotReady();
        resolved("call-y", accountWithCaseOwnedBy("a1"));
        port.queue("call-y", "billing");
        port.advance(31_000);
        assertThat(port.driver().facts(Fact.TargetReleased.class))
                .anyMatch(r -> r.interactionId().equals("call-y") && r.reason().equals("EXPIRED"));

        port.ready("a1");

        assertThat(port.offeredTo("call-x")).isEqualTo("a1");
    }

    @Test
    void anAccountResolvedAfterTheCallQueuedPrefersTheOwnerForTheRestOfTheWindow() {
        callYWaitsBehindCallXWithA1NotReady();
        port.queue("call-y", "billing");
        port.advance(2_000); // the back office answers two seconds after the caller queued

        resolved("call-y", accountWithCaseOwnedBy("a1"));
        port.ready("a1");

        assertThat(port.offeredTo("call-y")).isEqualTo("a1");
        assertThat(routing.statistics().whileWaiting()).isEqualTo(1);
    }

    @Test
    void anAccountResolvedAfterTheWindowEndedChangesNothing() {
        callYWaitsBehindCallXWithA1NotReady();
        port.queue("call-y", "billing");
        port.advance(31_000);

        resolved("call-y", accountWithCaseOwnedBy("a1"));
        port.ready("a1");

        assertThat(port.offeredTo("call-x")).isEqualTo("a1");
        assertThat(routing.statistics().whileWaiting()).isZero();
    }

    @Test
    void inAQueueWhereASupervisorTurnedItOffItDoesNotApply() {
        routing.switches().set("billing", false);

        offeredAfterTheIvr(accountWithCaseOwnedBy("a1"));

        assertThat(port.offeredTo("call-1")).isEqualTo("a0");
        assertThat(routing.statistics().switchedOff()).isEqualTo(1);
    }

    @Test
    void inAQueueTurnedOffByConfigurationItDoesNotApplyUntilASupervisorTurnsItOn() {
        start(new AccountRoutingOptions(null, null, null, List.of("billing")));
        offeredAfterTheIvr(accountWithCaseOwnedBy("a1"));
        assertThat(port.offeredTo("call-1")).isEqualTo("a0");

        routing.switches().set("billing", true);
        port.arriveInIvr("call-2", "+442079460002");
        routing.resolved(new Resolution(
                "call-2", AccountKey.callerNumber("+442079460002"), Optional.of(accountWithCaseOwnedBy("a2")), null));
        port.queue("call-2", "billing");

        assertThat(port.offeredTo("call-2")).isEqualTo("a2");
    }

    @Test
    void aCallQueuedWithItsOwnNamedAdvisorKeepsThem() {
        port.readyInOrder("a0", "a1", "a2");
        port.arriveInIvr("call-1", NUMBER);
        resolved("call-1", accountWithCaseOwnedBy("a1"));

        port.submit(
                "test",
                null,
                new Command.QueueInteraction(
                        "call-1",
                        QueueRequest.to("billing")
                                .withTargets(List.of(new Target("a2", T0 + 60_000, TargetMode.PREFER)))));

        assertThat(port.offeredTo("call-1")).isEqualTo("a2");
    }

    // ------------------------------------------------------------------ the stories' pieces

    /** a0, a1 and a2 are ready (a0 idle longest); call-1 arrives in the IVR, is looked up, and queues. */
    private void offeredAfterTheIvr(Account account) {
        port.readyInOrder("a0", "a1", "a2");
        port.arriveInIvr("call-1", NUMBER);
        resolved("call-1", account);
        port.queue("call-1", "billing");
    }

    /** a1 is logged in but not ready; call-x queues; a second later call-y arrives in the IVR. */
    private void callYWaitsBehindCallXWithA1NotReady() {
        port.loggedInNotReady("a1");
        port.createQueued("call-x", null, "billing");
        port.advance(1_000);
        port.arriveInIvr("call-y", NUMBER);
    }

    private void resolved(String id, Account account) {
        routing.resolved(new Resolution(id, AccountKey.callerNumber(NUMBER), Optional.of(account), null));
    }

    private String assignmentOf(String interactionId) {
        return port.driver().facts(Fact.AssignmentStarted.class).stream()
                .filter(a -> a.interactionId().equals(interactionId))
                .findFirst()
                .orElseThrow()
                .assignmentId();
    }

    private static Account accountWithCaseOwnedBy(String owner) {
        return Residents.first(r -> r.phone() != null)
                .withRecentContacts(List.of())
                .withOpenServiceRequests(List.of(new ServiceRequest(
                        "SR-1",
                        "missed-bin",
                        ServiceRequest.Status.SCHEDULED,
                        LocalDate.of(2026, 11, 28),
                        null,
                        owner)));
    }

    private static Account accountWithContacts(RecentContact... contacts) {
        return Residents.first(r -> r.phone() != null)
                .withOpenServiceRequests(List.of())
                .withRecentContacts(List.of(contacts));
    }

    private RecentContact contact(String advisor, Duration ago) {
        return new RecentContact(
                Instant.ofEpochMilli(port.driver().now()).minus(ago),
                "voice",
                "Council tax: bill query",
                "resolved",
                advisor);
    }
}
