package io.firstcontact.server;

import io.firstcontact.metrics.ApiBinder;
import io.firstcontact.metrics.EventStreamBinder;
import io.firstcontact.metrics.HostObservers;
import io.firstcontact.metrics.JournalBinder;
import io.firstcontact.metrics.ProcessBinder;
import io.firstcontact.metrics.QueueBinder;
import io.firstcontact.metrics.RoutingBinder;
import io.firstcontact.router.api.EngineSnapshot;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import io.firstcontact.server.api.ApiServer;
import io.firstcontact.server.api.Sessions;
import io.firstcontact.server.api.Tokens;
import io.firstcontact.server.api.ViewRoutes;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.demo.DemoCentre;
import io.firstcontact.server.demo.DemoTraffic;
import io.firstcontact.server.demo.VertxDemoTimers;
import io.firstcontact.server.events.EventLog;
import io.firstcontact.server.events.EventStream;
import io.firstcontact.server.ops.ListenerPorts;
import io.firstcontact.server.ops.Management;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server: management listener, routing runtime (Redis, lease, recovery), read model, event stream, API, and
 * in demo mode the demo centre's simulated traffic. {@link #start()} brings it up in that order; {@link #close()}
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
    private final Management management;
    private final RoutingRuntime runtime;
    private final LiveView view;
    private final EventLog events;
    /** What recovery resolves before routing opens. */
    private final InFlightWork inFlight;
    /** The demo centre in demo mode, else null. */
    private final DemoCentre centre;

    private ApiServer api;
    private DemoTraffic demo;
    private Sessions sessions;

    /**
     * Builds the server; nothing listens or routes until {@link #start()}.
     *
     * @throws ListenerPorts.UnavailableException if the API's or the management listener's port is taken, before
     *     anything is written (the routing runtime writes the node id and the journal key when it is built)
     */
    public FirstContactServer(ServerConfig config) {
        this(config, InstantSource.system());
    }

    /**
     * Builds the server on {@code clock}, the time routing stamps its inputs with and sets its deadlines by (tests
     * move it to stand for a long outage).
     */
    FirstContactServer(ServerConfig config, InstantSource clock) {
        ListenerPorts.requireAvailable(config);
        this.config = config;
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
        });
        this.runtime = new RoutingRuntime(config, vertx, clock, HostObservers.of(routing, journal));
        this.view =
                new LiveView(ViewOptions.DEFAULT, id -> runtime.engineOnThread().position(id));
        QueueBinder gauges = new QueueBinder(view);
        for (var binder : List.of(process, routing, journal, gauges, streamMeters, apiMeters)) {
            binder.bindTo(registry);
        }
        this.events = new EventLog(config.api().eventBuffer());
        Set<String> demoAgents = new HashSet<>();
        if (centre != null) {
            centre.agents().forEach(a -> demoAgents.add(a.agentId()));
        }
        this.inFlight = new InFlightWork(view, config.demoMode(), demoAgents, DEMO_SOURCE_PREFIX);
        runtime.resolveOnRecovery(inFlight);
        runtime.subscribe(view);
        runtime.subscribe(events);
        runtime.subscribe(routing);
        runtime.subscribe(gauges);
        runtime.onRecovery(new RoutingRuntime.RecoveryListener() {
            @Override
            public void restored(EngineSnapshot snapshot, RoutingEngine engine) {
                view.restore(snapshot); // the journal before it may be trimmed
            }

            @Override
            public void replayed(
                    io.firstcontact.router.api.EngineInput input, io.firstcontact.router.api.Decision decision) {
                view.committed(input, decision);
                events.replayed(input, decision);
            }

            @Override
            public void recovered(RoutingEngine engine) {
                events.recovered();
                gauges.refreshAll();
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

    public int managementPort() {
        return management.port();
    }

    /** Starts everything; returns when the API listens. */
    public void start() throws Exception {
        management.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        management.attach(runtime);
        LOG.info("management listener on {}:{}", config.management().host(), management.port());
        runtime.start();
        sessions = new Sessions(vertx, runtime, config.sessions().keepAliveTimeout());
        seedIfEmpty();
        sessions.markLost(inFlight.lostSessions());
        if (inFlight.cancelledOffers() > 0 || !inFlight.lostSessions().isEmpty()) {
            LOG.info(
                    "after recovery: {} offers in flight cancelled, {} desktop sessions awaiting re-attachment",
                    inFlight.cancelledOffers(),
                    inFlight.lostSessions().size());
        }
        Tokens tokens = Tokens.load(config);
        EventStream stream = new EventStream(
                vertx, runtime, events, streamMeters, config.api().idleTimeout());
        api = new ApiServer(vertx, config, runtime, tokens, stream, new ViewRoutes(runtime, view), sessions, apiMeters);
        api.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
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
                    runtime.epoch()); // and ids no earlier start used
            demo.start();
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

    /** Graceful stop: intake closed, simulation stopped, journal flushed, lease released, Redis stopped. */
    @Override
    public void close() {
        LOG.info("stopping");
        management.accepting(false);
        await(api == null ? null : api.stop().toCompletionStage().toCompletableFuture());
        if (demo != null) {
            vertx.runOnContext(v -> demo.stop());
        }
        try {
            runtime.close();
        } catch (RuntimeException e) { // a stop must finish, whatever is down: the rest is still closed
            LOG.error("stopping routing failed; closing the rest", e);
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
