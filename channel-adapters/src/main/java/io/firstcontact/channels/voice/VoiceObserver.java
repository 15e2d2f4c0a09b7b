package io.firstcontact.channels.voice;

/** What the voice adapter measures, for the metrics binder. Called on the adapter's context; record, never block. */
public interface VoiceObserver {
    VoiceObserver NONE = new VoiceObserver() {};

    /**
     * An advisor freed by Asterisk (their leg hung up, their phone back to {@code NOT_INUSE}) was offered the next
     * waiting caller by that freeing: from the last of those AMI events reaching the adapter to the {@code Originate}
     * that rings them leaving it.
     */
    default void freeToRing(long nanos) {}
}
