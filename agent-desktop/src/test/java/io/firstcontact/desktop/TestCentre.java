package io.firstcontact.desktop;

import io.firstcontact.desktop.staff.Argon2Passwords;
import io.firstcontact.desktop.staff.StaffRole;
import io.firstcontact.desktop.staff.StaffUser;
import io.firstcontact.desktop.supervisor.SupervisorPorts;
import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.NotReadyReason;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.RoutingHost;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A small contact centre for the desktop's tests: the real routing engine and host (journal in memory), the read
 * model, the desktop mounted on a real HTTP listener on a free port, and two advisors who sign in with passwords.
 * Nothing is simulated beyond the journal's storage: commands go through the {@link RoutingPort} as the server's do.
 */
public final class TestCentre implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    /** Argon2id is slow on purpose: hash once for every test. */
    private static final String HASH = Argon2Passwords.hash(PASSWORD);

    public static final String VOICE_QUEUE = "parking";
    /** Another voice queue, where calls are transferred. */
    public static final String SECOND_VOICE_QUEUE = "council-tax";

    public static final String CHAT_QUEUE = "web-chat";
    /** A second routing profile, for moving an advisor between queues. */
    public static final String CHATS_ONLY = "chats-only";

    public final Vertx vertx = Vertx.vertx();
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "engine"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<EffectSink> sinks = new CopyOnWriteArrayList<>();
    public final LiveView view;
    public final RoutingPort routing;
    public final AgentDesktop desktop;
    public final TestAccounts accounts = new TestAccounts();
    /** Every fact committed, in order. */
    public final List<io.firstcontact.router.api.event.Fact> facts = new CopyOnWriteArrayList<>();

    private final RoutingHost host;
    private final HttpServer server;

    public TestCentre() throws Exception {
        this(DesktopOptions.defaults());
    }

    public TestCentre(DesktopOptions options) throws Exception {
        this(options, 0);
    }

    /** @param port the listener's port, or 0 for any free one */
    public TestCentre(DesktopOptions options, int port) throws Exception {
        this(options, port, SupervisorPorts.defaults());
    }

    /** @param supervision what the supervisor's pages reach beyond routing (statistics, audit, channels) */
    public TestCentre(DesktopOptions options, int port, SupervisorPorts supervision) throws Exception {
        RoutingEngine engine = RoutingEngine.create();
        this.view = new LiveView(ViewOptions.DEFAULT, engine::position);
        Journal memory = batch -> CompletableFuture.completedFuture(null);
        EffectSink fanOut = (input, decision) -> sinks.forEach(s -> s.committed(input, decision));
        this.host = new RoutingHost(
                engine,
                memory,
                InstantSource.system(),
                engineThread,
                new ScheduledExecutorScheduler(timers, InstantSource.system()),
                fanOut,
                HostObserver.NONE,
                1);
        host.start();
        this.routing = new RoutingPort() {
            @Override
            public CompletableFuture<Decision> submit(String source, String key, Command command) {
                return host.submit(source, key, command);
            }

            @Override
            public Subscription subscribe(EffectSink listener) {
                sinks.add(listener);
                return () -> sinks.remove(listener);
            }
        };
        routing.subscribe(view);
        routing.subscribe((input, decision) -> {
            if (input.command() instanceof Command.CreateInteraction c) {
                accounts.arrived(
                        c.interactionId(), c.customerRef(), c.attributes().get("callerNumber"));
            }
        });
        routing.subscribe((input, decision) -> facts.addAll(decision.facts()));
        DesktopOptions withStaff = options.staff().users().isEmpty()
                ? options.withStaff(options.staff().withUsers(users()))
                : options;
        this.desktop = new AgentDesktop(
                vertx,
                withStaff,
                routing,
                view,
                engineThread,
                accounts,
                accounts,
                InstantSource.system(),
                DeskObserver.NONE,
                agent -> {},
                supervision,
                io.firstcontact.router.api.conversation.Conversations.NONE);
        routing.subscribe(desktop.sink());
        desktop.start().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        Router router = Router.router(vertx);
        desktop.mount(router);
        new io.firstcontact.desktop.web.StaffPages().library(router, "axe-core"); // for the accessibility checks
        this.server = vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
        for (Command c : seed()) {
            submit(c);
        }
    }

    public static List<StaffUser> users() {
        return List.of(
                new StaffUser("asha", "Asha Patel", HASH, List.of(StaffRole.ADVISOR), "adv-1"),
                new StaffUser("ben", "Ben Okoro", HASH, List.of(StaffRole.ADVISOR), "adv-2"),
                new StaffUser("sam", "Sam Reid", HASH, List.of(StaffRole.SUPERVISOR), null));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    public Decision submit(Command c) {
        try {
            Decision d = routing.submit("test", null, c).get(10, TimeUnit.SECONDS);
            if (d.refused()) {
                throw new IllegalStateException("refused: " + d.effects());
            }
            return d;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the read model on the engine thread. */
    public <T> T read(Supplier<T> query) {
        try {
            return CompletableFuture.supplyAsync(query, engineThread).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code check} until it holds, for at most ten seconds. */
    public static void await(String what, java.util.function.BooleanSupplier check) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** The live offer of an interaction, once there is one. */
    public io.firstcontact.router.view.OfferView offerOf(String interactionId) {
        java.util.concurrent.atomic.AtomicReference<io.firstcontact.router.view.OfferView> found =
                new java.util.concurrent.atomic.AtomicReference<>();
        await("an offer of " + interactionId, () -> {
            read(() -> view.liveOffers().stream()
                            .filter(o -> o.interactionId().equals(interactionId))
                            .findFirst())
                    .ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /** A caller arrives in the voice queue, with what the IVR learnt. Returns the interaction id. */
    public String call(String customerRef, Attributes attributes) {
        return arrive("voice", VOICE_QUEUE, customerRef, attributes);
    }

    public String chat(String customerRef, Attributes attributes) {
        return arrive("chat", CHAT_QUEUE, customerRef, attributes);
    }

    private String arrive(String channel, String queue, String customerRef, Attributes attributes) {
        String id = "int-" + UUID.randomUUID();
        submit(new Command.CreateInteraction(
                id, channel, Direction.INBOUND, "test:" + id, null, customerRef, attributes, QueueRequest.to(queue)));
        return id;
    }

    private static List<Command> seed() {
        ChannelConfig voice = ChannelConfig.of("voice", MediaClass.REALTIME_VOICE);
        ChannelConfig chat = ChannelConfig.of("chat", MediaClass.REALTIME_TEXT);
        ChannelConfig email = ChannelConfig.of("email", MediaClass.DEFERRED);
        RoutingConfig config = new RoutingConfig(
                1,
                List.of(voice, chat, email),
                List.of("parking", "written"),
                List.of(
                        QueueConfig.builder(VOICE_QUEUE, "voice")
                                .serviceLevelThreshold(30_000)
                                .wrapUp(60_000, 300_000)
                                .build(),
                        QueueConfig.builder(SECOND_VOICE_QUEUE, "voice")
                                .serviceLevelThreshold(30_000)
                                .wrapUp(60_000, 300_000)
                                .build(),
                        QueueConfig.builder(CHAT_QUEUE, "chat")
                                .serviceLevelThreshold(60_000)
                                .wrapUp(60_000, 300_000)
                                .build()),
                List.of(new UtilisationProfile(
                        "desk",
                        List.of(
                                new ChannelCapacity("voice", 1, List.of("chat", "email"), List.of("chat", "email")),
                                new ChannelCapacity("chat", 3, List.of("voice"), List.of()),
                                new ChannelCapacity("email", 1, List.of("voice"), List.of())))),
                List.of(
                        new RoutingProfile(
                                "everything",
                                List.of(
                                        new QueueMembership(VOICE_QUEUE, 1, 0),
                                        new QueueMembership(SECOND_VOICE_QUEUE, 1, 0),
                                        new QueueMembership(CHAT_QUEUE, 1, 0))),
                        new RoutingProfile(CHATS_ONLY, List.of(new QueueMembership(CHAT_QUEUE, 1, 0)))),
                List.of(new NotReadyReason("BREAK", false), new NotReadyReason("LUNCH", true)),
                List.of(
                        new AttributeDefinition("service", AttributeClass.DISPLAY),
                        new AttributeDefinition("keyed", AttributeClass.DISPLAY),
                        new AttributeDefinition("callerName", AttributeClass.PERSONAL)),
                RoutingPolicy.DEFAULT);
        List<Command> seed = new ArrayList<>();
        seed.add(new Command.ConfigureRouting(config));
        for (String agent : List.of("adv-1", "adv-2")) {
            seed.add(new Command.DefineAgent(
                    agent, List.of(new SkillLevel("parking", 5), new SkillLevel("written", 5)), "desk", "everything"));
        }
        return seed;
    }

    @Override
    public void close() {
        host.stop();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        engineThread.shutdownNow();
        timers.shutdownNow();
    }
}
