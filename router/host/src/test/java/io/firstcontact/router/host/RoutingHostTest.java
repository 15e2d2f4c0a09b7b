package io.firstcontact.router.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.OfferStatus;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.engine.Centres;
import io.firstcontact.router.engine.RoutingEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingHostTest {
    static final long T0 = 1_700_000_000_000L;

    Manual.Clock clock;
    Manual.Thread thread;
    Manual.Timers timers;
    Manual.Journal journal;
    List<Decision> released;
    List<Long> lateness;
    List<String> deposed;
    RoutingHost host;

    @BeforeEach
    void setUp() {
        clock = new Manual.Clock(T0);
        thread = new Manual.Thread();
        timers = new Manual.Timers(clock);
        journal = new Manual.Journal();
        released = new ArrayList<>();
        lateness = new ArrayList<>();
        deposed = new ArrayList<>();
        HostObserver observer = new HostObserver() {
            @Override
            public void deadlineLateness(long millis) {
                lateness.add(millis);
            }

            @Override
            public void deposed(String reason) {
                deposed.add(reason);
            }
        };
        host = new RoutingHost(
                RoutingEngine.create(), journal, clock, thread, timers, (in, d) -> released.add(d), observer, 3);
        host.start();
        thread.drain();
    }

    private Decision commitNow(Command c) {
        CompletableFuture<Decision> f = host.submit("test", null, c);
        thread.drain();
        journal.ackAll();
        thread.drain();
        assertThat(f).isCompleted();
        return f.join();
    }

    private void centreWithAnnReady() {
        commitNow(new Command.ConfigureRouting(Centres.small()));
        commitNow(new Command.DefineAgent("ann", List.of(new SkillLevel("billing", 5)), "council", "all"));
        commitNow(new Command.LogIn("ann", true, Actor.agent("ann")));
    }

    private static Command call(String id) {
        return new Command.CreateInteraction(
                id, "voice", Direction.INBOUND, "voice:" + id, null, null, Attributes.NONE, QueueRequest.to("billing"));
    }

    @Test
    void effectsLeaveAndCallersAreAnsweredOnlyAfterTheJournalCommits() {
        centreWithAnnReady();
        int before = released.size();
        CompletableFuture<Decision> reply = host.submit("api", null, call("c1"));
        thread.drain();
        assertThat(journal.appends.getLast())
                .singleElement()
                .satisfies(e -> assertThat(e.input().command()).isInstanceOf(Command.CreateInteraction.class));
        assertThat(reply).isNotDone();
        assertThat(released).hasSize(before);
        journal.ackAll();
        thread.drain();
        assertThat(reply).isCompleted();
        assertThat(released).hasSize(before + 1);
        assertThat(released.getLast().effects()).anyMatch(e -> e instanceof Effect.OfferToAgent);
    }

    @Test
    void anOfferThatRangThroughAnOutageIsCancelledByRecoveryBeforeItsTimeoutFires() {
        centreWithAnnReady();
        Effect.OfferToAgent offer = commitNow(call("c1")).effects().stream()
                .filter(e -> e instanceof Effect.OfferToAgent)
                .map(e -> (Effect.OfferToAgent) e)
                .findFirst()
                .orElseThrow();
        // The router stops, is away past the offer's timeout, then recovers into a host not started yet.
        host.stop();
        thread.drain();
        Recovery recovery = Recovery.from(null);
        journal.appends.forEach(batch -> batch.forEach(recovery::apply));
        clock.millis = offer.expiresAt() + 60_000;
        RoutingHost recovered = new RoutingHost(
                recovery.engine(),
                journal,
                clock,
                thread,
                timers,
                (in, d) -> released.add(d),
                new HostObserver() {},
                4);
        // Recovery's own commands, one after the other as the server sends them: sessions first, then the offers.
        recovered.submit("recovery", null, new Command.SessionLost("ann"));
        thread.drain();
        timers.advanceTo(clock.millis(), thread);
        journal.ackAll();
        thread.drain();
        CompletableFuture<Decision> cancel = recovered.submit(
                "recovery", null, new Command.CancelOffer(offer.offerId(), CancelCause.LEASE_LOST, Actor.SYSTEM));
        thread.drain();
        journal.ackAll();
        thread.drain();
        recovered.start();
        thread.drain();
        timers.advanceTo(clock.millis(), thread);
        journal.ackAll();
        thread.drain();

        assertThat(cancel.join().facts())
                .anySatisfy(f -> assertThat(f)
                        .isEqualTo(new Fact.OfferStatusChanged(
                                offer.offerId(), "c1", "ann", OfferStatus.CANCELLED, "LEASE_LOST")));
    }

    @Test
    void whatPilesUpWhileAWriteIsInFlightGoesInTheNextBatch() {
        centreWithAnnReady();
        int appends = journal.appends.size();
        host.submit("api", null, call("c1"));
        host.submit("api", null, call("c2"));
        host.submit("api", null, call("c3"));
        thread.drain();
        assertThat(journal.appends).hasSize(appends + 1);
        assertThat(journal.appends.getLast()).hasSize(3);
        host.submit("api", null, call("c4"));
        host.submit("api", null, call("c5"));
        thread.drain();
        assertThat(journal.appends)
                .as("nothing written while the first batch is in flight")
                .hasSize(appends + 1);
        journal.lastWrite().complete(null);
        thread.drain();
        assertThat(journal.appends).hasSize(appends + 2);
        assertThat(journal.appends.getLast()).extracting(Journal.Entry::id).containsExactly("3-7", "3-8");
    }

    @Test
    void sequenceIsContiguousAndEngineTimeNeverRunsBackwards() {
        commitNow(new Command.ConfigureRouting(Centres.small()));
        clock.millis = T0 - 5_000; // the wall clock steps back
        commitNow(new Command.OpenQueue("billing"));
        clock.millis = T0 + 1_000;
        commitNow(new Command.OpenQueue("billing"));
        List<EngineInput> inputs = new ArrayList<>();
        journal.appends.forEach(b -> b.forEach(e -> inputs.add(e.input())));
        assertThat(inputs).extracting(EngineInput::seq).containsExactly(1L, 2L, 3L);
        assertThat(inputs).extracting(EngineInput::at).containsExactly(T0, T0, T0 + 1_000);
        assertThat(inputs).extracting(EngineInput::epoch).containsOnly(3L);
    }

    @Test
    void anUnansweredOfferTimesOutAtItsExactInstantAsASequencedInput() {
        centreWithAnnReady();
        commitNow(call("c1"));
        long expiry = T0 + Centres.VOICE.offerTimeoutMillis();
        assertThat(timers.armed()).containsExactly(expiry);
        timers.advanceTo(expiry + 10, thread);
        journal.ackAll();
        thread.drain();
        EngineInput fired = journal.appends.getLast().getFirst().input();
        assertThat(fired.command()).isInstanceOf(Command.DeadlinesDue.class);
        assertThat(fired.at()).isEqualTo(expiry);
        assertThat(lateness).containsExactly(0L);
        assertThat(released.getLast().facts())
                .anyMatch(f -> f instanceof Fact.OfferStatusChanged o && o.status() == OfferStatus.TIMED_OUT);
    }

    @Test
    void aDeadlineThatIsNoLongerNeededMovesTheTimerInsteadOfFiring() {
        centreWithAnnReady();
        Decision offered = commitNow(call("c1"));
        String offer = ((Effect.OfferToAgent) offered.effects().getFirst()).offerId();
        commitNow(new Command.AcceptOffer(offer, Actor.agent("ann")));
        assertThat(timers.armed()).isEmpty();
        int inputs = journal.appends.size();
        timers.advanceTo(T0 + 60_000, thread);
        thread.drain();
        assertThat(journal.appends).as("no input for a cancelled deadline").hasSize(inputs);
    }

    @Test
    void aFencedAppendDeposesTheHostAndReleasesNothing() {
        centreWithAnnReady();
        int before = released.size();
        CompletableFuture<Decision> reply = host.submit("api", null, call("c1"));
        thread.drain();
        journal.lastWrite().completeExceptionally(new Journal.FencedException("epoch 4 started"));
        thread.drain();
        assertThat(reply).isCompletedExceptionally();
        assertThat(released).hasSize(before);
        assertThat(deposed).singleElement().asString().contains("epoch 4");
        CompletableFuture<Decision> later = host.submit("api", null, call("c2"));
        thread.drain();
        assertThat(later).isCompletedExceptionally();
        assertThat(timers.armed()).isEmpty();
    }

    @Test
    void aFailedAppendIsRetriedWithTheSameIdsAndEffectsWaitForIt() {
        centreWithAnnReady();
        int before = released.size();
        CompletableFuture<Decision> reply = host.submit("api", null, call("c1"));
        thread.drain();
        String id = journal.appends.getLast().getFirst().id();
        journal.lastWrite().completeExceptionally(new IOException("connection reset"));
        thread.drain();
        assertThat(reply).isNotDone();
        assertThat(released).hasSize(before);
        timers.advanceTo(clock.millis() + HostOptions.DEFAULT_APPEND_RETRY_DELAY.toMillis(), thread);
        assertThat(journal.appends.getLast()).extracting(Journal.Entry::id).containsExactly(id);
        journal.lastWrite().complete(null);
        thread.drain();
        assertThat(reply).isCompleted();
        assertThat(released).hasSize(before + 1);
    }

    // ------------------------------------------------------------------ batches behind others

    /** Submits and lets the engine thread run: sequenced, decided and sent to the journal. */
    private CompletableFuture<Decision> submitted(Command c) {
        CompletableFuture<Decision> f = host.submit("api", null, c);
        thread.drain();
        return f;
    }

    private List<String> ids(int append) {
        return journal.appends.get(append).stream().map(Journal.Entry::id).toList();
    }

    @Test
    void aBatchDecidedWhileAnotherIsWrittenIsSentBehindItAndReleasedOnlyAfterIt() {
        centreWithAnnReady();
        journal.takesBatchesBehind = true;
        int appends = journal.appends.size();
        int before = released.size();
        CompletableFuture<Decision> first = submitted(call("c1"));
        CompletableFuture<Decision> second = submitted(call("c2"));
        assertThat(journal.appends).as("sent behind the first at once").hasSize(appends + 2);
        assertThat(journal.behind.subList(appends, appends + 2)).containsExactly(false, true);
        assertThat(ids(appends + 1)).containsExactly("3-5");

        journal.writes.get(appends + 1).complete(null); // acknowledged first
        thread.drain();
        assertThat(second).as("not before the batch ahead of it").isNotDone();
        assertThat(released).hasSize(before);

        journal.writes.get(appends).complete(null);
        thread.drain();
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(released.subList(before, released.size())).containsExactly(first.join(), second.join());
    }

    @Test
    void noMoreBatchesAreInFlightThanTheOptionsAllow() {
        centreWithAnnReady();
        journal.takesBatchesBehind = true;
        int appends = journal.appends.size();
        submitted(call("c1"));
        submitted(call("c2"));
        host.submit("api", null, call("c3"));
        host.submit("api", null, call("c4"));
        thread.drain();
        assertThat(journal.appends)
                .as("the default: two in flight")
                .hasSize(appends + HostOptions.DEFAULT_MAX_BATCHES_IN_FLIGHT);
        journal.writes.get(appends).complete(null);
        thread.drain();
        assertThat(journal.appends).hasSize(appends + 3);
        assertThat(ids(appends + 2)).as("what waited goes in one batch").containsExactly("3-6", "3-7");
        assertThat(journal.behind.getLast()).isTrue();
    }

    @Test
    void aFailedBatchHoldsTheOnesBehindItAndAllAreAppendedAgainInOrderWithTheSameIds() {
        centreWithAnnReady();
        journal.takesBatchesBehind = true;
        int appends = journal.appends.size();
        int before = released.size();
        CompletableFuture<Decision> first = submitted(call("c1"));
        CompletableFuture<Decision> second = submitted(call("c2"));
        journal.writes.get(appends).completeExceptionally(new IOException("connection reset"));
        thread.drain();
        CompletableFuture<Decision> third = host.submit("api", null, call("c3"));
        thread.drain();
        assertThat(journal.appends)
                .as("nothing sent while a batch behind is unsettled")
                .hasSize(appends + 2);
        journal.writes.get(appends + 1).completeExceptionally(new IllegalStateException("not behind"));
        thread.drain();
        assertThat(journal.appends).as("the retry waits its delay").hasSize(appends + 2);
        assertThat(released).hasSize(before);

        timers.advanceTo(clock.millis() + HostOptions.DEFAULT_APPEND_RETRY_DELAY.toMillis(), thread);
        assertThat(journal.appends).hasSize(appends + 3);
        assertThat(journal.behind.getLast()).isFalse();
        assertThat(ids(appends + 2)).containsExactly("3-4", "3-5", "3-6");
        journal.lastWrite().complete(null);
        thread.drain();
        assertThat(released.subList(before, released.size()))
                .containsExactly(first.join(), second.join(), third.join());
    }

    @Test
    void aBatchBehindThatWasNotWrittenIsAppendedAgainAtOnceAfterTheOneAheadOfIt() {
        centreWithAnnReady();
        journal.takesBatchesBehind = true;
        int appends = journal.appends.size();
        CompletableFuture<Decision> first = submitted(call("c1"));
        CompletableFuture<Decision> second = submitted(call("c2"));
        journal.writes.get(appends + 1).completeExceptionally(new IllegalStateException("overtook the first"));
        thread.drain();
        journal.writes.get(appends).complete(null);
        thread.drain();
        assertThat(first).isCompleted();
        assertThat(second).isNotDone();
        assertThat(journal.appends)
                .as("again, without waiting for the retry delay")
                .hasSize(appends + 3);
        assertThat(journal.behind.getLast()).isFalse();
        assertThat(ids(appends + 2)).containsExactly("3-5");
        journal.lastWrite().complete(null);
        thread.drain();
        assertThat(second).isCompleted();
    }

    @Test
    void aFencedBatchDeposesTheHostAndFailsTheBatchesBehindIt() {
        centreWithAnnReady();
        journal.takesBatchesBehind = true;
        int appends = journal.appends.size();
        int before = released.size();
        CompletableFuture<Decision> first = submitted(call("c1"));
        CompletableFuture<Decision> second = submitted(call("c2"));
        journal.writes.get(appends).completeExceptionally(new Journal.FencedException("epoch 4 started"));
        journal.writes.get(appends + 1).completeExceptionally(new Journal.FencedException("epoch 4 started"));
        thread.drain();
        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThat(released).hasSize(before);
        assertThat(deposed).singleElement().asString().contains("epoch 4");
    }

    @Test
    void flushedWaitsForEveryBatchInFlight() {
        centreWithAnnReady();
        journal.takesBatchesBehind = true;
        int appends = journal.appends.size();
        submitted(call("c1"));
        submitted(call("c2"));
        CompletableFuture<Void> flushed = host.flushed();
        thread.drain();
        journal.writes.get(appends).complete(null);
        thread.drain();
        assertThat(flushed).isNotDone();
        journal.writes.get(appends + 1).complete(null);
        thread.drain();
        assertThat(flushed).isCompleted();
    }
}
