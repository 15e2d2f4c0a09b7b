package io.firstcontact.router.account;

import com.hazelcast.core.HazelcastInstance;
import io.firstcontact.router.account.arrival.ArrivalWarming;
import io.firstcontact.router.account.arrival.CustomerIdentification;
import io.firstcontact.router.account.cache.AccountCache;
import io.firstcontact.router.account.cache.EmbeddedMember;
import io.firstcontact.router.account.demo.DemoResidents;
import io.firstcontact.router.account.http.HttpBackOffice;
import io.firstcontact.router.account.routing.AccountRouting;
import io.firstcontact.router.account.routing.QueueSwitches;
import io.firstcontact.router.api.account.Account;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.account.InteractionAccounts;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.port.RoutingPort;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account context of DESIGN.md's "Identify" step, as the server runs it: the back office (the demo residents or
 * the HTTP connector), the cache in an embedded Hazelcast member in front of it, warming when interactions arrive, and
 * routing on the citizen's account. Other modules reach accounts only through {@link #directory()}, the cached
 * {@link AccountDirectory}.
 *
 * <p>{@link #start} brings the member up; {@link #attach} starts following routing; {@link #close} undoes both.
 */
public final class AccountContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccountContext.class);

    private final HazelcastInstance member;
    private final AccountDirectory backOffice;
    private final AccountCache cache;
    private final ArrivalWarming warming;
    private final AccountRouting routing;
    private final CustomerIdentification identification;
    private final ExecutorService executor;
    private final List<RoutingPort.Subscription> subscriptions = new ArrayList<>();

    private AccountContext(
            HazelcastInstance member,
            AccountDirectory backOffice,
            AccountCache cache,
            ArrivalWarming warming,
            AccountRouting routing,
            CustomerIdentification identification,
            ExecutorService executor) {
        this.member = member;
        this.backOffice = backOffice;
        this.cache = cache;
        this.warming = warming;
        this.routing = routing;
        this.identification = identification;
        this.executor = executor;
    }

    /**
     * Starts the embedded member (it joins its cluster, or forms one) and builds the rest.
     *
     * @param vertx for the HTTP back office's client
     * @param clock the server's clock (routing's preference window is measured on it)
     */
    public static AccountContext start(AccountOptions options, Vertx vertx, InstantSource clock) {
        return start(options, vertx, clock, null);
    }

    /**
     * Like {@link #start(AccountOptions, Vertx, InstantSource)}, with {@code given} as the back office in place of the
     * one the options name (a test's, or an embedding application's); null for the options'.
     */
    public static AccountContext start(
            AccountOptions options, Vertx vertx, InstantSource clock, AccountDirectory given) {
        AccountDirectory backOffice = given != null
                ? given
                : switch (options.backOffice().kind()) {
                    case DEMO -> DemoResidents.shipped();
                    case HTTP -> new HttpBackOffice(vertx, options.backOffice().http(), Clock.systemUTC());
                };
        HazelcastInstance member = EmbeddedMember.start(options.cluster(), options.cache());
        ExecutorService executor = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("account-context").daemon().factory());
        AccountCache cache = new AccountCache(member, backOffice, options.cache());
        ArrivalWarming warming = new ArrivalWarming(
                cache,
                EmbeddedMember.interactionKeys(member),
                options.warming().attributes(),
                options.warming().enabled(),
                executor,
                options.cache().ttl());
        AccountRouting routing =
                new AccountRouting(options.routing(), options.warming().attributes(), clock, executor);
        warming.onResolution(routing::resolved);
        CustomerIdentification identification = new CustomerIdentification(executor);
        warming.onResolution(identification);
        LOG.info(
                "account context: {} back office, cache member {} in cluster '{}' ({} members), time to live {},"
                        + " warming {}, routing on the citizen's account {}",
                given != null ? "a given" : options.backOffice().kind().name().toLowerCase(java.util.Locale.ROOT),
                member.getCluster().getLocalMember().getAddress(),
                options.cluster().name(),
                member.getCluster().getMembers().size(),
                options.cache().ttl(),
                options.warming().enabled() ? "on" : "off",
                options.routing().enabled() ? "on (window " + options.routing().window() + ")" : "off");
        return new AccountContext(member, backOffice, cache, warming, routing, identification, executor);
    }

    /**
     * Starts the context on a thread of its own, so that the member's start (seconds) overlaps whatever the caller does
     * meanwhile (routing's recovery); the future completes with the started context, or fails with why it could not.
     * {@code given}, if not null, is the back office in place of the options'.
     */
    public static CompletableFuture<AccountContext> startInBackground(
            AccountOptions options, Vertx vertx, InstantSource clock, AccountDirectory given) {
        return CompletableFuture.supplyAsync(
                () -> start(options, vertx, clock, given),
                task -> Thread.ofPlatform()
                        .name("account-context-start")
                        .daemon()
                        .start(task));
    }

    /**
     * The cached directory of a context still starting: calls wait for the start, then go to {@link #directory()}.
     * Modules wired before the start use it.
     */
    public static AccountDirectory directoryOf(CompletableFuture<AccountContext> starting) {
        return new StartingDirectory(starting);
    }

    /** The interactions' accounts of a context still starting: calls wait for the start (see {@link #directoryOf}). */
    public static InteractionAccounts interactionsOf(CompletableFuture<AccountContext> starting) {
        return new StartingDirectory(starting);
    }

    /** The cached account directory: what the desktop, the IVR and chat use. */
    public AccountDirectory directory() {
        return cache;
    }

    /** The account context of an interaction (its screen pop): empty when nothing identifies its customer. */
    public CompletionStage<Optional<Account>> forInteraction(String interactionId) {
        return warming.forInteraction(interactionId);
    }

    /** The command as it should be sequenced (a queueing may gain its preferred advisor); see {@link AccountRouting}. */
    public Command withPreference(Command command) {
        try {
            return routing.withPreference(command);
        } catch (RuntimeException e) {
            // A preference is a nicety: a fault here must never stop a caller being queued.
            LOG.error("routing on the citizen's account failed on a {}; the command goes as it was", command.type(), e);
            return command;
        }
    }

    /** Starts following routing's committed decisions; {@code advisors} are those defined already. */
    public void attach(RoutingPort port, Collection<String> advisors) {
        routing.attach(port, advisors);
        identification.attach(port);
        // Routing first: an arrival's own decision must be seen before its lookup (which may hit the cache at once).
        subscriptions.add(port.subscribe(routing));
        subscriptions.add(port.subscribe(warming));
    }

    /** Where routing on the citizen's account applies, changeable per queue. */
    public QueueSwitches routingSwitches() {
        return routing.switches();
    }

    public io.firstcontact.router.account.routing.AccountRoutingOptions routingOptions() {
        return routing.options();
    }

    public AccountStatistics statistics() {
        return new AccountStatistics(
                cache.statistics(),
                warming.statistics(),
                routing.statistics(),
                backOffice instanceof HttpBackOffice h ? h.breakerState() : "NONE");
    }

    /** The embedded member (tests and the cluster's later users). */
    public HazelcastInstance member() {
        return member;
    }

    @Override
    public void close() {
        subscriptions.forEach(RoutingPort.Subscription::close);
        subscriptions.clear();
        executor.shutdownNow();
        if (backOffice instanceof HttpBackOffice h) {
            h.close();
        }
        member.shutdown();
    }
}
