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
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Attributes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The account context tells routing who a caller turned out to be: the real engine behind the routing port, a real
 * Hazelcast member, and the demo residents as the back office.
 */
class CustomerIdentificationTest {
    private static HazelcastInstance member;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private EngineRoutingPort port;
    private ArrivalWarming warming;
    private CustomerIdentification identification;

    @BeforeAll
    static void startMember() {
        member = Members.alone(CacheOptions.DEFAULT);
    }

    @AfterAll
    static void stopMember() {
        member.shutdown();
    }

    @BeforeEach
    void centre() {
        member.getMap("firstcontact.accounts").clear();
        member.getMap("firstcontact.account-keys").clear();
        port = EngineRoutingPort.smallCentre();
        warming = new ArrivalWarming(
                new AccountCache(member, Residents.directory(), CacheOptions.DEFAULT),
                EmbeddedMember.interactionKeys(member),
                KeyAttributes.DEFAULT,
                true,
                executor,
                Duration.ofMinutes(20));
        identification = new CustomerIdentification(executor);
        identification.attach(port);
        warming.onResolution(identification);
        port.subscribe(warming);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private List<Fact.CustomerIdentified> identified() {
        synchronized (port) {
            return port.driver().facts(Fact.CustomerIdentified.class);
        }
    }

    /** Completes with the next lookup that found someone, after the identification has seen it. */
    private CompletableFuture<Resolution> nextFound() {
        CompletableFuture<Resolution> found = new CompletableFuture<>();
        warming.onResolution(r -> {
            if (r.account().isPresent()) {
                found.complete(r);
            }
        });
        return found;
    }

    @Test
    void aCallerWhoseNumberTheDirectoryKnowsBecomesTheInteractionsCustomer() {
        Account resident = Residents.first(a -> a.phone() != null);

        port.arriveInIvr("call-1", resident.phone());

        Await.until(() -> !identified().isEmpty(), Duration.ofSeconds(20), "the caller was identified to routing");
        assertThat(identified()).containsExactly(new Fact.CustomerIdentified("call-1", resident.customerRef()));
    }

    @Test
    void aReferenceKeyedInTheIvrIdentifiesACallerTheirNumberDidNot() {
        Account resident = Residents.first(a -> !a.pcns().isEmpty());
        port.arriveInIvr("call-1", "anonymous");

        port.keyedInIvr(
                "call-1",
                Attributes.of("pcnReference", resident.pcns().getFirst().reference()));

        Await.until(() -> !identified().isEmpty(), Duration.ofSeconds(20), "the caller was identified to routing");
        assertThat(identified()).containsExactly(new Fact.CustomerIdentified("call-1", resident.customerRef()));
    }

    @Test
    void anInteractionThatArrivedWithItsCustomerRefIsNotIdentifiedAgain() {
        Account resident = Residents.first(a -> a.phone() != null);
        CompletableFuture<Resolution> found = nextFound();

        port.createQueued("call-1", resident.customerRef(), "billing");

        Await.result(found);
        assertThat(identification.submitted()).isZero();
        assertThat(identified()).isEmpty();
    }

    @Test
    void aCallerNobodyKnowsStaysUnidentified() {
        CompletableFuture<Resolution> looked = new CompletableFuture<>();
        warming.onResolution(looked::complete);

        String stranger = "+441134960000";
        assertThat(Residents.FILE.accounts()).noneMatch(a -> stranger.equals(a.phone()));

        port.arriveInIvr("call-1", stranger);

        assertThat(Await.result(looked).account()).isEmpty();
        assertThat(identification.submitted()).isZero();
    }
}
