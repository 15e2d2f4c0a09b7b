package io.firstcontact.channels.voice;

import io.firstcontact.channels.notify.LogNotifier;
import io.firstcontact.channels.voice.ami.StuckLink;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.firstcontact.ivr.run.Ivr;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * One scenario's world: routing in process, the Asterisk peer, and the voice adapter between them, connected as
 * the server connects them (the adapter's FastAGI on a free port, its AMI logged in to the peer).
 */
final class VoiceRig implements AutoCloseable {
    final InProcessRouting routing;
    final AsteriskPeer peer;
    final Vertx vertx;
    VoiceAdapter adapter;
    private final VoiceOptions options;
    private final Ivr ivr;
    final LogNotifier sms = new LogNotifier();

    VoiceRig() {
        this(options -> options);
    }

    VoiceRig(java.util.function.UnaryOperator<VoiceOptions> tune) {
        this(tune, routing -> null);
    }

    /** @param ivr the IVR callers go through, made for this rig's routing (null: the one-digit menu) */
    VoiceRig(
            java.util.function.UnaryOperator<VoiceOptions> tune,
            java.util.function.Function<InProcessRouting, Ivr> ivr) {
        routing = new InProcessRouting().configured();
        this.ivr = ivr.apply(routing);
        peer = AsteriskPeer.start();
        vertx = Vertx.vertx();
        VoiceOptions options = tune.apply(VoiceOptions.defaults(new VoiceOptions.Ami(
                        "127.0.0.1",
                        peer.amiPort(),
                        AsteriskPeer.ROUTER.name(),
                        AsteriskPeer.ROUTER.secret(),
                        Duration.ofMillis(50),
                        Duration.ofMillis(400),
                        Duration.ofSeconds(5),
                        VoiceOptions.Ami.DEFAULT_MAX_MISSED_RESPONSES))
                .withAgi(new VoiceOptions.Agi("127.0.0.1", 0, 2_000))
                .withMenu(new VoiceOptions.Menu(
                        "fc-menu",
                        Map.of("1", InProcessRouting.COUNCIL_TAX, "2", InProcessRouting.PARKING),
                        InProcessRouting.COUNCIL_TAX,
                        2,
                        Duration.ofSeconds(3))));
        this.options = options;
        startAdapter();
    }

    /** What the adapter measured from an advisor's freeing to their next ring, in nanoseconds. */
    final List<Long> freeToRing = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The stuck manager connections the adapter dropped, in order. */
    final List<StuckLink> drops = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void startAdapter() {
        adapter = new VoiceAdapter(options, vertx, routing, sms, ivr, InstantSource.system(), new VoiceObserver() {
            @Override
            public void freeToRing(long nanos) {
                freeToRing.add(nanos);
            }

            @Override
            public void amiLinkDropped(StuckLink why) {
                drops.add(why);
            }
        });
        adapter.start(routing).toCompletableFuture().join();
        peer.agiServer("127.0.0.1", adapter.agiPort());
        Await.until(adapter::amiConnected, "the adapter to log in to the peer");
    }

    /** The adapter stops and a new one starts, knowing nothing (as after a restart); routing and Asterisk go on. */
    void restartAdapter() {
        adapter.stop().toCompletableFuture().join();
        startAdapter();
    }

    /** A caller who keys {@code key} and is queued; answers the caller and their interaction id. */
    Waiting waiting(String number, String key) {
        AsteriskPeer.Caller caller = peer.call(number, key);
        String id = interactionOf(caller);
        routing.awaitFact(
                io.firstcontact.router.api.event.Fact.VisitStarted.class,
                v -> v.interactionId().equals(id));
        Await.until(
                () -> caller.activity().equals("HOLDING")
                        || !caller.bridgedWith().isEmpty(),
                "the caller to wait");
        return new Waiting(caller, id);
    }

    record Waiting(AsteriskPeer.Caller caller, String id) {}

    /** A caller keying {@code 1} who is connected to ann, logged in at {@code PJSIP/1001} (which answers at once). */
    Waiting talkingWithAnn(String number) {
        peer.phone("PJSIP/1001").answersAfter(Duration.ofMillis(20));
        routing.advisor("ann", "PJSIP/1001");
        Waiting w = waiting(number, "1");
        Await.until(() -> bridgedTo(w.caller(), "PJSIP/1001"), "the talk with ann");
        return w;
    }

    String interactionOf(AsteriskPeer.Caller caller) {
        return Await.until(
                () -> caller.variable("FC_INTERACTION_ID").filter(v -> !v.isEmpty()),
                Duration.ofSeconds(10),
                "the caller's interaction id");
    }

    /** Whether the caller is bridged to a leg of this device now. */
    boolean bridgedTo(AsteriskPeer.Caller caller, String device) {
        return caller.bridgedWith().stream().anyMatch(n -> n.startsWith(device + "-"));
    }

    @Override
    public void close() {
        adapter.stop().toCompletableFuture().join();
        peer.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        routing.close();
    }
}
