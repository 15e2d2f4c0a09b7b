package io.firstcontact.channels.voice.calls;

import java.util.ArrayList;
import java.util.List;

/**
 * A caller's call as the adapter follows it: its interaction, the caller's channel, where the caller is, and the legs
 * placed for it. Confined to the adapter's context. The caller's number is personal: it is never logged.
 */
final class Call {
    /** Where the caller is, as far as the router is concerned. */
    enum Stage {
        /** In the entry script: the menu, not yet queued. */
        IVR,
        /** Waiting in the holding context (an advisor may be ringing). */
        WAITING,
        /** Bridged with an advisor. */
        CONNECTED,
        /** On hold: the caller hears music, the advisor leg waits. */
        ON_HOLD,
        /** On hold while the advisor talks to a colleague. */
        CONSULTING,
        /** The caller hung up after asking for a callback: no channel until the callback. */
        AWAITING_CALLBACK
    }

    final String interactionId;
    final String sourceRef;
    /** The caller's channel, or null while there is none (a pending callback). */
    String callerUniqueid;
    /**
     * The caller channel's name, or null when not known: Asterisk's {@code Bridge} finds channels by prefix, so it is
     * given the name (see {@link Switchboard#bridge}).
     */
    String callerName;

    String callerNumber;
    String queue;
    Stage stage;
    /** The live offer being rung, or null. */
    Leg ringing;
    /** The advisor the caller is connected to (or was, while on hold or consulting), or null. */
    Leg advisor;
    /** The consulted advisor's leg, or null. */
    Leg consulted;
    /** The callback customer's leg, or null. */
    Leg customer;
    /** The number a callback dials; personal, never logged. */
    String callbackNumber;
    /** A call the centre places (a callback or an advisor's outbound call) that routing holds the number of, or null. */
    io.firstcontact.router.api.port.LiveReads.DialOut dialOut;
    /** The entry script still runs on the caller's channel: a bridge waits for it to end. */
    boolean inIvr;
    /** What to do once the entry script has ended. */
    final List<Runnable> afterIvr = new ArrayList<>();
    /** The advisor put the call on hold on their phone (not through routing). */
    boolean phoneHold;
    /** The adapter asked for the end (or the engine ended it): the caller's hang-up ends nothing more. */
    boolean ending;

    Call(String interactionId, String sourceRef, String callerUniqueid, Stage stage) {
        this.interactionId = interactionId;
        this.sourceRef = sourceRef;
        this.callerUniqueid = callerUniqueid;
        this.stage = stage;
    }

    @Override
    public String toString() {
        return "call " + interactionId + " (" + stage + ")";
    }
}
