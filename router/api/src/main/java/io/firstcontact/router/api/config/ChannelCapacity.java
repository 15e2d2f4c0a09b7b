package io.firstcontact.router.api.config;

import io.firstcontact.router.api.model.Ids;
import java.util.List;

/**
 * How much of one channel an advisor may hold at once, and which channels that work blocks.
 *
 * @param channel the channel
 * @param max concurrent offers + assignments (wrap-up included), 1–100, default 1
 * @param blocksWhileActive channels unavailable while an offer or active assignment on this channel exists (default
 *     none)
 * @param blocksInWrapUp channels unavailable while an assignment on this channel is in wrap-up (default none)
 */
public record ChannelCapacity(String channel, int max, List<String> blocksWhileActive, List<String> blocksInWrapUp) {
    public static final int MAX_CAPACITY = 100;

    public static final int DEFAULT_MAX = 1;
    public static final Range MAX_RANGE = Range.count(1, MAX_CAPACITY);

    public ChannelCapacity {
        Ids.require(channel, "capacity channel");
        blocksWhileActive = List.copyOf(blocksWhileActive);
        blocksInWrapUp = List.copyOf(blocksInWrapUp);
        MAX_RANGE.require(max, "max");
    }
}
