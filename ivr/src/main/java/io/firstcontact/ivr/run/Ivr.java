package io.firstcontact.ivr.run;

import io.firstcontact.ivr.calendar.EmergencyClosures;
import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.engine.IvrSession;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The IVR of one server: the flows in force, the emergency closures, and the ports its sessions reach. Both front
 * ends open their sessions here: the voice one ({@code io.firstcontact.ivr.voice.VoiceIvr}) over a FastAGI channel, the
 * text one ({@code io.firstcontact.ivr.text.TextIvr}) for chats.
 */
public final class Ivr {
    private final FlowBook book;
    private final EmergencyClosures closures;
    private final IvrPorts ports;
    private final InstantSource clock;

    public Ivr(FlowBook book, EmergencyClosures closures, IvrPorts ports, InstantSource clock) {
        this.book = Objects.requireNonNull(book, "book");
        this.closures = Objects.requireNonNull(closures, "closures");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new session through the flows in force now; it keeps them to its end. */
    public IvrSession open(Call call) {
        return IvrSession.open(book.flows(), call, clock, closures::isClosed);
    }

    public FlowBook book() {
        return book;
    }

    public EmergencyClosures closures() {
        return closures;
    }

    public IvrPorts ports() {
        return ports;
    }

    public InstantSource clock() {
        return clock;
    }
}
