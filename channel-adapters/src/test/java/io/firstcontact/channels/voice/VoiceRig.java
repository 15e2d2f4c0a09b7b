package io.firstcontact.channels.voice;

import io.firstcontact.channels.notify.LogNotifier;
import io.firstcontact.channels.voice.peer.AsteriskPeer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * One scenario's world: routing in process, the Asterisk peer, and the voice adapter between them, connected as
 * the server connects them (the adapter's FastAGI on a free port, its AMI logged in to the peer).
 */
final class VoiceRig implements AutoCloseable {
    final InProcessRouting routing;
    final AsteriskPeer peer;
    final Vertx vertx;
    final VoiceAdapter adapter;
    final LogNotifier sms = new LogNotifier();

    VoiceRig() {
        this(options -> options);
    }

    VoiceRig(java.util.function.UnaryOperator<VoiceOptions> tune) {
        routing = new InProcessRouting().configured();
        peer = AsteriskPeer.start();
        vertx = Vertx.vertx();
        VoiceOptions options = tune.apply(VoiceOptions.defaults(new VoiceOptions.Ami(
                        "127.0.0.1",
                        peer.amiPort(),
                        AsteriskPeer.ROUTER.name(),
                        AsteriskPeer.ROUTER.secret(),
                        Duration.ofMillis(50),
                        Duration.ofMillis(400),
                        Duration.ofSeconds(5)))
                .withAgi(new VoiceOptions.Agi("127.0.0.1", 0, 2_000))
                .withMenu(new VoiceOptions.Menu(
                        "fc-menu",
                        Map.of("1", InProcessRouting.COUNCIL_TAX, "2", InProcessRouting.PARKING),
                        InProcessRouting.COUNCIL_TAX,
                        2,
                        Duration.ofSeconds(3))));
        adapter = new VoiceAdapter(options, vertx, routing, sms, InstantSource.system());
        adapter.start(routing).toCompletableFuture().join();
        peer.agiServer("127.0.0.1", adapter.agiPort());
        Await.until(adapter::amiConnected, "the adapter to log in to the peer");
    }

    @Override
    public void close() {
        adapter.stop().toCompletableFuture().join();
        peer.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        routing.close();
    }
}
