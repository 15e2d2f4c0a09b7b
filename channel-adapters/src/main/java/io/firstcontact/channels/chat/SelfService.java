package io.firstcontact.channels.chat;

import io.firstcontact.ivr.engine.Call;
import io.firstcontact.ivr.text.TextTurn;
import io.firstcontact.router.api.model.Attributes;
import java.util.concurrent.CompletionStage;

/**
 * The IVR's flows for a chat, through its text front end: the server's chats in the IVR, which hand the interaction
 * over to routing (queued, or ended) when a turn ends the conversation. One call at a time per chat.
 */
public interface SelfService {

    /** The chat's first turn; its interaction exists in self-service. */
    CompletionStage<TextTurn> start(Call call, Attributes edge);

    /** The resident's answer; {@code text} is cleared once read (it may be a card number). */
    CompletionStage<TextTurn> reply(String interactionId, char[] text);

    /** The question's time ran out with no answer. */
    CompletionStage<TextTurn> noReply(String interactionId);

    /** The resident left the chat during self-service. */
    CompletionStage<TextTurn> leave(String interactionId);
}
