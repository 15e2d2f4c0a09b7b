package io.firstcontact.channels.voice.calls;

/**
 * A channel the adapter placed or took over for a call: an advisor's leg (an offer, then the connected advisor), a
 * consulted advisor's, a callback customer's, a supervisor's. Named by the unique id the adapter gave it
 * ({@code ChannelId}) or Asterisk reported. Confined to the adapter's context.
 */
final class Leg {
    enum Role {
        ADVISOR,
        CONSULT,
        CUSTOMER,
        SUPERVISOR
    }

    /** What the leg is; a consulted colleague's leg becomes the advisor's once the consult completes. */
    Role role;

    final String uniqueid;
    /** The ActionID of the Originate that placed it; its OriginateResponse names it. */
    final String actionId;

    final String interactionId;
    /** The offer it answers (advisor and consult legs), or null. */
    final String offerId;

    final String agentId;
    /** What the offer it answers asks for on the accept (advisor and consult legs), or null. */
    io.firstcontact.router.api.model.OfferKind kind;
    /** The channel name, once an event told it (ChanSpy needs names; everything else uses the unique id). */
    String channel;

    boolean delivered;
    boolean answered;
    boolean bridged;
    /** The adapter hung it up or transferred it away itself: its hang-up ends nothing. */
    boolean released;

    Leg(Role role, String uniqueid, String actionId, String interactionId, String offerId, String agentId) {
        this.role = role;
        this.uniqueid = uniqueid;
        this.actionId = actionId;
        this.interactionId = interactionId;
        this.offerId = offerId;
        this.agentId = agentId;
    }

    @Override
    public String toString() {
        return role + " leg " + uniqueid + (offerId == null ? "" : " of offer " + offerId);
    }
}
