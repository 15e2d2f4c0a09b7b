package io.firstcontact.server.channels;

import io.firstcontact.channels.voice.SupervisionMode;
import io.firstcontact.channels.voice.VoiceAdapter;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.router.api.notify.Notifier;
import io.firstcontact.router.api.port.ChannelAdapter;
import io.firstcontact.router.api.port.LiveReads;
import io.firstcontact.server.api.Supervision;
import io.firstcontact.server.config.ServerConfig;
import io.firstcontact.server.runtime.RoutingRuntime;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel edges the configuration asks for (voice on Asterisk when {@code voice:} is set), started once routing is
 * open and stopped, in reverse order, before it closes. With none configured the server runs as before (the demo's
 * simulated traffic stands in for callers).
 */
public final class Channels {
    private static final Logger LOG = LoggerFactory.getLogger(Channels.class);

    private final List<ChannelAdapter> adapters = new ArrayList<>();
    private final VoiceAdapter voice;

    /**
     * @param ivr the IVR callers go through before an advisor, or null (none configured: the voice menu chooses the
     *     queue)
     * @param notifier texts callers the link offered on a long wait (the SMS gateway, or its log sink)
     * @param voiceMeters what the voice adapter measures
     */
    public Channels(
            ServerConfig config,
            Vertx vertx,
            LiveReads reads,
            Ivr ivr,
            Notifier notifier,
            io.firstcontact.channels.voice.VoiceObserver voiceMeters) {
        if (config.voice() != null) {
            voice = new VoiceAdapter(
                    config.voice().options(), vertx, reads, notifier, ivr, InstantSource.system(), voiceMeters);
            adapters.add(voice);
        } else {
            voice = null;
        }
    }

    /** Starts each adapter; a failure to start stops the server's start with its reason. */
    public void start(RoutingRuntime runtime) throws Exception {
        for (ChannelAdapter a : adapters) {
            a.start(runtime).toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("channel {} started ({})", a.name(), a.channels());
        }
    }

    public void stop() {
        for (int i = adapters.size() - 1; i >= 0; i--) {
            try {
                adapters.get(i).stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("channel {} did not stop cleanly: {}", adapters.get(i).name(), e.toString());
            }
        }
    }

    /** The voice channel, when configured. */
    public Optional<VoiceAdapter> voice() {
        return Optional.ofNullable(voice);
    }

    /** Supervisors joining calls, through the voice channel; null without one. */
    public Supervision supervision() {
        return voice == null
                ? null
                : (supervisor, device, interaction, mode) ->
                        voice.supervise(supervisor, device, interaction, SupervisionMode.valueOf(mode));
    }
}
