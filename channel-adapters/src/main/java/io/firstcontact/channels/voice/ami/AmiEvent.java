package io.firstcontact.channels.voice.ami;

/**
 * What the adapter takes from Asterisk's event stream, as our own records: made from Asterisk-Java's events on its
 * reader thread at once, then handed to the adapter's context. Channels are named by their unique id, which Asterisk
 * keeps for a channel's whole life (a masquerade or a bridge does not change it).
 */
public sealed interface AmiEvent {

    /** Logged in (first connection or a reconnection): the adapter resynchronises now. */
    record Connected() implements AmiEvent {}

    /** The manager connection was lost; Asterisk-Java reconnects by itself. */
    record Disconnected() implements AmiEvent {}

    /** Asterisk reported itself booted; an uptime of 0 after a reconnection means it restarted. */
    record Booted(long uptimeSeconds) implements AmiEvent {}

    /** A channel was created. */
    record ChannelCreated(String uniqueid, String channel, String linkedid) implements AmiEvent {}

    /** A channel changed state: 5 ringing, 6 up, 7 busy (Newstate). */
    record ChannelState(String uniqueid, String channel, int state) implements AmiEvent {
        public static final int RINGING = 5;
        public static final int UP = 6;
    }

    /** A channel hung up, with its Q.850 cause. */
    record ChannelHungUp(String uniqueid, String channel, String linkedid, int cause) implements AmiEvent {}

    /**
     * The outcome of an asynchronous Originate, named by its ActionID.
     *
     * @param reason Asterisk's originate reason: 4 answered, 5 busy, 3 no answer, 8 congestion, 1 hung up, 0 failed
     * @param uniqueid the channel's unique id, or null when no channel came up
     */
    record OriginateResult(String actionId, boolean success, int reason, String channel, String uniqueid)
            implements AmiEvent {
        public static final int ANSWERED = 4;
        public static final int BUSY = 5;
        public static final int NO_ANSWER = 3;
        public static final int CONGESTION = 8;
        public static final int HUNG_UP = 1;
    }

    /** A device's state: NOT_INUSE, INUSE, BUSY, RINGING, RINGINUSE, ONHOLD, UNAVAILABLE, INVALID, UNKNOWN. */
    record DeviceState(String device, String state) implements AmiEvent {}

    /** A channel entered a bridge. */
    record BridgeEntered(String bridgeId, String uniqueid, String channel) implements AmiEvent {}

    /** A channel left a bridge. */
    record BridgeLeft(String bridgeId, String uniqueid, String channel) implements AmiEvent {}

    /** A phone put its call on hold ({@code Hold}) or took it back ({@code Unhold}). */
    record HoldChanged(String uniqueid, String channel, boolean held) implements AmiEvent {}
}
