package io.firstcontact.ivr.engine;

import io.firstcontact.router.api.model.Ids;

/**
 * The contact an IVR session serves.
 *
 * @param interactionId its interaction in routing (self-service phase)
 * @param channel the channel id ({@code voice}, {@code chat})
 * @param callerNumber the caller's number in E.164 form, or null (withheld, or a chat)
 * @param email the address a chat user gave or signed in with, or null
 * @param customerRef the back office's reference when the edge already knows the customer, or null
 */
public record Call(String interactionId, String channel, String callerNumber, String email, String customerRef) {
    public Call {
        Ids.require(interactionId, "interactionId");
        Ids.require(channel, "channel");
    }

    /** Never the caller's number or address. */
    @Override
    public String toString() {
        return "Call[" + interactionId + ", " + channel + "]";
    }
}
