package io.firstcontact.channels.voice;

import io.firstcontact.channels.voice.agi.AgiScripts;
import io.firstcontact.channels.voice.ami.AmiLink;
import io.firstcontact.channels.voice.calls.Switchboard;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.ivr.voice.VoiceIvr;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.CallRecording;
import io.firstcontact.router.api.port.ChannelAdapter;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.router.api.port.RoutingPort;
import io.netty.channel.DefaultEventLoop;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice channel on Asterisk: callers arrive through FastAGI ({@code AGI(agi://…/entry)}), wait in the holding
 * context, and are connected advisor-first over AMI (ring the advisor's phone, bridge the caller on the answer the
 * engine has sequenced). It talks to routing only through the {@link RoutingPort} (and reads what it tells callers
 * from {@link LiveReads}); Asterisk-Java stays inside this package.
 */
public final class VoiceAdapter implements ChannelAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceAdapter.class);

    private DefaultEventLoop loop;
    private final VoiceObserver observer;
    private final VoiceOptions options;
    private final Vertx vertx;
    private final LiveReads reads;
    private final Notifier notifier;
    private final Ivr ivr;
    private final InstantSource clock;
    private Switchboard board;
    private AmiLink ami;
    private io.firstcontact.channels.voice.agi.AgiFrontEnd agi;
    private RoutingPort.Subscription subscription;

    public VoiceAdapter(VoiceOptions options, Vertx vertx, LiveReads reads, Notifier notifier, InstantSource clock) {
        this(options, vertx, reads, notifier, null, clock);
    }

    /**
     * @param ivr the IVR whose flows serve callers before an advisor, or null: the one-digit menu of {@code
     *     options.menu()} chooses their queue
     */
    public VoiceAdapter(
            VoiceOptions options, Vertx vertx, LiveReads reads, Notifier notifier, Ivr ivr, InstantSource clock) {
        this(options, vertx, reads, notifier, ivr, clock, VoiceObserver.NONE);
    }

    /** @param observer what the adapter measures goes there (the metrics) */
    public VoiceAdapter(
            VoiceOptions options,
            Vertx vertx,
            LiveReads reads,
            Notifier notifier,
            Ivr ivr,
            InstantSource clock,
            VoiceObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.options = Objects.requireNonNull(options, "options");
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.ivr = ivr;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return Switchboard.SOURCE;
    }

    @Override
    public Set<String> channels() {
        return Set.of("voice");
    }

    @Override
    public synchronized CompletionStage<Void> start(RoutingPort routing) {
        // A thread of the adapter's own: Asterisk-Java writes actions with a blocking socket write, and an Asterisk
        // that stops reading must stall only the calls' bookkeeping, never an event loop that others share.
        loop = new DefaultEventLoop(
                Thread.ofPlatform().name("voice-adapter").daemon(true).factory());
        Context context =
                ((VertxInternal) vertx).contextBuilder().withEventLoop(loop).build();
        Switchboard[] holder = new Switchboard[1];
        ami = new AmiLink(options.ami(), event -> holder[0].amiEvent(event), observer);
        board = new Switchboard(options, context, routing, reads, ami, clock, observer);
        holder[0] = board;
        subscription = routing.subscribe(board::committed);
        try {
            // Devices before the first resynchronisation, so the calls taken up again can be rung.
            board.devices(reads.advisorDevices().toCompletableFuture().get(10, TimeUnit.SECONDS));
            VoiceIvr flows = ivr == null ? null : new VoiceIvr(ivr, recording());
            agi = new io.firstcontact.channels.voice.agi.AgiFrontEnd(
                    options.agi(), AgiScripts.all(options, routing, board, reads, notifier, flows, clock));
            agi.start();
        } catch (IOException e) {
            abandonStart();
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "voice: cannot listen for FastAGI on " + options.agi().host() + ":"
                            + options.agi().port() + ": " + e.getMessage(),
                    e));
        } catch (Exception e) {
            abandonStart();
            return CompletableFuture.failedFuture(e);
        }
        ami.start();
        LOG.info(
                "voice adapter started: FastAGI on {}:{}, AMI {} (server name {})",
                options.agi().host(),
                agi.port(),
                options.ami(),
                options.server());
        return CompletableFuture.completedFuture(null);
    }

    /** A start that failed part way: routing no longer heard, the adapter's thread let go. */
    private void abandonStart() {
        subscription.close();
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
    }

    /** The port FastAGI listens on (the configured one, or the free one picked for port 0). */
    public int agiPort() {
        return agi == null ? -1 : agi.port();
    }

    /** FastAGI sessions running now. */
    public int agiSessions() {
        return agi == null ? 0 : agi.activeSessions();
    }

    /** Whether the manager connection is up. */
    public boolean amiConnected() {
        return ami != null && ami.connected();
    }

    /**
     * Mutes or unmutes the recording of an interaction's call, both directions: the hook the IVR uses while card digits
     * are taken.
     */
    public CompletionStage<Void> muteRecording(String interactionId, boolean muted) {
        return board.muteRecording(interactionId, muted);
    }

    /**
     * Pauses and resumes the recording of a call while card digits are keyed: {@code MixMonitorMute} both ways on the
     * advisor's leg, where the sample dialplan records. A call not recorded (in the IVR, before any advisor; or with
     * {@code voice.recordCalls} off) succeeds at once; a call the adapter does not hold fails.
     */
    public CallRecording recording() {
        return new CallRecording() {
            @Override
            public CompletionStage<Void> pause(String interactionId) {
                return muteRecording(interactionId, true);
            }

            @Override
            public CompletionStage<Void> resume(String interactionId) {
                return muteRecording(interactionId, false);
            }
        };
    }

    /**
     * Rings a supervisor's phone into a connected call (listen, whisper or barge); audited. Completes with the
     * supervision leg's id.
     */
    public CompletionStage<String> supervise(
            String supervisorId, String device, String interactionId, SupervisionMode mode) {
        return board.supervise(supervisorId, device, interactionId, mode);
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (agi != null) {
            agi.close();
        }
        if (ami != null) {
            ami.close();
        }
        if (loop != null) {
            loop.shutdownGracefully(0, 2, TimeUnit.SECONDS); // what is queued still runs
        }
        LOG.info("voice adapter stopped");
        return CompletableFuture.completedFuture(null);
    }
}
