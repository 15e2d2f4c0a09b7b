package io.firstcontact.channels.voice.peer;

import java.util.LinkedHashMap;
import java.util.Map;

/** A channel of the simulated Asterisk: its name, ids, state, dialplan location and variables. Confined to the PBX thread. */
final class PeerChannel {
    /** What the channel is doing, in terms of the sample dialplan the peer plays. */
    enum Activity {
        /** Originated, ringing the far end. */
        RINGING,
        /** Running a FastAGI script. */
        AGI,
        /** In the holding context: music, announcements, keys. */
        HOLDING,
        /** An answered advisor (or customer) leg waiting in the connecting context to be bridged. */
        WAITING,
        /** On hold in the hold context (music). */
        ON_HOLD,
        /** In a bridge. */
        BRIDGED,
        /** A supervisor's ChanSpy. */
        SPYING,
        /** Playing a treatment (closed, queue full, maximum wait) or an outbound transfer. */
        TREATMENT,
        /** Hung up. */
        DEAD
    }

    final String name;
    final String uniqueid;
    String linkedid;
    final long createdAt;
    int state; // 0 Down, 4 Ring, 5 Ringing, 6 Up, 7 Busy
    String callerNum = "<unknown>";
    String callerName = "<unknown>";
    String connectedNum = "<unknown>";
    String connectedName = "<unknown>";
    String context;
    String exten;
    int priority = 1;
    String application = "";
    String appData = "";
    final Map<String, String> vars = new LinkedHashMap<>();
    String bridgeId;
    Activity activity;
    /** The device this channel is a leg of ({@code PJSIP/1001}), or null for a trunk leg. */
    String device;
    /** For a leg dialled out on the trunk: the number. */
    String dialled;

    boolean mixMonitor;
    /** A leg in the consult extension has outlasted one bridge already (its second Wait); the next one ends it. */
    boolean consultBridgeEnded;

    boolean onPhoneHold;
    /** For a ChanSpy leg: the channel it listens to. */
    PeerChannel spyee;
    /** The FastAGI session the channel runs, if any. */
    PeerAgiSession agi;
    /** Counts the channel's stays in the holding context, so a timer of an earlier stay does nothing. */
    int holdEpoch;
    /** Keys the caller pressed that a script has not read yet. */
    final java.util.ArrayDeque<String> keys = new java.util.ArrayDeque<>();
    /** While an originated channel rings: what to report if it is hung up before it answers. */
    Runnable pendingOriginate;

    PeerChannel(String name, String uniqueid, long createdAt) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = uniqueid;
        this.createdAt = createdAt;
    }

    String stateDesc() {
        return switch (state) {
            case 0 -> "Down";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            default -> "Unknown";
        };
    }

    boolean alive() {
        return activity != Activity.DEAD;
    }

    void at(String context, String exten, int priority, String application, String appData) {
        this.context = context;
        this.exten = exten;
        this.priority = priority;
        this.application = application;
        this.appData = appData;
    }

    /** The channel block most call events carry, in Asterisk's order. */
    AmiMessage block(AmiMessage m, String prefix) {
        return m.add(prefix + "Channel", name)
                .add(prefix + "ChannelState", state)
                .add(prefix + "ChannelStateDesc", stateDesc())
                .add(prefix + "CallerIDNum", callerNum)
                .add(prefix + "CallerIDName", callerName)
                .add(prefix + "ConnectedLineNum", connectedNum)
                .add(prefix + "ConnectedLineName", connectedName)
                .add(prefix + "Language", "en")
                .add(prefix + "AccountCode", "")
                .add(prefix + "Context", context)
                .add(prefix + "Exten", exten)
                .add(prefix + "Priority", priority)
                .add(prefix + "Uniqueid", uniqueid)
                .add(prefix + "Linkedid", linkedid);
    }

    @Override
    public String toString() {
        return name + "(" + uniqueid + ", " + activity + ")";
    }
}
