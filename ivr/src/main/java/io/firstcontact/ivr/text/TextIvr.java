package io.firstcontact.ivr.text;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.run.Conductor;
import io.firstcontact.ivr.run.Ivr;
import io.firstcontact.router.api.port.CallRecording;

/**
 * The IVR over text: the same flows as the telephone, for a web chat (or any text channel). The chat opens a
 * {@link TextConversation} per resident and passes their replies in; it shows the turns that come out.
 *
 * <p>What the chat must do with card questions ({@link TextQuestion#sensitive()}): show a masked field, never put the
 * reply in the transcript (show {@link TextTurn#echo()} instead), never log or store it, and pass it in as a
 * {@code char[]} where it can ({@link TextConversation#reply(char[])}), which is cleared after use.
 */
public final class TextIvr {
    private final Ivr ivr;
    private final Conductor conductor;

    public TextIvr(Ivr ivr) {
        this.ivr = ivr;
        this.conductor = new Conductor(ivr.ports().withRecording(CallRecording.NONE)); // a chat is not recorded
    }

    /** A conversation through the flows in force now; call {@link TextConversation#begin()} to start it. */
    public TextConversation open(Call call) {
        return new TextConversation(ivr.open(call), conductor);
    }
}
