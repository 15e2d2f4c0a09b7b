package io.firstcontact.ivr.voice;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.Directive;
import io.firstcontact.ivr.engine.Ending;
import io.firstcontact.ivr.engine.Event;
import io.firstcontact.ivr.engine.IvrSession;
import io.firstcontact.ivr.flow.Step;
import io.firstcontact.ivr.run.Conductor;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.router.api.command.QueueRequest;
import io.firstcontact.router.api.model.Attributes;
import io.firstcontact.router.api.port.CallRecording;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR on the telephone: runs the flows for one call over its FastAGI channel, on the calling thread (the voice
 * adapter's script runs each call on a virtual thread, so waiting for the caller, the back office or the gateway is
 * cheap), and returns how the call left the IVR.
 *
 * <p>The hand-over from the voice adapter: its entry script answers the call, creates the interaction (self-service
 * phase, no queue) and calls {@link #run(AgiChannel, Call)}; on the {@link Ending} it
 *
 * <ul>
 *   <li>{@link Ending.HandOver}: submits {@link Ending.HandOver#commands(String, Attributes)} (the attributes merged
 *       with its own, then the queueing) and takes the caller to the holding context;
 *   <li>{@link Ending.SelfServed} and {@link Ending.Closed}: hangs up and ends the interaction
 *       ({@code SELF_SERVED} or {@code CUSTOMER_LEFT});
 *   <li>{@link Ending.Forward}: transfers the call out to the number ({@code TransferExternal});
 *   <li>{@link Ending.CallerLeft}: ends the interaction as {@code CUSTOMER_LEFT}.
 * </ul>
 *
 * The IVR itself records each self-service outcome ({@code RecordSelfService}) and, through the {@link CallRecording}
 * the adapter gives it, mutes the recording while card digits are keyed and unmutes it after — also when the caller
 * hangs up part way.
 *
 * <p>Logging: nothing here logs an AGI command or reply. Asterisk-Java logs no AGI traffic either (checked for 3.42.2:
 * its FastAGI reader and writer log nothing; a command refused with {@code 510} puts the command, never a reply, in its
 * exception, and no command carries card digits), but its socket trace ({@code -Dorg.asteriskjava.trace=true}) writes
 * every byte to disk: this class refuses to run while it is on.
 */
public final class VoiceIvr {
    private static final Logger LOG = LoggerFactory.getLogger(VoiceIvr.class);

    /** Asterisk-Java's switch for its socket trace, which would write card digits to disk. */
    static final String TRACE_PROPERTY = "org.asteriskjava.trace";

    private final Ivr ivr;
    private final Conductor conductor;

    /**
     * @param recording the voice adapter's call recording ({@code MixMonitorMute}), or {@link CallRecording#NONE} when
     *     calls are not recorded
     * @throws IllegalStateException when Asterisk-Java's socket trace is on
     */
    public VoiceIvr(Ivr ivr, CallRecording recording) {
        refuseTrace();
        this.ivr = ivr;
        this.conductor = new Conductor(ivr.ports().withRecording(recording));
    }

    static void refuseTrace() {
        if (Boolean.parseBoolean(System.getProperty(TRACE_PROPERTY, "false"))) {
            throw new IllegalStateException("Asterisk-Java's socket trace (-D" + TRACE_PROPERTY
                    + "=true) writes every AGI reply to disk, card digits included: remove it to run the IVR");
        }
    }

    /**
     * Runs the flows for {@code call} over {@code channel} (answered already) until the call leaves the IVR. Never
     * throws for a hang-up or a dead channel: those end as {@link Ending.CallerLeft}.
     */
    public Ending run(AgiChannel channel, Call call) {
        IvrSession session = ivr.open(call);
        AgiSpeech speech = new AgiSpeech(channel, session.flows());
        Directive d = session.start();
        try {
            while (!(d instanceof Directive.Finish finish)) {
                Event e = switch (d) {
                    case Directive.Play p -> speak(() -> speech.play(p.lines()));
                    case Directive.Ask a -> speak(() -> speech.ask(a.lines(), a.question()));
                    default -> conductor.perform(d, call).toCompletableFuture().join();
                };
                d = session.on(e);
            }
            return finish.ending();
        } catch (RuntimeException e) {
            // A fault of ours: the caller is not left in silence, and no card data or muted recording stays behind.
            LOG.error(
                    "IVR {}: the session failed ({}); the caller goes to the advisor queue",
                    call.interactionId(),
                    e.getClass().getSimpleName(),
                    e);
            drain(session, call);
            Step.Queue advisor =
                    (Step.Queue) session.flows().step(session.flows().advisor());
            String queue = advisor.queueFor(call.channel());
            return new Ending.HandOver(
                    QueueRequest.to(
                            queue != null
                                    ? queue
                                    : advisor.queues().values().iterator().next()),
                    "ivr-fault",
                    Attributes.NONE);
        }
    }

    /** An AGI exchange; any AGI failure (a dead channel, the socket gone) is the caller gone. */
    private interface Exchange {
        Event run() throws AgiException;
    }

    private static Event speak(Exchange exchange) {
        try {
            return exchange.run();
        } catch (AgiException e) {
            return new Event.HungUp();
        }
    }

    /** Ends a session that failed: as if the caller hung up, carrying out what that leaves to do. */
    private void drain(IvrSession session, Call call) {
        if (session.finished()) {
            return;
        }
        try {
            Directive d = session.on(new Event.HungUp());
            while (!(d instanceof Directive.Finish)) {
                d = session.on(
                        Conductor.channels(d)
                                ? new Event.HungUp()
                                : conductor
                                        .perform(d, call)
                                        .toCompletableFuture()
                                        .join());
            }
        } catch (RuntimeException e) {
            LOG.error("IVR {}: the failed session could not be ended cleanly", call.interactionId(), e);
        }
    }
}
