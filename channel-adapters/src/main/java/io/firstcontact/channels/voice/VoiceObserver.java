package io.firstcontact.channels.voice;

import io.firstcontact.channels.voice.ami.StuckLink;

/**
 * What the voice adapter measures, for the metrics binder. Called on the adapter's context unless said otherwise;
 * record, never block.
 */
public interface VoiceObserver {
    VoiceObserver NONE = new VoiceObserver() {};

    /**
     * An advisor freed by Asterisk (their leg hung up, their phone back to {@code NOT_INUSE}) was offered the next
     * waiting caller by that freeing: from the last of those AMI events reaching the adapter to the {@code Originate}
     * that rings them leaving it.
     */
    default void freeToRing(long nanos) {}

    /**
     * A manager connection that was up was dropped because Asterisk was stuck on it (it is taken up again at once).
     * Called on the thread that noticed — a timer's, since the adapter's own may be the one stuck.
     */
    default void amiLinkDropped(StuckLink why) {}
}
