package io.firstcontact.router.account.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.router.account.Await;
import io.firstcontact.router.account.CountingDirectory;
import io.firstcontact.router.account.Members;
import io.firstcontact.router.account.Residents;
import io.firstcontact.router.account.demo.DemoBackOfficeServer;
import io.firstcontact.router.account.http.HttpBackOffice;
import io.firstcontact.router.account.http.HttpBackOfficeOptions;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountKey;
import io.firstcontact.router.api.account.BackOfficeUnavailableException;
import io.firstcontact.router.api.account.ContactSummary;
import io.firstcontact.router.api.account.Payment;
import io.firstcontact.router.api.account.Pcn;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account cache on two real Hazelcast members of one cluster, in front of real back offices. */
class AccountCacheTest {
    private static List<HazelcastInstance> members;
    private static Vertx vertx;

    private CountingDirectory backOffice;

    @BeforeAll
    static void startCluster() {
        members = Members.pair(CacheOptions.DEFAULT);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopCluster() {
        members.forEach(HazelcastInstance::shutdown);
        Await.result(vertx.close().toCompletionStage());
    }

    @BeforeEach
    void freshMapsAndBackOffice() {
        for (String map : List.of(EmbeddedMember.ACCOUNTS, EmbeddedMember.KEYS, EmbeddedMember.INTERACTIONS)) {
            members.getFirst().getMap(map).clear();
        }
        backOffice = new CountingDirectory(Residents.directory());
    }

    @Test
    void theTwoMembersFormOneCluster() {
        assertThat(members.getFirst().getCluster().getMembers()).hasSize(2);
    }

    @Test
    void aSecondLookupOfTheSameCallerIsACacheHit() {
        Account resident =
                Residents.first(a -> a.phone() != null && a.homeCouncilTax().isPresent());
        AccountCache cache = new AccountCache(members.getFirst(), backOffice, CacheOptions.DEFAULT);

        Optional<Account> first = Await.result(cache.find(AccountKey.callerNumber(resident.phone())));
        Optional<Account> second = Await.result(cache.find(AccountKey.callerNumber(resident.phone())));

        assertThat(first).contains(resident);
        assertThat(second).contains(resident);
        assertThat(backOffice.lookups()).isEqualTo(1);
        assertThat(cache.statistics().hits()).isEqualTo(1);
    }

    @Test
    void anAccountCachedThroughOneMemberIsAHitOnTheOther() {
        Account resident = Residents.first(a -> a.email() != null);
        AccountCache onFirst = new AccountCache(members.get(0), backOffice, CacheOptions.DEFAULT);
        AccountCache onSecond = new AccountCache(members.get(1), backOffice, CacheOptions.DEFAULT);

        Await.result(onFirst.find(AccountKey.email(resident.email())));
        Optional<Account> there = Await.result(onSecond.find(AccountKey.email(resident.email())));

        assertThat(there).contains(resident);
        assertThat(backOffice.lookups()).isEqualTo(1);
    }

    @Test
    void aCallerNobodyKnowsIsRememberedSoTheBackOfficeIsAskedOnce() {
        AccountCache cache = new AccountCache(members.getFirst(), backOffice, CacheOptions.DEFAULT);

        assertThat(Await.result(cache.find(AccountKey.callerNumber("+441134960000"))))
                .isEmpty();
        assertThat(Await.result(cache.find(AccountKey.callerNumber("+441134960000"))))
                .isEmpty();
        assertThat(Await.result(cache.find(AccountKey.customerRef("C-999999")))).isEmpty();
        assertThat(Await.result(cache.find(AccountKey.customerRef("C-999999")))).isEmpty();

        assertThat(backOffice.lookups()).isEqualTo(2);
    }

    @Test
    void lookupsMadeWhileTheBackOfficeIsStillAnsweringJoinThatOneCall() {
        Account resident = Residents.first(a -> a.phone() != null);
        DemoBackOfficeServer server = new DemoBackOfficeServer(vertx, Residents.directory(), null);
        try (server) {
            int port = Await.result(server.start(0).toCompletionStage());
            server.answerDelay(Duration.ofMillis(400));
            HttpBackOffice http = new HttpBackOffice(
                    vertx, HttpBackOfficeOptions.at(URI.create("http://127.0.0.1:" + port)), Clock.systemUTC());
            AccountCache cache = new AccountCache(members.getFirst(), http, CacheOptions.DEFAULT);

            CompletionStage<Optional<Account>> warming = cache.find(AccountKey.callerNumber(resident.phone()));
            CompletionStage<Optional<Account>> screenPop = cache.find(AccountKey.callerNumber(resident.phone()));

            assertThat(Await.result(screenPop)).contains(resident);
            assertThat(Await.result(warming)).contains(resident);
            assertThat(server.lookups()).isEqualTo(1);
            http.close();
        }
    }

    @Test
    void aFailedLookupIsNotCachedSoTheNextOneTriesAgain() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        HttpBackOffice down = new HttpBackOffice(
                vertx, HttpBackOfficeOptions.at(URI.create("http://127.0.0.1:" + closed)), Clock.systemUTC());
        CountingDirectory counting = new CountingDirectory(down);
        AccountCache cache = new AccountCache(members.getFirst(), counting, CacheOptions.DEFAULT);

        assertThat(Await.failure(cache.find(AccountKey.customerRef("C-100001"))))
                .isInstanceOf(BackOfficeUnavailableException.class);
        assertThat(Await.failure(cache.find(AccountKey.customerRef("C-100001"))))
                .isInstanceOf(BackOfficeUnavailableException.class);

        assertThat(counting.lookups()).isEqualTo(2);
        assertThat(cache.statistics().backOfficeFailures()).isEqualTo(2);
        down.close();
    }

