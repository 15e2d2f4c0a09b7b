package io.firstcontact.channels;

import io.firstcontact.channels.conversation.RoutingReads;
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
import io.firstcontact.router.api.event.Fact;
import io.firstcontact.router.api.model.Actor;
import io.firstcontact.router.api.model.AttributeClass;
import io.firstcontact.router.api.model.MediaClass;
import io.firstcontact.router.api.model.SkillLevel;
import io.firstcontact.router.api.port.EffectSink;
import io.firstcontact.router.api.port.HostObserver;
import io.firstcontact.router.api.port.Journal;
import io.firstcontact.router.api.port.RoutingPort;
import io.firstcontact.router.engine.RoutingEngine;
import io.firstcontact.router.host.RoutingHost;
import io.firstcontact.router.host.ScheduledExecutorScheduler;
import io.firstcontact.router.view.InteractionView;
import io.firstcontact.router.view.LiveView;
import io.firstcontact.router.view.OfferView;
import io.firstcontact.router.view.ViewOptions;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Routing for the channels' tests: the real engine and host (the journal in memory, every entry kept for the tests to
 * search), the read model, and a small blended centre — a phone queue, a chat queue, an email queue and an SMS queue that
 * the same three advisors take, each holding one call, or up to two chats, one email and one SMS thread, a call
 * blocking the rest.
 */
public final class TestRouting implements RoutingPort, RoutingReads, AutoCloseable {
    public static final String PHONE_QUEUE = "phone";
    public static final String CHAT_QUEUE = "web-chat";
    public static final String EMAIL_QUEUE = "email";
    public static final String SMS_QUEUE = "sms";
    public static final List<String> ADVISORS = List.of("adv-1", "adv-2", "adv-3");

