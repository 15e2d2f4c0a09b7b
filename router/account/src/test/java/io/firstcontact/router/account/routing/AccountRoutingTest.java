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
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.Driver;
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

    private EngineRoutingPort port;
    private AccountRouting routing;

    @BeforeEach
    void centre() {
        port = new EngineRoutingPort(new Driver(io.firstcontact.router.engine.RoutingEngine.create(), T0));
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
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved("call-1", "+442079460001", accountWithCaseOwnedBy("a1"));

        queue("call-1");

        assertThat(offeredTo("call-1")).isEqualTo("a1");
    }

    @Test
    void withoutAPreferenceTheAdvisorIdleLongestIsOffered() {
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved("call-1", "+442079460001", accountWithContacts());

        queue("call-1");

        assertThat(offeredTo("call-1")).isEqualTo("a0");
    }

    @Test
    void theAdvisorWhoLastHelpedTheCustomerWithinTheLookBackIsPreferred() {
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved(
                "call-1",
                "+442079460001",
                accountWithContacts(contact("a2", Duration.ofDays(6)), contact("a1", Duration.ofDays(2))));

        queue("call-1");

        assertThat(offeredTo("call-1")).isEqualTo("a1");
    }

    @Test
    void aContactOlderThanTheLookBackPrefersNobody() {
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved("call-1", "+442079460001", accountWithContacts(contact("a1", Duration.ofDays(8))));

        queue("call-1");

        assertThat(offeredTo("call-1")).isEqualTo("a0");
    }

    @Test
    void aCaseOwnedBySomeoneWhoTakesNoCallsFallsBackToTheLastAdvisor() {
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        Account owned = accountWithCaseOwnedBy("caseworker-7");
        resolved("call-1", "+442079460001", withContacts(owned, contact("a2", Duration.ofDays(1))));

        queue("call-1");

        assertThat(offeredTo("call-1")).isEqualTo("a2");
    }

    @Test
    void theAdvisorRoutingLastGaveTheCustomerToIsPreferredWithoutTheBackOffice() {
        readyInOrder("a1");
        createQueued("call-1", "C-100001");
        assertThat(offeredTo("call-1")).isEqualTo("a1");
        port.submit(
                "test",
                null,
                new Command.AcceptOffer(
                        port.driver().lastOfferFor("call-1").offerId(), io.firstcontact.router.api.model.Actor.SYSTEM));
        port.submit(
                "test",
                null,
                new Command.EndInteraction("call-1", io.firstcontact.router.api.model.EndReason.COMPLETED));
        port.submit("test", null, new Command.EndWrapUp(assignmentOf("call-1")));
        readyInOrder("a0", "a2");

        createQueued("call-2", "C-100001");

        assertThat(offeredTo("call-2")).isEqualTo("a1");
    }

    @Test
    void aPreferredAdvisorWhoComesFreeWithinTheWindowTakesTheirCustomerBeforeOthersWhoWaitedLonger() {
        loggedInNotReady("a1");
        createQueued("call-x", null); // waits longer, no preference
        port.advance(1_000);
        arriveInIvr("call-y", "+442079460001");
        resolved("call-y", "+442079460001", accountWithCaseOwnedBy("a1"));
        queue("call-y");
        port.advance(10_000);

        ready("a1");

        assertThat(offeredTo("call-y")).isEqualTo("a1");
        assertThat(port.driver().lastOfferFor("call-x")).isNull();
    }

    @Test
    void whenTheWindowEndsTheCallRoutesNormally() {
        loggedInNotReady("a1");
        createQueued("call-x", null);
        port.advance(1_000);
        arriveInIvr("call-y", "+442079460001");
        resolved("call-y", "+442079460001", accountWithCaseOwnedBy("a1"));
        queue("call-y");
        port.advance(31_000);
        assertThat(port.driver().facts(Fact.TargetReleased.class))
                .anyMatch(r -> r.interactionId().equals("call-y") && r.reason().equals("EXPIRED"));

        ready("a1");

        assertThat(offeredTo("call-x")).isEqualTo("a1");
    }

    @Test
    void anAccountResolvedAfterTheCallQueuedPrefersTheOwnerForTheRestOfTheWindow() {
        loggedInNotReady("a1");
        createQueued("call-x", null);
        port.advance(1_000);
        arriveInIvr("call-y", "+442079460001");
        queue("call-y");
        port.advance(2_000); // the back office answers two seconds after the caller queued

        resolved("call-y", "+442079460001", accountWithCaseOwnedBy("a1"));
        ready("a1");

        assertThat(offeredTo("call-y")).isEqualTo("a1");
        assertThat(routing.statistics().whileWaiting()).isEqualTo(1);
    }

    @Test
    void anAccountResolvedAfterTheWindowEndedChangesNothing() {
        loggedInNotReady("a1");
        createQueued("call-x", null);
        port.advance(1_000);
        arriveInIvr("call-y", "+442079460001");
        queue("call-y");
        port.advance(31_000);

        resolved("call-y", "+442079460001", accountWithCaseOwnedBy("a1"));
        ready("a1");

        assertThat(offeredTo("call-x")).isEqualTo("a1");
        assertThat(routing.statistics().whileWaiting()).isZero();
    }

    @Test
    void inAQueueWhereASupervisorTurnedItOffItDoesNotApply() {
        routing.switches().set("billing", false);
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved("call-1", "+442079460001", accountWithCaseOwnedBy("a1"));

        queue("call-1");

        assertThat(offeredTo("call-1")).isEqualTo("a0");
        assertThat(routing.statistics().switchedOff()).isEqualTo(1);
    }

    @Test
    void inAQueueTurnedOffByConfigurationItDoesNotApplyUntilASupervisorTurnsItOn() {
        start(new AccountRoutingOptions(null, null, null, List.of("billing")));
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved("call-1", "+442079460001", accountWithCaseOwnedBy("a1"));
        queue("call-1");
        assertThat(offeredTo("call-1")).isEqualTo("a0");

        routing.switches().set("billing", true);
        arriveInIvr("call-2", "+442079460002");
        resolved("call-2", "+442079460002", accountWithCaseOwnedBy("a2"));
        queue("call-2");

        assertThat(offeredTo("call-2")).isEqualTo("a2");
    }

    @Test
    void aCallQueuedWithItsOwnNamedAdvisorKeepsThem() {
        readyInOrder("a0", "a1", "a2");
        arriveInIvr("call-1", "+442079460001");
        resolved("call-1", "+442079460001", accountWithCaseOwnedBy("a1"));

        port.submit(
                "test",
                null,
                new Command.QueueInteraction(
                        "call-1",
                        QueueRequest.to("billing")
                                .withTargets(List.of(new io.firstcontact.router.api.model.Target(
                                        "a2", T0 + 60_000, io.firstcontact.router.api.model.TargetMode.PREFER)))));

        assertThat(offeredTo("call-1")).isEqualTo("a2");
    }

    // ------------------------------------------------------------------ the story's pieces

    /** Logs advisors in one after another, a millisecond apart: the first is idle longest. */
    private void readyInOrder(String... agents) {
        for (String a : agents) {
            port.submit("test", null, new Command.LogIn(a, true, io.firstcontact.router.api.model.Actor.agent(a)));
            port.advance(1);
        }
    }

    private void loggedInNotReady(String agent) {
        port.submit("test", null, new Command.LogIn(agent, false, io.firstcontact.router.api.model.Actor.agent(agent)));
    }

    private void ready(String agent) {
        port.submit(
                "test",
                null,
                new Command.ChangePresence(
                        agent,
                        io.firstcontact.router.api.model.PresenceState.READY,
                        null,
                        io.firstcontact.router.api.model.Actor.agent(agent),
                        false));
    }

    private void arriveInIvr(String id, String callerNumber) {
        port.submit(
                "test",
                null,
                new Command.CreateInteraction(
                        id,
                        "voice",
                        Direction.INBOUND,
                        "voice:" + id,
                        null,
                        null,
                        Attributes.of("callerNumber", callerNumber),
                        null));
    }

    private void createQueued(String id, String customerRef) {
        port.submit(
                "test",
                null,
                new Command.CreateInteraction(
                        id,
                        "voice",
                        Direction.INBOUND,
                        "voice:" + id,
                        null,
                        customerRef,
                        Attributes.NONE,
                        QueueRequest.to("billing")));
    }

    private void queue(String id) {
        port.submit("test", null, new Command.QueueInteraction(id, QueueRequest.to("billing")));
    }

    private void resolved(String id, String callerNumber, Account account) {
        routing.resolved(new Resolution(id, AccountKey.callerNumber(callerNumber), Optional.of(account), null));
    }

    private String offeredTo(String interactionId) {
        Effect.OfferToAgent o = port.driver().lastOfferFor(interactionId);
        return o == null ? null : o.agentId();
    }

    private String assignmentOf(String interactionId) {
        return port.driver().facts(Fact.AssignmentStarted.class).stream()
                .filter(a -> a.interactionId().equals(interactionId))
                .findFirst()
                .orElseThrow()
                .assignmentId();
    }

    private static Account accountWithCaseOwnedBy(String owner) {
        Account a = Residents.first(r -> r.phone() != null);
        return new Account(
                a.customerRef(),
                a.uprn(),
                a.name(),
                a.address(),
                a.phone(),
                a.email(),
                a.councilTax(),
                a.pcns(),
                List.of(new ServiceRequest(
                        "SR-1",
                        "missed-bin",
                        ServiceRequest.Status.SCHEDULED,
                        LocalDate.of(2026, 11, 28),
                        null,
                        owner)),
                a.online(),
                a.alerts(),
                List.of());
    }

    private static Account accountWithContacts(RecentContact... contacts) {
        return withContacts(Residents.first(r -> r.phone() != null), contacts);
    }

    private static Account withContacts(Account a, RecentContact... contacts) {
        return new Account(
                a.customerRef(),
                a.uprn(),
                a.name(),
                a.address(),
                a.phone(),
                a.email(),
                a.councilTax(),
                a.pcns(),
                a.openServiceRequests(),
                a.online(),
                a.alerts(),
                List.of(contacts));
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
