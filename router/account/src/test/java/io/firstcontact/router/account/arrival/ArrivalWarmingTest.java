package io.firstcontact.router.account.arrival;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.router.account.Await;
import io.firstcontact.router.account.EngineRoutingPort;
import io.firstcontact.router.account.Members;
import io.firstcontact.router.account.Residents;
import io.firstcontact.router.account.cache.AccountCache;
import io.firstcontact.router.account.cache.CacheOptions;
import io.firstcontact.router.account.cache.EmbeddedMember;
import io.firstcontact.router.account.demo.DemoBackOfficeServer;
import io.firstcontact.router.account.http.HttpBackOffice;
import io.firstcontact.router.account.http.HttpBackOfficeOptions;
import io.firstcontact.router.account.routing.AccountRouting;
import io.firstcontact.router.account.routing.AccountRoutingOptions;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.ServiceRequest;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.SkillLevel;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Warming on arrival, end to end: the real engine behind the routing port, a real Hazelcast member, and a back office
 * over HTTP that takes two seconds to answer (or is down).
 */
class ArrivalWarmingTest {
    private static final Duration SLOW = Duration.ofSeconds(2);

    private static HazelcastInstance member;
    private static Vertx vertx;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private DemoBackOfficeServer backOfficeServer;
    private HttpBackOffice http;
    private AccountCache cache;
    private ArrivalWarming warming;
    private EngineRoutingPort port;

    @BeforeAll
    static void startMember() {
        member = Members.alone(CacheOptions.DEFAULT);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
        Await.result(vertx.close().toCompletionStage());
    }

    @BeforeEach
    void centre() {
        member.getMap("firstcontact.accounts").clear();
        member.getMap("firstcontact.account-keys").clear();
        port = EngineRoutingPort.smallCentre();
        for (String a : List.of("a0", "a1", "a2")) {
            port.driver().agent(a, "council", "all", new SkillLevel("billing", 5));
        }
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
        if (http != null) {
            http.close();
        }
        if (backOfficeServer != null) {
            backOfficeServer.close();
        }
    }

    private void backOffice(URI url) {
        // A generous timeout: these tests are about warming, and a busy machine stretches the back office's 2 s.
        http = new HttpBackOffice(
                vertx,
                HttpBackOfficeOptions.at(url)
                        .withBreaker(3, 3, Duration.ofSeconds(30))
                        .withRequestTimeout(Duration.ofSeconds(15)),
                Clock.systemUTC());
        cache = new AccountCache(member, http, CacheOptions.DEFAULT);
        warming = new ArrivalWarming(
                cache,
                EmbeddedMember.interactionKeys(member),
                KeyAttributes.DEFAULT,
                true,
                executor,
                Duration.ofMinutes(20));
        port.subscribe(warming);
    }

    private void slowBackOffice() {
        backOfficeServer = new DemoBackOfficeServer(vertx, Residents.directory(), null);
        int p = Await.result(backOfficeServer.start(0).toCompletionStage());
        backOfficeServer.answerDelay(SLOW);
        backOffice(URI.create("http://127.0.0.1:" + p));
    }