    private final ExecutorService engineThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "engine"));
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final List<EffectSink> sinks = new CopyOnWriteArrayList<>();
    private final RoutingHost host;
    public final LiveView view;
    /** Every journaled entry, in order. */
    public final List<Journal.Entry> journal = new CopyOnWriteArrayList<>();
    /** Every fact committed, in order. */
    public final List<Fact> facts = new CopyOnWriteArrayList<>();

    public TestRouting() {
        this(RoutingPolicy.DEFAULT);
    }

    public TestRouting(RoutingPolicy policy) {
        RoutingEngine engine = RoutingEngine.create();
        this.view = new LiveView(ViewOptions.DEFAULT, engine::position);
        Journal memory = batch -> {
            journal.addAll(batch);
            return CompletableFuture.completedFuture(null);
        };
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
        subscribe(view);
        subscribe((input, decision) -> facts.addAll(decision.facts()));
        submitOk(new Command.ConfigureRouting(config(policy)));
        for (String a : ADVISORS) {
            submitOk(new Command.DefineAgent(a, List.of(new SkillLevel("written", 5)), "blended", "all"));
        }
    }

    static RoutingConfig config(RoutingPolicy policy) {
        return new RoutingConfig(
                1,
                List.of(
                        ChannelConfig.of("voice", MediaClass.REALTIME_VOICE),
                        ChannelConfig.of("chat", MediaClass.REALTIME_TEXT),
                        ChannelConfig.of("email", MediaClass.DEFERRED),
                        ChannelConfig.of("sms", MediaClass.DEFERRED)),
                List.of("written"),
                List.of(
                        QueueConfig.builder(PHONE_QUEUE, "voice")
                                .serviceLevelThreshold(30_000)
                                .build(),
                        QueueConfig.builder(CHAT_QUEUE, "chat")
                                .serviceLevelThreshold(60_000)
                                .wrapUp(60_000, 300_000)
                                .build(),
                        QueueConfig.builder(EMAIL_QUEUE, "email")
                                .serviceLevelThreshold(24 * 3_600_000L)
                                .build(),
                        QueueConfig.builder(SMS_QUEUE, "sms")
                                .serviceLevelThreshold(4 * 3_600_000L)
                                .build()),
                List.of(new UtilisationProfile(
                        "blended",
                        List.of(
                                new ChannelCapacity(
                                        "voice", 1, List.of("chat", "email", "sms"), List.of("chat", "email", "sms")),
                                new ChannelCapacity("chat", 2, List.of("voice"), List.of()),
                                new ChannelCapacity("email", 1, List.of("voice"), List.of()),
                                new ChannelCapacity("sms", 1, List.of("voice"), List.of())))),
                List.of(new RoutingProfile(
                        "all",
                        List.of(
                                new QueueMembership(PHONE_QUEUE, 1, 0),
                                new QueueMembership(CHAT_QUEUE, 1, 0),
                                new QueueMembership(EMAIL_QUEUE, 1, 0),
                                new QueueMembership(SMS_QUEUE, 1, 0)))),
                List.of(new NotReadyReason("BREAK", false)),
                List.of(new AttributeDefinition("service", AttributeClass.DISPLAY)),
                policy);
    }

    // ------------------------------------------------------------------ the port

    @Override
    public CompletableFuture<Decision> submit(String source, String idempotencyKey, Command command) {
        return host.submit(source, idempotencyKey, command);
    }

    @Override
    public Subscription subscribe(EffectSink listener) {
        sinks.add(listener);
        return () -> sinks.remove(listener);
    }

    @Override
    public CompletionStage<Optional<Standing>> standing(String interactionId) {
        return CompletableFuture.supplyAsync(
                () -> view.interaction(interactionId)
                        .filter(i -> i.position() > 0 && i.queue() != null)
                        .map(i -> new Standing(
                                i.queue(), i.position(), i.expectedWaitMillis() == null ? -1 : i.expectedWaitMillis())),
                engineThread);
    }

    @Override
    public CompletionStage<Optional<Where>> where(String interactionId) {
        return CompletableFuture.supplyAsync(
                () -> view.interaction(interactionId)
                        .filter(i -> i.endedAt() == null)
                        .map(i -> new Where(i.phase().name(), i.queue(), i.agentId())),
                engineThread);
    }

    // ------------------------------------------------------------------ for the tests

    public Decision submitOk(Command c) {
        Decision d = join(submit("test", null, c));
        if (d.refused()) {
            throw new IllegalStateException("refused: " + d.effects());
        }
        return d;
    }

    public void logIn(String agent) {
        submitOk(new Command.LogIn(agent, true, Actor.agent(agent)));
    }

    /** Reads the read model on the engine thread. */
    public <T> T read(Supplier<T> query) {
        return join(CompletableFuture.supplyAsync(query, engineThread));
    }

    public InteractionView interaction(String id) {
        return read(() -> view.interaction(id)).orElseThrow();
    }

    /** The live offer of an interaction, once there is one. */
    public OfferView offerOf(String interactionId) {
        AtomicReference<OfferView> found = new AtomicReference<>();
        await("an offer of " + interactionId, () -> {
            read(() -> view.liveOffers().stream()
                            .filter(o -> o.interactionId().equals(interactionId))
                            .findFirst())
                    .ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    /** The advisor's desktop takes the offer (delivered, then accepted). */
    public void accept(OfferView o) {
        submitOk(new Command.OfferDelivered(o.offerId()));
        submitOk(new Command.AcceptOffer(o.offerId(), Actor.agent(o.agentId())));
    }

    /**
     * The test card 4111 1111 1111 1111's first group standing alone, or the whole number: what a leak of it into
     * {@link #journalText()} or a store's records shows. A record's millisecond times (1796641112469) may hold "4111" by
     * chance, a leaked card number never without a separator or its end around it.
     */
    public static final Pattern CARD_START = Pattern.compile("(?<![0-9])4111(?![0-9])|4111111111111111");

    /** The commands of every journaled entry and what routing decided, as text: what a journal search would read. */
    public String journalText() {
        List<String> all = new ArrayList<>();
        for (Journal.Entry e : journal) {
            EngineInput in = e.input();
            all.add(String.valueOf(in));
            all.add(String.valueOf(e.decision()));
        }
        return String.join("\n", all);
    }

    /** Polls {@code check} until it holds, for at most fifteen seconds. */
    public static void await(String what, BooleanSupplier check) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!check.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a poll, not a sleep: the deadline bounds it
        }
    }

    public static <T> T join(CompletionStage<T> f) {
        try {
            return f.toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        host.stop();
        engineThread.shutdownNow();
        timers.shutdownNow();
    }
}
