package io.firstcontact.channels.voice;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
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
import io.firstcontact.router.api.event.Effect;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.Direction;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.RoutingHost;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.ViewOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Routing as the server runs it — the real engine, host and read model — in process, with a journal in memory: the
 * adapter under test talks to it through the same ports it gets from the server.
 */
final class InProcessRouting implements RoutingPort, LiveReads, AutoCloseable {
    static final String COUNCIL_TAX = "council-tax";
    static final String PARKING = "parking";

    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-engine"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final RoutingEngine engine = RoutingEngine.create();
    private final LiveView view = new LiveView(ViewOptions.DEFAULT, engine::position);
    private final List<EffectSink> listeners = new CopyOnWriteArrayList<>();
    /** Every committed entry, in order. */
    final List<Journal.Entry> entries = new CopyOnWriteArrayList<>();

    private final RoutingHost host;

    InProcessRouting() {
        Journal journal = batch -> CompletableFuture.completedFuture(null);
        InstantSource clock = InstantSource.system();
        host = new RoutingHost(
                engine,
                journal,
                clock,
                engineThread,
                new ScheduledExecutorScheduler(timers, clock),
                this::committed,
                HostObserver.NONE,
                1);
        host.start();
    }

    private void committed(EngineInput input, Decision decision) {
        entries.add(new Journal.Entry(input, decision));
        view.committed(input, decision);
        for (EffectSink l : listeners) {
            l.committed(input, decision);
        }
    }

    @Override
    public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        return host.submit(source, idempotencyKey, command);
    }

    @Override
    public Subscription subscribe(EffectSink listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public CompletionStage<Optional<Standing>> standing(String interactionId) {
        return CompletableFuture.supplyAsync(
                () -> view.interaction(interactionId)
                        .filter(i -> i.position() > 0)
                        .map(i -> new Standing(
                                i.queue(), i.position(), i.expectedWaitMillis() == null ? -1 : i.expectedWaitMillis())),
                engineThread);
    }

    @Override
    public CompletionStage<Map<String, String>> advisorDevices() {
        return CompletableFuture.supplyAsync(
                () -> {
                    Map<String, String> d = new TreeMap<>();
                    view.agents().forEach(a -> {
                        if (a.phone() != null) {
                            d.put(a.agentId(), a.phone());
                        }
                    });
                    return d;
                },
                engineThread);
    }

    /** As the server follows them: the number of a live interaction created with one (callbacks, outbound calls). */
    @Override
    public CompletionStage<Optional<DialOut>> dialOut(String interactionId) {
        return CompletableFuture.supplyAsync(
                () -> {
                    DialOut found = null;
                    for (Journal.Entry e : entries) {
                        if (e.input().command() instanceof Command.CreateInteraction c
                                && c.interactionId().equals(interactionId)
                                && !e.decision().refused()) {
                            String callback = c.attributes().get(CALLBACK_NUMBER);
                            String dial = c.attributes().get(DIAL_NUMBER);
                            if (callback != null) {
                                found = new DialOut(callback, true);
                            } else if (dial != null) {
                                found = new DialOut(dial, c.direction() == Direction.CALLBACK);
                            }
                        }
                        for (Fact f : e.decision().facts()) {
                            if (f instanceof Fact.InteractionEnded end
                                    && end.interactionId().equals(interactionId)) {
                                found = null;
                            }
                        }
                    }
                    return Optional.ofNullable(found);
                },
                engineThread);
    }

    /** Applies and waits. */
    Decision apply(Command c) {
        return submit("test", null, c).join();
    }

    /**
     * Two voice queues (council tax with a 2 s wrap-up and callbacks dialled twice, two seconds apart; parking without
     * wrap-up), offers ringing 1.5 s before RONA.
     */
    static RoutingConfig centre() {
        ChannelConfig voice = new ChannelConfig("voice", MediaClass.REALTIME_VOICE, 1_500, false);
        return new RoutingConfig(
                1,
                List.of(voice),
                List.of("council-tax", "parking"),
                List.of(
                        QueueConfig.simple(COUNCIL_TAX, "voice", 30_000, List.of(), 2_000).toBuilder()
                                .callbacks(2, 2_000)
                                .build(),
                        QueueConfig.simple(PARKING, "voice", 30_000, List.of(), 0)),
                List.of(new UtilisationProfile("desk", List.of(new ChannelCapacity("voice", 1, List.of(), List.of())))),
                List.of(new RoutingProfile(
                        "all", List.of(new QueueMembership(COUNCIL_TAX, 1, 0), new QueueMembership(PARKING, 1, 0)))),
                List.of(new NotReadyReason("BREAK", false)),
                List.of(
                        new AttributeDefinition("menuChoice", AttributeClass.DISPLAY),
                        new AttributeDefinition("callerNumber", AttributeClass.PERSONAL)),
                RoutingPolicy.DEFAULT);
    }

    InProcessRouting configured() {
        apply(new Command.ConfigureRouting(centre()));
        return this;
    }

    /** An advisor defined and logged in, READY, at a phone. */
    void advisor(String agentId, String device) {
        apply(new Command.DefineAgent(agentId, List.of(), "desk", "all"));
        apply(new Command.LogIn(agentId, true, Actor.agent(agentId), device));
    }

    /** Every fact committed so far of one type. */
    <T extends Fact> List<T> facts(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Journal.Entry e : entries) {
            for (Fact f : e.decision().facts()) {
                if (type.isInstance(f)) {
                    out.add(type.cast(f));
                }
            }
        }
        return out;
    }

    <T extends Effect> List<T> effects(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Journal.Entry e : entries) {
            for (Effect f : e.decision().effects()) {
                if (type.isInstance(f)) {
                    out.add(type.cast(f));
                }
            }
        }
        return out;
    }

    /** Commands of one type committed so far (with their source). */
    <T extends Command> List<T> commands(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Journal.Entry e : entries) {
            if (type.isInstance(e.input().command())) {
                out.add(type.cast(e.input().command()));
            }
        }
        return out;
    }

    /** The read model's view of an interaction, read on the engine thread. */
    Optional<InteractionView> interaction(String id) {
        return CompletableFuture.supplyAsync(() -> view.interaction(id), engineThread)
                .join();
    }

    List<InteractionView> live() {
        return CompletableFuture.supplyAsync(view::liveInteractions, engineThread)
                .join();
    }

    /** Polls, with a deadline, until the fact of that type matching the predicate is committed. */
    <T extends Fact> T awaitFact(Class<T> type, Predicate<T> which) {
        return Await.until(
                () -> facts(type).stream().filter(which).findFirst(),
                Duration.ofSeconds(10),
                "a " + type.getSimpleName() + " fact");
    }

    @Override
    public void close() {
        host.stop();
        engineThread.shutdown();
        timers.shutdownNow();
        try {
            engineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