    @Test
    void aCallersAccountIsInTheCacheBeforeTheirOfferSoTheScreenPopIsAHit() {
        slowBackOffice();
        Account resident = Residents.first(a -> a.phone() != null);
        CompletableFuture<Resolution> warmed = new CompletableFuture<>();
        warming.onResolution(warmed::complete);

        port.arriveInIvr("call-1", resident.phone());
        Resolution r = Await.result(warmed);
        port.readyInOrder("a0");
        port.queue("call-1", "billing");

        assertThat(r.account()).contains(resident);
        assertThat(offerFor("call-1")).isNotNull();
        assertThat(warming.statistics().offers(Readiness.READY)).isEqualTo(1);
        Optional<Account> screenPop = Await.result(warming.forInteraction("call-1"));
        Optional<Account> byKey = Await.result(cache.find(AccountKey.callerNumber(resident.phone())));
        assertThat(screenPop).contains(resident);
        assertThat(byKey).contains(resident);
        assertThat(backOfficeServer.lookups()).isEqualTo(1);
        assertThat(cache.statistics().hits()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anOfferMadeBeforeTheBackOfficeAnswersJoinsTheArrivalsLookupInsteadOfAskingAgain() {
        slowBackOffice();
        Account resident = Residents.first(a -> a.email() != null);
        port.readyInOrder("a0");

        port.submit(
                "test",
                null,
                new Command.CreateInteraction(
                        "email-1",
                        "email",
                        Direction.INBOUND,
                        "email:1",
                        null,
                        null,
                        Attributes.of("email", resident.email()),
                        QueueRequest.to("email")));

        assertThat(offerFor("email-1")).isNotNull();
        assertThat(warming.statistics().offers(Readiness.PENDING)).isEqualTo(1);
        Optional<Account> screenPop = Await.result(cache.find(AccountKey.email(resident.email())));
        assertThat(screenPop).contains(resident);
        assertThat(backOfficeServer.lookups()).isEqualTo(1);
        assertThat(cache.statistics().joined() + cache.statistics().hits()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void withTheBackOfficeDownRoutingGoesOnAndTheScreenPopSaysTheContextIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        backOffice(URI.create("http://127.0.0.1:" + closed));
        List<Account> callers = Residents.FILE.accounts().stream()
                .filter(a -> a.phone() != null)
                .limit(5)
                .toList();
        port.readyInOrder("a0");
        port.readyInOrder("a1");
        port.readyInOrder("a2");

        for (int i = 0; i < callers.size(); i++) {
            port.submit(
                    "test",
                    null,
                    new Command.CreateInteraction(
                            "call-" + i,
                            "voice",
                            Direction.INBOUND,
                            "voice:" + i,
                            null,
                            null,
                            Attributes.of("callerNumber", callers.get(i).phone()),
                            QueueRequest.to("billing")));
        }

        for (int i = 0; i < 3; i++) {
            assertThat(offerFor("call-" + i))
                    .as("offered at once, in the same decision")
                    .isNotNull();
        }
        Await.until(
                () -> cache.statistics().backOfficeFailures() == callers.size(),
                Duration.ofSeconds(20),
                "every arrival's lookup failed");
        Throwable screenPop = Await.failure(warming.forInteraction("call-4"));
        assertThat(screenPop)
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason())
                                .isIn(
                                        BackOfficeUnavailableException.Reason.UNREACHABLE,
                                        BackOfficeUnavailableException.Reason.CIRCUIT_OPEN));
        Throwable later = Await.failure(
                cache.find(AccountKey.callerNumber(callers.getFirst().phone())));
        assertThat(later)
                .isInstanceOfSatisfying(
                        BackOfficeUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo(BackOfficeUnavailableException.Reason.CIRCUIT_OPEN));
        assertThat(http.breakerState()).isEqualTo("OPEN");
    }

    @Test
    void aCallerWhoseNumberIsWithheldIsNotLookedUp() {
        slowBackOffice();
        port.arriveInIvr("call-1", "anonymous");
        port.readyInOrder("a0");
        port.queue("call-1", "billing");

        assertThat(warming.statistics().arrivals()).isZero();
        assertThat(warming.statistics().offers(Readiness.UNIDENTIFIED)).isEqualTo(1);
        assertThat(Await.result(warming.forInteraction("call-1"))).isEmpty();
        assertThat(backOfficeServer.lookups()).isZero();
    }

    @Test
    void aPcnKeyedInTheIvrIdentifiesACallerTheirNumberDidNot() {
        slowBackOffice();
        backOfficeServer.answerDelay(Duration.ZERO);
        Account resident = Residents.first(a -> !a.pcns().isEmpty());
        CompletableFuture<Resolution> warmed = new CompletableFuture<>();
        warming.onResolution(r -> {
            if (r.account().isPresent()) {
                warmed.complete(r);
            }
        });
        port.arriveInIvr("call-1", "anonymous");

        port.keyedInIvr(
                "call-1",
                Attributes.of("pcnReference", resident.pcns().getFirst().reference()));

        assertThat(Await.result(warmed).account()).contains(resident);
    }

    @Test
    void theCaseOwnerIsOfferedTheCallWhenTheSlowBackOfficeAnsweredWhileTheCallerWasInTheIvr() {
        slowBackOffice();
        Account resident = Residents.first(a -> a.phone() != null);
        Account owned = resident.withRecentContacts(List.of())
                .withOpenServiceRequests(List.of(new ServiceRequest(
                        "SR-42", "missed-bin", ServiceRequest.Status.SCHEDULED, Residents.asOf(), null, "a2")));
        AccountRouting routing =
                new AccountRouting(AccountRoutingOptions.DEFAULT, KeyAttributes.DEFAULT, port.clock(), Runnable::run);
        routing.attach(port, List.of("a0", "a1", "a2"));
        port.intake(routing::withPreference);
        port.subscribe(routing);
        CompletableFuture<Resolution> warmed = new CompletableFuture<>();
        warming.onResolution(r -> {
            Resolution withCase = new Resolution(r.interactionId(), r.key(), Optional.of(owned), null);
            routing.resolved(withCase);
            warmed.complete(withCase);
        });
        port.readyInOrder("a0");
        port.readyInOrder("a1");
        port.readyInOrder("a2");

        port.arriveInIvr("call-1", resident.phone());
        Await.result(warmed);
        port.queue("call-1", "billing");

        assertThat(offerFor("call-1").agentId()).isEqualTo("a2");
    }

    // ------------------------------------------------------------------ pieces

    private Effect.OfferToAgent offerFor(String id) {
        synchronized (port) {
            return port.driver().lastOfferFor(id);
        }
    }
}
