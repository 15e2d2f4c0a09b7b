package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import java.util.List;

/**
 * How much of one channel an advisor may hold at once, and which channels that work blocks.
 *
 * @param channel the channel
 * @param max concurrent offers + assignments (wrap-up included), 1–100
 * @param blocksWhileActive channels unavailable while an offer or active assignment on this channel exists
 * @param blocksInWrapUp channels unavailable while an assignment on this channel is in wrap-up
 */
public record ChannelCapacity(String channel, int max, List<String> blocksWhileActive, List<String> blocksInWrapUp) {
    public static final int MAX_CAPACITY = 100;

    public ChannelCapacity {
        Ids.require(channel, "capacity channel");
        blocksWhileActive = List.copyOf(blocksWhileActive);
        blocksInWrapUp = List.copyOf(blocksInWrapUp);
        if (max < 1 || max > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity for " + channel + " must be 1–" + MAX_CAPACITY);
        }
    }
}
