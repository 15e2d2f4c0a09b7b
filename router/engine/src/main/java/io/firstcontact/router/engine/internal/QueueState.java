package io.firstcontact.router.engine.internal;

import io.firstcontact.router.api.config.ChannelConfig;
import io.firstcontact.router.api.config.OverflowRule;
import io.firstcontact.router.api.config.QueueConfig;
import io.firstcontact.router.api.model.OverflowAction;
import io.firstcontact.router.api.model.OverflowTrigger;
import io.firstcontact.router.api.model.RoutingStrategy;
import java.util.TreeMap;

/** A queue's live state: open or closed, its visits in arrival order, and derived configuration. */
final class QueueState {
    QueueConfig config;
    ChannelConfig channel;
    int channelIndex;
    RoutingStrategy strategy;
    /** Sorted distinct positive agent delays of memberships in this queue: the visit's delay stages. */
    long[] delayThresholds = new long[0];

    boolean open;
    /** Live visits (QUEUED or OFFERED) by their order: arrival order, deterministic. */
    final TreeMap<Long, VisitState> liveVisits = new TreeMap<>();

    QueueState(QueueConfig config) {
        this.config = config;
        this.open = config.openAtStart();
    }

    String id() {
        return config.id();
    }

    QueueConfig config() {
        return config;
    }

    boolean isOpen() {
        return open;
    }

    RoutingStrategy strategy() {
        return strategy;
    }

    int channelIndex() {
        return channelIndex;
    }

    long[] delayThresholds() {
        return delayThresholds;
    }

    TreeMap<Long, VisitState> liveVisits() {
        return liveVisits;
    }

    /** The delay stage a visit must have reached for a membership with this delay. */
    int stageFor(long delayMillis) {
        if (delayMillis == 0) {
            return 0;
        }
        for (int i = 0; i < delayThresholds.length; i++) {
            if (delayThresholds[i] == delayMillis) {
                return i + 1;
            }
        }
        throw new IllegalStateException("delay " + delayMillis + " is not a threshold of " + id());
    }

    /** The bits of the overflow rules with this trigger. */
    int rulesWith(OverflowTrigger trigger) {
        int mask = 0;
        for (int i = 0; i < config.overflow().size(); i++) {
            if (config.overflow().get(i).trigger() == trigger) {
                mask |= 1 << i;
            }
        }
        return mask;
    }

    /** Whether a queue is reached by widening through the rules in {@code widenMask}. */
    boolean widensTo(int widenMask, String queueId) {
        for (int i = 0; i < config.overflow().size(); i++) {
            OverflowRule r = config.overflow().get(i);
            if ((widenMask & (1 << i)) != 0
                    && r.action() == OverflowAction.WIDEN
                    && r.queues().contains(queueId)) {
                return true;
            }
        }
        return false;
    }
}
