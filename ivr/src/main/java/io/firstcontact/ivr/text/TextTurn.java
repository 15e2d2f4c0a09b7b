package io.firstcontact.ivr.text;

import io.firstcontact.ivr.engine.Ending;
import java.util.List;

/**
 * What the IVR says in answer to a reply: messages to show, then either a question or the end.
 *
 * @param messages what to show, in order
 * @param question what the resident is asked now, or null when the conversation ended
 * @param ending how it ended (a hand-over to an advisor, self-served, closed, left), or null while it goes on
 * @param echo what the transcript shows for the reply just given, instead of what was typed: {@code •••• 1111} for a
 *     card number, {@code ••/••} for an expiry, {@code •••} for a security code, {@code (card details removed)} for a
 *     card number typed where none was asked; null to show the reply as typed
 */
public record TextTurn(List<String> messages, TextQuestion question, Ending ending, String echo) {
    public TextTurn {
        messages = List.copyOf(messages);
        if ((question == null) == (ending == null)) {
            throw new IllegalArgumentException("a turn asks a question or ends, not both");
        }
    }

    public boolean ended() {
        return ending != null;
    }
}
