package io.firstcontact.server;

import io.firstcontact.channels.chat.ChatOptions;
import io.firstcontact.channels.voice.VoiceObserver;
import io.firstcontact.channels.voice.ami.StuckLink;
import io.firstcontact.desktop.AgentDesktop;
import io.firstcontact.desktop.DeskObserver;
import io.firstcontact.desktop.DesktopOptions;
import io.firstcontact.desktop.supervisor.CallSupervision;
import io.firstcontact.desktop.supervisor.SupervisorPorts;
import io.firstcontact.metrics.AccountBinder;
import io.firstcontact.metrics.ApiBinder;
import io.firstcontact.metrics.DeskBinder;
import io.firstcontact.metrics.EventStreamBinder;
import io.firstcontact.metrics.HostObservers;
import io.firstcontact.metrics.JournalBinder;
import io.firstcontact.metrics.ProcessBinder;
import io.firstcontact.metrics.RoutingBinder;
import io.firstcontact.metrics.StatisticsBinder;
import io.firstcontact.metrics.VoiceBinder;
import io.firstcontact.metrics.WallboardBinder;
import io.firstcontact.router.account.AccountContext;
import io.firstcontact.router.account.AccountStatistics;
import io.firstcontact.router.account.BackOfficeOptions;
import io.firstcontact.router.account.demo.DemoResidents;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.account.AccountDirectory;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.CancelCause;
import io.firstcontact.router.api.model.EndReason;
import io.firstcontact.router.api.model.PresenceState;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.view.AgentView;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import io.firstcontact.router.view.ViewOptions;
import io.firstcontact.server.api.ApiServer;
import io.firstcontact.server.api.Sessions;
import io.firstcontact.server.api.StatisticsExport;
import io.firstcontact.server.api.Tokens;
import io.firstcontact.server.api.ViewRoutes;
import io.firstcontact.server.chat.WebChat;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.demo.DemoCentre;
import io.firstcontact.server.demo.DemoResident;
import io.firstcontact.server.demo.DemoStaff;
import io.firstcontact.server.demo.DemoTraffic;
import io.firstcontact.server.demo.VertxDemoTimers;
import io.firstcontact.server.events.EventLog;
import io.firstcontact.server.events.EventStream;
import io.firstcontact.server.ivr.IvrService;
import io.firstcontact.server.ivr.SupervisorCalendars;
import io.firstcontact.server.mail.MailChannels;
import io.firstcontact.server.ops.ListenerPorts;
import io.firstcontact.server.ops.Management;
import io.firstcontact.server.runtime.RedisAuditTrail;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.firstcontact.server.runtime.StatisticsBoard;
import io.firstcontact.server.runtime.StatisticsRuntime;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server: management listener, routing runtime (Redis, lease, recovery), read model, event stream, API with
 * the advisor desktop beside it, and in demo mode the demo centre's simulated traffic. {@link #start()} brings it up in that order; {@link #close()}
 * stops it in reverse (intake closed first, the journal flushed, the lease released).
 */
