package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import java.util.ArrayList;
import java.util.List;

/** Per-channel capacity and blocking of an advisor. A channel not listed cannot be offered to them. */
public record UtilisationProfile(String id, List<ChannelCapacity> channels) {
    public UtilisationProfile {
        Ids.require(id, "utilisation profile id");
        channels = List.copyOf(channels);
        List<String> seen = new ArrayList<>();
        for (ChannelCapacity c : channels) {
            if (seen.contains(c.channel())) {
                throw new IllegalArgumentException("utilisation profile " + id + " lists " + c.channel() + " twice");
            }
            seen.add(c.channel());
        }
    }

    public ChannelCapacity capacity(String channel) {
        for (ChannelCapacity c : channels) {
            if (c.channel().equals(channel)) {
                return c;
            }
        }
        return null;
    }
}
