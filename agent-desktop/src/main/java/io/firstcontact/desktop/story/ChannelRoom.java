package io.firstcontact.desktop.story;

import io.firstcontact.router.api.config.ChannelCapacity;
import io.firstcontact.router.api.config.RoutingConfig;
import io.firstcontact.router.api.config.UtilisationProfile;
import io.firstcontact.router.view.AgentState;
import java.util.Objects;

/**
 * Whether an advisor has room on the contact's channel (docs/routing-contract.md §2: capacity per channel, offers and
 * assignments in wrap-up included, and the channels work elsewhere blocks), read from their work in place and put in
 * words only when asked. One per offer explained, reused for every advisor read: reading allocates nothing.
 */
final class ChannelRoom implements AgentState.Work {
    private final RoutingConfig config;
    private final String channel;

    /** The utilisation profile of the advisor last read: the next is often alike. */
    private String upId;

    private boolean upRead;
    private UtilisationProfile up;
    private ChannelCapacity cap;
    private int used;
    private boolean talking;
    private boolean ringing;
    /** The last work elsewhere that blocks the channel, in the order held: its channel, and what it is. */
    private String blockedBy;

    private boolean blockedByOffer;
    private boolean blockedWhileActive;

    ChannelRoom(RoutingConfig config, String channel) {
        this.config = config;
        this.channel = channel;
    }

    /** Reads the advisor's work; true when it leaves them no room on the channel. */
    boolean full(AgentState a) {
        if (!upRead || !Objects.equals(upId, a.utilisationProfile())) {
            upId = a.utilisationProfile();
            upRead = true;
            up = config.utilisationProfile(upId);
            cap = up == null ? null : up.capacity(channel);
        }
        used = 0;
        talking = false;
        ringing = false;
        blockedBy = null;
        if (cap == null) {
            return true;
        }
        a.forEachWork(this);
        return used >= cap.max() || blockedBy != null;
    }

    @Override
    public void held(String on, boolean offer, boolean wrapUp) {
        if (on.equals(channel)) {
            used++;
            ringing |= offer;
            talking |= !offer && !wrapUp;
        } else if (blocks(on, !wrapUp)) {
            blockedBy = on;
            blockedByOffer = offer;
            blockedWhileActive = !wrapUp;
        }
    }

    private boolean blocks(String busyChannel, boolean active) {
        ChannelCapacity c = up.capacity(busyChannel);
        if (c == null) {
            return false;
        }
        return (active ? c.blocksWhileActive() : c.blocksInWrapUp()).contains(channel);
    }

    /** Why the advisor last {@link #full read} has no room, in words; null when they have room. */
    String words() {
        String n = OfferReasons.noun(config, channel);
        if (cap == null) {
            return "takes no " + n + "s";
        }
        if (used >= cap.max()) {
            if (talking) {
                return cap.max() == 1 ? "on a " + n : used + " " + n + "s open";
            }
            return ringing ? "being offered another " + n : "in wrap-up";
        }
        if (blockedBy == null) {
            return null;
        }
        String b = OfferReasons.noun(config, blockedBy);
        if (blockedByOffer) {
            return "being offered a " + b;
        }
        return blockedWhileActive ? "on a " + b : "wrapping up a " + b;
    }
}