    @Test
    void aPaymentDropsTheCachedAccountSoTheNextScreenPopShowsThePcnPaid() {
        Account resident = Residents.first(a -> a.pcns().stream().anyMatch(p -> p.status() == Pcn.Status.OPEN));
        Pcn pcn = resident.pcns().stream()
                .filter(p -> p.status() == Pcn.Status.OPEN)
                .findFirst()
                .orElseThrow();
        AccountCache cache = new AccountCache(members.getFirst(), backOffice, CacheOptions.DEFAULT);
        Await.result(cache.find(AccountKey.pcn(pcn.reference())));

        Await.result(cache.recordPayment(new Payment(
                Payment.Kind.PCN,
                pcn.reference(),
                pcn.amountDuePence(),
                "AUTH-1",
                "VISA",
                "4242",
                Instant.parse("2026-12-07T10:00:00Z"),
                null,
                null)));
        Account after =
                Await.result(cache.find(AccountKey.pcn(pcn.reference()))).orElseThrow();

        assertThat(after.pcn(pcn.reference()).orElseThrow().status()).isEqualTo(Pcn.Status.PAID);
        assertThat(backOffice.lookups()).isEqualTo(2);
    }

    @Test
    void aContactSummaryJoinsTheCustomersHistoryOnTheNextLookup() {
        Account resident = Residents.first(a -> a.email() != null);
        AccountCache cache = new AccountCache(members.getFirst(), backOffice, CacheOptions.DEFAULT);
        Await.result(cache.find(AccountKey.customerRef(resident.customerRef())));

        Await.result(cache.recordContact(new ContactSummary(
                "int-1",
                resident.customerRef(),
                Instant.parse("2026-12-07T10:05:00Z"),
                "voice",
                "Missed bin collection",
                "service request raised",
                "adv-09",
                null)));

        Account after = Await.result(cache.find(AccountKey.customerRef(resident.customerRef())))
                .orElseThrow();
        assertThat(after.recentContacts().getFirst().advisorId()).isEqualTo("adv-09");
    }
}