public final class FirstContactServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirstContactServer.class);
    private static final String DEMO_SOURCE_PREFIX = "demo:";

    private final ServerConfig config;
    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final ProcessBinder process = new ProcessBinder();
    private final EventStreamBinder streamMeters = new EventStreamBinder();
    private final ApiBinder apiMeters = new ApiBinder();
    /** Held for the server's life: Micrometer keeps its function counters' state only weakly. */
    private final AccountBinder accountMeters = new AccountBinder(() -> {
        AccountContext a = this.account;
        return a == null ? AccountStatistics.NONE : a.statistics();
    });

    private final Management management;
    private final RoutingRuntime runtime;
    private final LiveView view;
    /** The numbers the voice adapter dials for callbacks and outbound calls, followed beside the read model. */
    private final io.firstcontact.server.channels.DialNumbers dialNumbers =
            new io.firstcontact.server.channels.DialNumbers();

    private final EventLog events;
    private final StatisticsRuntime statistics;
    /** The demo centre in demo mode, else null. */
    private final DemoCentre centre;
    /**
     * The account context (back office, cache member, warming, routing on the citizen's account), started in the
     * background once routing has recovered and its offers in flight are resolved: nothing on routing's way back waits
     * for the member's start or shares the processor with it. Until it has started, interactions are not warmed, no
     * preference is applied, and the account routes answer 503.
     */
    private final CompletableFuture<AccountContext> accountStarting = new CompletableFuture<>();
    /** The account context once started and following routing, else null. */
    private volatile AccountContext account;
    /** Set when {@link #close()} begins: a context still starting then fails because routing stopped, not a fault. */
    private volatile boolean closing;
    /** The demo's staff sign-ins, in demo mode; else empty. */
    private List<DemoStaff.Login> demoLogins = List.of();

    /**
     * The back office behind the account context in place of the configured one (a test's), or null for the
     * configuration's.
     */
    private final AccountDirectory backOffice;
    /** The account context's cached directory, which the IVR and the desk use (calls wait for its start). */
    private final AccountDirectory accounts = AccountContext.directoryOf(accountStarting);

    private ApiServer api;
    private DemoTraffic demo;
    private volatile io.firstcontact.server.channels.Channels channels;
    private Sessions sessions;
    private volatile IvrService ivr;
    private final AgentDesktop desktop;
    private DeskBinder deskMeters;
    private WallboardBinder wallboardMeters;
    /** The web chat: its conversations are built with the server (the desk reads them), its doors open in start. */
    private final WebChat chat;
    /** Email and SMS: built with the server (the notifier serves the IVR), started once routing is open. */
    private final MailChannels mail;
    /** Where supervisor actions are audited: Redis, beside the journal. */
    private final RedisAuditTrail audit;

    /**
     * Builds the server; nothing listens or routes until {@link #start()}.
     *
     * @throws ListenerPorts.UnavailableException if the API's or the management listener's port is taken, before
     *     anything is written (the routing runtime writes the node id and the journal key when it is built)
     */
    public FirstContactServer(ServerConfig config) {
        this(config, null);
    }

    /**
     * Builds the server; nothing listens or routes until {@link #start()}.
     *
     * @param backOffice the back office behind the account context (cached, warmed, and used by the IVR and the desk)
     *     in place of the one the configuration names; null for the configuration's
     * @throws ListenerPorts.UnavailableException if the API's or the management listener's port is taken, before
     *     anything is written
     */
    public FirstContactServer(ServerConfig config, AccountDirectory backOffice) {
        this(config, backOffice, InstantSource.system());
    }

    /**
     * Builds the server with routing on {@code routingClock}, the time it stamps its inputs with and sets its
     * deadlines by (a test moves it ahead to stand for a long outage).
     */
    FirstContactServer(ServerConfig config, AccountDirectory backOffice, InstantSource routingClock) {
        ListenerPorts.requireAvailable(config);
        this.config = config;
        this.backOffice = backOffice;
        this.vertx = Vertx.vertx();
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("mode", config.demoMode() ? "demo" : "production");
        this.management = new Management(vertx, config, registry);
        this.centre = config.demoMode() ? new DemoCentre(config.demo().speed()) : null;
        RoutingBinder routing = new RoutingBinder();
        JournalBinder journal = new JournalBinder(new JournalBinder.Health() {
            @Override
            public boolean redisReachable() {
                return runtime.redisReachable();
            }

            @Override
            public boolean spilling() {
                return runtime.degraded();
            }

            @Override
            public long lostEntries() {
                return runtime.lostEntries();
            }
        });
        this.runtime = new RoutingRuntime(config, vertx, routingClock, HostObservers.of(routing, journal));
        if (backOffice == null
                && !config.demoMode()
                && config.account().backOffice().kind() == BackOfficeOptions.Kind.DEMO) {
            LOG.warn("account context comes from the demo residents file (fictional people): set account.backOffice"
                    + " to your back office for real accounts");
        }
        this.view =
                new LiveView(ViewOptions.DEFAULT, id -> runtime.engineOnThread().position(id));
        this.statistics = new StatisticsRuntime(config, vertx, runtime, InstantSource.system());
        // The process binder first: its meter filters apply only to meters registered after them.
        for (var binder : List.of(process, routing, journal, streamMeters, apiMeters, accountMeters)) {
            binder.bindTo(registry);
        }
        this.events = new EventLog(config.api().eventBuffer());
        DesktopOptions desktopOptions = config.desktop();
        if (config.demoMode()) {
            demoLogins = DemoStaff.loadOrCreate(config.dataDir());
            desktopOptions = desktopOptions.withStaff(desktopOptions.staff().withUsers(DemoStaff.users(demoLogins)));
        }
        ChatOptions chatOptions = config.chat();
        if (config.demoMode() && chatOptions.advisors().isEmpty()) {
            // A resident's chat waits for the people at the desk, not the simulated advisors who never write.
            chatOptions = chatOptions.withAdvisors(DemoCentre.deskAdvisors().stream()
                    .map(Command.DefineAgent::agentId)
                    .toList());
        }
        this.chat = new WebChat(
                chatOptions, config.dataDir(), vertx, view, runtime::onEngineThread, InstantSource.system());
        runtime.intake(command -> {
            AccountContext a = account;
            Command shaped = chat.shape(command); // a chat's queueing kept for its advisors
            return a == null ? shaped : a.withPreference(shaped);
        });
        // Email and SMS keep their threads in the chat's book: the desk reads every written conversation from one.
        this.mail = new MailChannels(config, chat.book(), view, runtime::onEngineThread, InstantSource.system());
        this.audit = new RedisAuditTrail(
                config.redis().keyPrefix(), config.desktop().auditRetention(), InstantSource.system());
        this.desktop = new AgentDesktop(
                vertx,
                desktopOptions,
                runtime,
                view,
                runtime::onEngineThread,
                accounts,
                AccountContext.interactionsOf(accountStarting),
                InstantSource.system(),
                new DeskObserver() {
                    @Override
                    public void pushed(long nanos) {
                        deskMeters.pushed(nanos);
                    }

                    @Override
                    public void screenPopped(long nanos) {
                        deskMeters.screenPopped(nanos);
                    }

                    @Override
                    public void boardPushed(long nanos) {
                        wallboardMeters.pushed(nanos);
                    }
                },
                agent -> {
                    if (sessions != null) {
                        sessions.restoredElsewhere(agent);
                    }
                },
                new SupervisorPorts(
                        audit,
                        config.voice() == null
                                ? CallSupervision.NONE
                                : new io.firstcontact.server.channels.VoiceCallSupervision(
                                        () -> channels == null ? java.util.Optional.empty() : channels.voice()),
                        chat.supervision(runtime),
                        new SupervisorCalendars(() -> ivr),
                        new StatisticsBoard(statistics.statistics()),
                        new StatisticsExport(
                                runtime,
                                statistics.statistics(),
                                InstantSource.system(),
                                config.statistics().historyDays())),
                chat.conversations());
        deskMeters = new DeskBinder(desktop::connections);
        deskMeters.bindTo(registry);
        wallboardMeters = new WallboardBinder(desktop::wallboards);
        wallboardMeters.bindTo(registry);
        runtime.subscribe(events); // an edge: pushed before the views take the entry in
        runtime.fold(view);
        runtime.fold(dialNumbers);
        runtime.fold(desktop.sink()); // after the read model: the desks read it
        runtime.fold(routing);
        runtime.fold(mail.callbackConfirmations());
        runtime.onRecovery(new RoutingRuntime.RecoveryListener() {
            @Override
            public void restored(EngineSnapshot snapshot, RoutingEngine engine) {
                view.restore(snapshot); // the journal before it may be trimmed
                dialNumbers.restore(snapshot);
                desktop.restore(snapshot);
            }

            @Override
            public void replayed(
                    io.firstcontact.router.api.EngineInput input, io.firstcontact.router.api.Decision decision) {
                view.committed(input, decision);
                dialNumbers.committed(input, decision);
                desktop.replayed(input, decision);
                events.replayed(input, decision);
            }

            @Override
            public void recovered(RoutingEngine engine) {
                events.recovered();
            }
        });
    }

    public ServerConfig config() {
        return config;
    }

    public RoutingRuntime runtime() {
        return runtime;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Email and SMS (the demo's mail server's port, the email channel). */
    public MailChannels mail() {
        return mail;
    }

    /**
     * The contact-centre statistics, for the pages that show them (the wallboard): query them on the engine thread
     * ({@code runtime().query}), and subscribe to hear what changed and which alerts are raised and cleared.
     */
    public io.firstcontact.metrics.statistics.Statistics statistics() {
        return statistics.statistics();
    }

    /** The API listener; tests read the routes it registers. */
    ApiServer api() {
        return api;
    }

    /** The advisors whose desktop sessions are watched (a timer each). */
    java.util.Set<String> watchedSessions() {
        return sessions == null ? java.util.Set.of() : sessions.watched();
    }

    public int apiPort() {
        return api == null ? -1 : api.port();
    }

    /** The channel edges (voice, when configured). */
    public io.firstcontact.server.channels.Channels channels() {
        return channels;
    }

    public int managementPort() {
        return management.port();
    }

    /** Starts everything; returns when the API listens. */
    public void start() throws Exception {
        management.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        management.attach(runtime);
        LOG.info("management listener on {}:{}", config.management().host(), management.port());
        runtime.start();
        audit.open(runtime.redisClient());
        sessions = new Sessions(vertx, runtime, config.sessions().keepAliveTimeout());
        seedIfEmpty();
        afterRecovery();
        runtime.openDeadlines();
        // Bound once recovery has given the statistics their queues; new ones get their gauges as they come.
        StatisticsBinder statisticsMeters = new StatisticsBinder(statistics.statistics());
        runtime.query(e -> {
                    statisticsMeters.bindTo(registry);
                    return null;
                })
                .get(10, TimeUnit.SECONDS);
        ivr = IvrService.start(
                config,
                runtime,
                () -> join(runtime.query(RoutingEngine::config)),
                accounts,
                mail.notifier(),
                InstantSource.system());
        if (config.demoMode()) {
            defineDeskAdvisors();
        }
        chat.start(runtime, ivr, mail.mailer(), mail.notifier());
        desktop.recovered();
        desktop.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        startAccountContext();
        mail.start(runtime);
        Tokens tokens = Tokens.load(config);
        EventStream stream = new EventStream(
                vertx, runtime, events, streamMeters, config.api().idleTimeout());
        VoiceBinder voiceMeters = new VoiceBinder(
                Arrays.stream(StuckLink.values()).map(StuckLink::tag).toList());
        voiceMeters.bindTo(registry);
        channels = new io.firstcontact.server.channels.Channels(
                config,
                vertx,
                new io.firstcontact.server.channels.ViewReads(runtime, view, dialNumbers),
                ivr == null ? null : ivr.ivr(),
                mail.notifier(),
                new VoiceObserver() {
                    @Override
                    public void freeToRing(long nanos) {
                        voiceMeters.freeToRing(nanos);
                    }

                    @Override
                    public void amiLinkDropped(StuckLink why) {
                        voiceMeters.amiLinkDropped(why.tag());
                    }
                });
        api = new ApiServer(
                vertx,
                config,
                runtime,
                tokens,
                stream,
                new ViewRoutes(runtime, view),
                sessions,
                apiMeters,
                statistics.statistics(),
                ivr,
                view,
                router -> {
                    desktop.mount(router);
                    chat.mount(router);
                    mail.mount(router);
                },
                accountStarting);
        api.supervision(channels.supervision());
        api.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        channels.start(runtime);
        management.accepting(true);
        LOG.info(
                "API listening on {}:{} ({} mode)",
                config.http().host(),
                api.port(),
                config.demoMode() ? "demo" : "production");
        if (config.demoMode()) {
            demo = new DemoTraffic(
                    runtime,
                    new VertxDemoTimers(vertx.getOrCreateContext(), InstantSource.system()),
                    centre,
                    config.demo().seed() + runtime.epoch(), // a new schedule per start, the same for the same journal
                    runtime.epoch(), // and ids no earlier start used
                    demoResidents());
            demo.start();
            LOG.info(
                    "Demo desk: sign in at http://localhost:{}/signin with {} (all in {}/{})",
                    api.port(),
                    String.join(
                            ", ",
                            demoLogins.stream()
                                    .map(l -> l.username() + " / " + l.password())
                                    .toList()),
                    config.dataDir(),
                    DemoStaff.FILE);
        }
        if (chat.adapter() != null) {
            LOG.info("Web chat: a council page with the chat widget at http://localhost:{}/chat/", api.port());
        }
        if (mail.demoSmtpPort() > 0) {
            LOG.info(
                    "Demo mail: email the demo centre at contact@council.example through SMTP on localhost:{}",
                    mail.demoSmtpPort());
        }
    }

    /** A journal from before the desk advisors existed gets them now (DefineAgent is idempotent). */
    private void defineDeskAdvisors() throws Exception {
        List<String> known = runtime.query(
                        e -> view.agents().stream().map(AgentView::agentId).toList())
                .get(10, TimeUnit.SECONDS);
        for (Command.DefineAgent a : DemoCentre.deskAdvisors()) {
            if (!known.contains(a.agentId())) {
                runtime.submit("seed", null, a).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The account context (the cached account directory, warming, routing on the citizen's account), once started. */
    public CompletableFuture<AccountContext> account() {
        return accountStarting;
    }

    /** In the background: the member starts, then the context follows routing (see {@link #accountStarting}). */
    private void startAccountContext() {
        AccountContext.startInBackground(config.account(), vertx, InstantSource.system(), backOffice)
                .thenApply(started -> {
                    try {
                        started.attach(
                                runtime,
                                runtime.query(e -> view.agents().stream()
                                                .map(AgentView::agentId)
                                                .toList())
                                        .get(30, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        started.close();
                        throw new IllegalStateException("the account context could not follow routing", e);
                    }
                    return started;
                })
                .whenComplete((started, failure) -> {
                    if (failure != null && closing) {
                        LOG.info("the server stopped before the account context had started");
                        accountStarting.completeExceptionally(failure);
                    } else if (failure != null) {
                        LOG.error(
                                "the account context did not start ({}): no account context, warming or routing on the"
                                        + " citizen's account until the server is restarted",
                                failure.getMessage(),
                                failure);
                        accountStarting.completeExceptionally(failure);
                    } else if (accountStarting.complete(started)) {
                        account = started;
                    } else {
                        started.close(); // the server stopped meanwhile
                    }
                });
    }

    /** The demo's callers are the demo back office's residents, so that screen pops show their accounts. */
    private static List<DemoResident> demoResidents() {
        return DemoResidents.readShipped().accounts().stream()
                .map(a -> new DemoResident(a.customerRef(), a.phone(), a.email()))
                .toList();
    }

    /** The IVR (flows over the telephone and chat), or null when none is configured. */
    public IvrService ivr() {
        return ivr;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("routing did not answer: " + e, e);
        }
    }

    /** The first start: the YAML's routing seed (or the demo centre) becomes the journal's first configuration. */
    private void seedIfEmpty() throws Exception {
        boolean empty = runtime.query(e -> e.config().queues().isEmpty() && e.lastSeq() == 0)
                .get(10, TimeUnit.SECONDS);
        if (!empty) {
            return;
        }
        List<Command> seed = new ArrayList<>();
        if (config.demoMode()) {
            seed.addAll(centre.seedCommands());
        } else if (config.routing() != null) {
            seed.addAll(Seed.commands(config.routing(), runtime.codec()));
        }
        for (Command c : seed) {
            var d = runtime.submit("seed", null, c).get(30, TimeUnit.SECONDS);
            if (d.refused()) {
                throw new IllegalStateException("the configuration seed was refused: " + d.effects());
            }
        }
        if (!seed.isEmpty()) {
            LOG.info("seeded the journal with {} configuration commands", seed.size());
        }
    }

    /**
     * docs/routing-contract.md §8 after the journal is replayed: in-flight offers are resolved (cancelled, the interactions keep
     * their place), desktops must re-attach within the grace period, and in demo mode the simulation's previous run is
     * ended (its simulated callers and advisors do not survive a restart).
     */
    private void afterRecovery() throws Exception {
        record Open(List<OfferView> offers, List<AgentView> agents, List<InteractionView> demoWork) {}
        Open open = runtime.query(e -> new Open(
                        view.liveOffers(),
                        view.agents(),
                        view.liveInteractions().stream()
                                .filter(i -> i.sourceRef().startsWith(DEMO_SOURCE_PREFIX))
                                .toList()))
                .get(10, TimeUnit.SECONDS);
        java.util.Set<String> demoAgents = new java.util.HashSet<>();
        if (centre != null) {
            centre.agents().forEach(a -> demoAgents.add(a.agentId()));
        }
        // Sessions first: an advisor whose offer is cancelled next must not be offered the same work again at once.
        List<CompletableFuture<?>> done = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (AgentView a : open.agents()) {
            if (a.presence() == PresenceState.LOGGED_OUT) {
                continue;
            }
            if (config.demoMode() && demoAgents.contains(a.agentId())) {
                done.add(runtime.submit(
                        "recovery",
                        null,
                        new Command.ChangePresence(a.agentId(), PresenceState.LOGGED_OUT, null, Actor.SYSTEM, true)));
            } else if (a.sessionAttached()) {
                done.add(runtime.submit("recovery", null, new Command.SessionLost(a.agentId())));
                lost.add(a.agentId());
            }
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        done.clear();
        for (OfferView o : open.offers()) {
            done.add(runtime.submit(
                    "recovery", null, new Command.CancelOffer(o.offerId(), CancelCause.LEASE_LOST, Actor.SYSTEM)));
        }
        if (config.demoMode()) {
            for (InteractionView i : open.demoWork()) {
                done.add(runtime.submit(
                        "recovery", null, new Command.EndInteraction(i.interactionId(), EndReason.LOST_DURING_OUTAGE)));
            }
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        sessions.markLost(lost);
        if (!open.offers().isEmpty() || !lost.isEmpty()) {
            LOG.info(
                    "after recovery: {} offers in flight cancelled, {} desktop sessions awaiting re-attachment",
                    open.offers().size(),
                    lost.size());
        }
    }

    /** Graceful stop: intake closed, simulation stopped, journal flushed, lease released, Redis stopped. */
    @Override
    public void close() {
        LOG.info("stopping");
        closing = true;
        management.accepting(false);
        await(api == null ? null : api.stop().toCompletionStage().toCompletableFuture());
        chat.close();
        mail.close();
        desktop.close();
        audit.close();
        if (demo != null) {
            vertx.runOnContext(v -> demo.stop());
        }
        if (channels != null) {
            try {
                channels.stop();
            } catch (RuntimeException e) { // a stop must finish, whatever is down: the rest is still closed
                LOG.error("stopping the channel adapters failed; closing the rest", e);
            }
        }
        try {
            runtime.close();
        } catch (RuntimeException e) { // a stop must finish, whatever is down: the rest is still closed
            LOG.error("stopping routing failed; closing the rest", e);
        }
        statistics.close();
        account = null;
        if (!accountStarting.completeExceptionally(new IllegalStateException("the server stopped"))) {
            await(accountStarting.thenAccept(AccountContext::close));
        }
        await(management.stop().toCompletionStage().toCompletableFuture());
        await(vertx.close().toCompletionStage().toCompletableFuture());
        process.close();
        registry.close();
        LOG.info("stopped");
    }

    private static void await(CompletableFuture<?> f) {
        if (f == null) {
            return;
        }
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stopping: {}", e.toString());
        }
    }
}
