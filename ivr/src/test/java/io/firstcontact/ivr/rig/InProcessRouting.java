package io.firstcontact.ivr.rig;

import io.firstcontact.router.api.Decision;
import io.firstcontact.router.api.EngineInput;
import io.firstcontact.router.api.command.Command;
import io.firstcontact.router.api.config.AttributeDefinition;
import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.config.QueueMembership;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.RoutingPolicy;
import io.firstcontact.router.api.config.RoutingProfile;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.RoutingHost;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Routing as the server runs it — the real engine and host — in process, with the journal in memory and the demo
 * centre's voice and chat queues: the IVR under test records its outcomes and hands its callers over through the same
 * port it gets from the server.
 */
public final class InProcessRouting implements RoutingPort, AutoCloseable {
    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-engine"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<EffectSink> listeners = new CopyOnWriteArrayList<>();
    /** Every committed entry, in order. */
    public final List<Journal.Entry> entries = new CopyOnWriteArrayList<>();

    private final RoutingHost host;

    public InProcessRouting() {
        InstantSource clock = InstantSource.system();
        host = new RoutingHost(
                RoutingEngine.create(),
                batch -> CompletableFuture.completedFuture(null),
                clock,
                engineThread,
                new ScheduledExecutorScheduler(timers, clock),
                this::committed,
                HostObserver.NONE,
                1);
        host.start();
        apply(new Command.ConfigureRouting(centre()));
    }

    private void committed(EngineInput input, Decision decision) {
        entries.add(new Journal.Entry(input, decision));
        listeners.forEach(l -> l.committed(input, decision));
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

    public Decision apply(Command c) {
        return submit("test", null, c).join();
    }

    /** Every fact committed so far. */
    public List<Fact> facts() {
        List<Fact> all = new ArrayList<>();
        entries.forEach(e -> all.addAll(e.decision().facts()));
        return all;
    }

    /** The demo centre's queues (voice and chat), one advisor profile taking them all. */
    static RoutingConfig centre() {
        List<String> voiceQueues = List.of("council-tax", "parking", "waste", "housing", "general");
        List<QueueConfig> queues = new ArrayList<>();
        voiceQueues.forEach(q -> queues.add(QueueConfig.simple(q, "voice", 30_000, List.of(), 0)));
        queues.add(QueueConfig.simple("web-chat", "chat", 60_000, List.of(), 0));
        queues.add(QueueConfig.simple("email", "email", 3_600_000, List.of(), 0));
        return new RoutingConfig(
                1,
                List.of(
                        ChannelConfig.of("voice", MediaClass.REALTIME_VOICE),
                        ChannelConfig.of("chat", MediaClass.REALTIME_TEXT),
                        ChannelConfig.of("email", MediaClass.DEFERRED)),
                List.copyOf(new java.util.TreeSet<>(Rig.DEMO_ROUTING.skills())),
                queues,
                List.of(new UtilisationProfile("desk", List.of(new ChannelCapacity("voice", 1, List.of(), List.of())))),
                List.of(new RoutingProfile(
                        "all",
                        voiceQueues.stream()
                                .map(q -> new QueueMembership(q, 1, 0))
                                .toList())),
                List.of(),
                List.of(
                        new AttributeDefinition("ivrReason", AttributeClass.DISPLAY),
                        new AttributeDefinition("pcnReference", AttributeClass.PERSONAL)),
                RoutingPolicy.DEFAULT);
    }

    @Override
    public void close() {
        host.stop();
        engineThread.shutdownNow();
        timers.shutdownNow();
    }
}
